import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getDeskCheckout } from '@/domain/desk/stripe-sale';
import { requirePermission } from '@/web/auth/guards';
import { qrSvg } from '@/platform/tickets/qr';
import { formatCents } from '@/lib/format';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Card payment on the buyer’s phone', robots: { index: false } };

/**
 * The Stripe link of a desk sale, as a QR code for the buyer's phone. Tickets are issued only when Stripe's verified
 * webhook says the payment completed; this page says where the order stands and links to it once paid.
 */
export default async function DeskPayPage({ params }: { params: Promise<{ orderId: string }> }) {
  const user = await requirePermission('door.sell');
  const festival = await requireCurrentFestival();
  const { orderId } = await params;
  const order = await getDeskCheckout(festival.id, orderId);
  if (!order) notFound();
  const svg = order.status === 'pending' && order.checkoutUrl ? await qrSvg(order.checkoutUrl) : null;

  return (
    <Container>
      <PageHeading lead={`${order.title} · order ${order.number} · ${formatCents(order.totalCents, order.currency)}`}>Card payment on the buyer’s phone</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/sell" />
      {order.status === 'paid' ? (
        <p role="status" className="text-lg">
          Paid: the tickets are issued.{' '}
          <Link href={`/box-office/orders/${order.id}`} className="font-semibold underline">
            Print or email them
          </Link>
        </p>
      ) : order.status === 'pending' && svg && order.checkoutUrl ? (
        <div className="space-y-4">
          <p>Ask the buyer to scan this code with their phone and pay on Stripe&apos;s page. Tickets are issued when Stripe confirms the payment.</p>
          <div role="img" aria-label="QR code of the payment link" className="h-56 w-56 bg-white [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: svg }} />
          <p className="break-all text-sm">
            Or open the link:{' '}
            <a href={order.checkoutUrl} className="underline">
              {order.checkoutUrl}
            </a>
          </p>
          <p>
            <Link href={`/box-office/sell/pay/${order.id}`} className="underline">
              Check whether it is paid
            </Link>
          </p>
        </div>
      ) : (
        <p role="status">This order is {order.status.replace('_', ' ')}: there is no payment to take.</p>
      )}
      <p className="mt-8">
        <Link href="/box-office/sell" className="underline">
          New sale
        </Link>
      </p>
    </Container>
  );
}
