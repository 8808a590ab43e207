import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { orderCookieName } from '@/web/api/client';
import { formatCents } from '@/lib/format';
import { getOrderWithToken } from '@/domain/payments/order-access';
import { getPaidOrderGift } from '@/domain/access-fund/donations';
import { getCurrentUser } from '@/web/auth/guards';
import { formatDateTime } from '@/lib/time';
import { TicketCard } from '@/components/booking/TicketCard';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Your order', description: 'Your order and its tickets.', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Only reads: the webhook fulfils. While the payment is processing the page refreshes itself. */
export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const token = (typeof query.token === 'string' ? query.token : null) ?? (await cookies()).get(orderCookieName(id))?.value;
  const order = await getOrderWithToken(id, token, getCurrentUser);
  if (!order) notFound();
  const tokenQuery = token ? `?token=${encodeURIComponent(token)}` : '';
  const gift = order.status === 'paid' ? await getPaidOrderGift(order.id) : null;

  return (
    <Container>
      {order.status === 'pending' ? <meta httpEquiv="refresh" content="3" /> : null}
      <PageHeading lead={`${order.title} · ${formatDateTime(order.startsAt, order.timeZone)} · ${order.venueName}`}>Order {order.number}</PageHeading>
      <div aria-live="polite" className="mb-6">
        {order.status === 'pending' ? (
          <Notice title="Processing your payment…">This page updates by itself. Your tickets appear here as soon as the payment is confirmed.</Notice>
        ) : null}
        {order.status === 'paid' && order.totalCents === 0 ? (
          // A free access ticket: nothing was paid, so the notice does not speak of a payment.
          <Notice title="Your tickets are ready">A confirmation with your tickets has been sent to {order.buyerEmail}. These tickets are free.</Notice>
        ) : null}
        {order.status === 'cancelled' ? <Notice title="Cancelled">These tickets were cancelled and their places given back.</Notice> : null}
        {order.status === 'paid' && order.totalCents > 0 ? (
          <Notice title="Payment received: your tickets are ready">
            A confirmation has been sent to {order.buyerEmail}. Total paid: {formatCents(order.totalCents, order.currency)}.
            {gift ? ` It includes your gift of ${formatCents(gift.amountCents, order.currency)} to the access fund: thank you. Your receipt comes by email.` : null}
          </Notice>
        ) : null}
        {order.status === 'expired' || order.status === 'failed' ? (
          <Notice title="No payment was taken" tone="warn">
            The payment did not complete, so your seats were released.{' '}
            <Link href={`/screenings/${order.screeningId}/book`} className="underline">
              Book again
            </Link>
          </Notice>
        ) : null}
        {order.status === 'refund_due' || order.status === 'refunded' ? (
          <Notice title={order.status === 'refunded' ? 'Refunded' : 'Refund on its way'} tone="warn">
            {order.status === 'refunded'
              ? 'This order was refunded in full; its tickets are no longer valid.'
              : 'Your payment arrived after your seats had been released and the screening had no places left. We are refunding you in full.'}
          </Notice>
        ) : null}
      </div>
      {order.status === 'paid' && order.tickets.length > 0 ? (
        <>
          <p className="mb-4 flex flex-wrap gap-4">
            <a href={`/orders/${order.id}/tickets.pdf${tokenQuery}`} className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-semibold text-white">
              Download tickets (PDF)
            </a>
            <a href={`/orders/${order.id}/calendar.ics${tokenQuery}`} className="inline-flex min-h-11 items-center rounded-md border border-stone-500 bg-white px-4 py-2 font-semibold">
              Add to calendar (.ics)
            </a>
          </p>
          <h2 className="sr-only">Tickets</h2>
          <div className="grid gap-4">
            {order.tickets.map((t) => (
              <TicketCard key={t.code} ticket={t} />
            ))}
          </div>
        </>
      ) : null}
    </Container>
  );
}
