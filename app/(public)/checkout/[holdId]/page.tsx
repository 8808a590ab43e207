import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { checkoutAction, releaseHoldAction } from './actions';
import { getHoldForCheckout } from '@/domain/booking/checkout-view';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningSummary } from '@/domain/catalogue/screenings';
import { holdCookieName } from '@/web/api/client';
import { getCurrentUser } from '@/web/auth/guards';
import { checkHoldTokenForPage } from '@/domain/booking/hold-access';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { HoldCountdown } from '@/components/booking/HoldCountdown';
import { ReleaseOnLeave } from '@/components/booking/ReleaseOnLeave';
import { Container } from '@/components/ui/Container';
import { GiftFields } from '@/components/access-fund/GiftFields';
import { getCheckoutGiftOffer } from '@/domain/access-fund/donations';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { BuyerFields } from '@/components/ui/BuyerFields';

export const metadata: Metadata = { title: 'Your details', description: 'Your name and email for the tickets you are holding, then payment.', robots: { index: false } };

type Props = { params: Promise<{ holdId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { holdId } = await params;
  const token = (await cookies()).get(holdCookieName(holdId))?.value ?? null;
  // Someone else's hold looks exactly like a missing one.
  if (!(await checkHoldTokenForPage(holdId, token))) notFound();
  const [festival, hold, query, user] = await Promise.all([requireCurrentFestival(), getHoldForCheckout(holdId), searchParams, getCurrentUser()]);
  if (!hold) notFound();
  const screening = await getScreeningSummary(festival, hold.screeningId);
  if (!screening) notFound();
  const error = typeof query.error === 'string' ? query.error : null;
  const giftOffer = hold.status === 'active' && !hold.expired ? await getCheckoutGiftOffer(hold.screeningId) : null;
  const live = (hold.status === 'active' || hold.status === 'checkout') && !hold.expired;

  return (
    <Container>
      <PageHeading lead={`${screening.title} · ${formatDateTime(screening.startsAt, festival.timeZone)} · ${screening.venue.name}`}>
        Your tickets
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          {error ? (
            <Notice title="Something needs your attention" tone="warn">
              {error}
            </Notice>
          ) : null}
          {query.cancelled ? (
            <Notice title="Payment cancelled">No money was taken. Your seats stay held until the timer runs out; you can pay now or release them.</Notice>
          ) : null}
          {live ? <HoldCountdown expiresAt={hold.expiresAt.toISOString()} expiredHref={`/screenings/${hold.screeningId}/book`} /> : null}
          {hold.status === 'active' && !hold.expired ? <ReleaseOnLeave holdId={hold.id} /> : null}

          {hold.status === 'active' && !hold.expired ? (
            <form action={checkoutAction.bind(null, hold.id)} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
              <h2 className="font-serif text-xl font-bold">Your details</h2>
              <p className="text-sm text-muted">We send your tickets to this address. No account needed.</p>
              <BuyerFields name={user?.name ?? ''} email={user?.email ?? ''} />
              {giftOffer ? (
                <GiftFields
                  ticketValueCents={giftOffer.ticketValueCents}
                  currency={festival.currency}
                  baseCents={hold.totalCents}
                  withTotal
                  payButton
                  intro="Donate a ticket at this screening's price, or any amount: the access fund pays for tickets our community partners give to people who could not otherwise come. Paid with your order; you get a receipt."
                />
              ) : (
                <button type="submit" className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
                  Pay {formatCents(hold.totalCents, festival.currency)}
                </button>
              )}
            </form>
          ) : null}

          {hold.status === 'checkout' && hold.order ? (
            <div className="space-y-2 rounded-lg border border-stone-300 bg-white p-4">
              <h2 className="font-serif text-xl font-bold">Payment in progress</h2>
              <p>Your seats are held while you pay.</p>
              {hold.order.checkoutUrl ? (
                <a href={hold.order.checkoutUrl} className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 py-2 font-semibold text-white">
                  Continue to payment
                </a>
              ) : null}
            </div>
          ) : null}

          {hold.status === 'converted' && hold.order ? (
            <Notice title="Paid">
              <Link href={`/orders/${hold.order.id}`} className="underline">
                See your tickets
              </Link>
            </Notice>
          ) : null}

          {!live && hold.status !== 'converted' ? (
            <Notice title="This hold has ended" tone="warn">
              Its seats were released.{' '}
              <Link href={`/screenings/${hold.screeningId}/book`} className="underline">
                Choose again
              </Link>
            </Notice>
          ) : null}

          {live ? (
            <form action={releaseHoldAction.bind(null, hold.id, hold.screeningId)}>
              <button type="submit" className="min-h-11 rounded-md border border-stone-500 bg-white px-4 py-2 text-sm font-semibold">
                Release my seats
              </button>
            </form>
          ) : null}
        </div>

        <aside aria-labelledby="summary-heading" className="h-fit rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="summary-heading" className="font-serif text-xl font-bold">
            Summary
          </h2>
          <ul className="mt-2 text-sm">
            {hold.items.map((i) => (
              <li key={i.name} className="flex justify-between border-b border-stone-200 py-1">
                <span>
                  {i.quantity} × {i.name}
                </span>
                <span>{formatCents(i.quantity * i.unitPriceCents, festival.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 flex justify-between font-semibold">
            <span>Total</span>
            <span>{formatCents(hold.totalCents, festival.currency)}</span>
          </p>
          <h3 className="mt-4 font-semibold">{hold.seats.length ? 'Seats' : 'Seating'}</h3>
          {hold.seats.length ? (
            <ul className="text-sm">
              {hold.seats.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">General admission</p>
          )}
        </aside>
      </div>
    </Container>
  );
}
