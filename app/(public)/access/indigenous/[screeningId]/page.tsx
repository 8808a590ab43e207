import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { claimIndigenousAction, joinWaitlistAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningDetail } from '@/domain/catalogue/screenings';
import { getMyClaimAllowance } from '@/domain/access/indigenous-views';
import { requireUser } from '@/web/auth/guards';
import { formatDateTime } from '@/lib/time';
import { isUuid } from '@/lib/ids';
import { IndigenousClaimForm } from '@/components/access/IndigenousClaimForm';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Claim Indigenous Access tickets', description: 'Claim free Indigenous Access tickets for this screening.', robots: { index: false } };

type Props = { params: Promise<{ screeningId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Claim free tickets for one screening (signed in), or join its waiting list when every place is claimed. */
export default async function ClaimIndigenousPage({ params, searchParams }: Props) {
  const { screeningId } = await params;
  if (!isUuid(screeningId)) notFound();
  const user = await requireUser();
  const festival = await requireCurrentFestival();
  const s = await getScreeningDetail(festival, screeningId);
  if (!s) notFound();
  const allowance = await getMyClaimAllowance(user, screeningId);
  if (!allowance) notFound();
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const waiting = query.waiting === '1';
  const max = Math.min(allowance.mayClaim, allowance.placesLeft);

  return (
    <Container>
      <PageHeading lead={`${s.title} · ${formatDateTime(s.startsAt, festival.timeZone)} · ${s.venue.name}`}>Claim Indigenous Access tickets</PageHeading>
      {error ? (
        <div className="mb-4">
          <Notice title="We could not do that" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {waiting ? (
        <div className="mb-4">
          <Notice title="You are on the waiting list">
            If places come back for this screening, we will email you a link to claim them. You can leave the list from{' '}
            <Link href="/account/requests" className="underline">
              My access requests
            </Link>
            .
          </Notice>
        </div>
      ) : null}

      {!allowance.open ? (
        <Notice title="Claims for this screening have closed">{allowance.closedMessage}</Notice>
      ) : allowance.mayClaim === 0 ? (
        <Notice title="You have your tickets for this screening">
          You have claimed as many Indigenous Access tickets as one person may for this screening (or for the festival).{' '}
          <Link href="/account/requests" className="underline">
            See or cancel your tickets
          </Link>
          .
        </Notice>
      ) : max > 0 ? (
        <>
          <p className="mb-4">
            {allowance.placesLeft} {allowance.placesLeft === 1 ? 'place is' : 'places are'} left for Indigenous Access at this screening. Your tickets are
            confirmed straight away and emailed to {user.email}.
          </p>
          <IndigenousClaimForm
            max={max}
            seats={s.seatMap ? s.seatMap.map((seat) => ({ ...seat, available: seat.state === 'available' })) : null}
            action={claimIndigenousAction.bind(null, s.id)}
          />
        </>
      ) : (
        <section aria-labelledby="waitlist" className="space-y-4">
          <Notice title="All Indigenous Access places for this screening are claimed">
            Places sometimes come back when people cancel. Join the waiting list and we will email you, in the order people joined, with a link to claim
            them. The link is kept for you for a limited time.
          </Notice>
          <h2 id="waitlist" className="font-serif text-2xl font-bold">
            Tell me if places come back
          </h2>
          <form action={joinWaitlistAction.bind(null, s.id)} className="flex flex-wrap items-end gap-4 rounded-lg border border-stone-300 bg-white p-4">
            <div>
              <label htmlFor="wait-quantity" className="block font-semibold">
                How many tickets?
              </label>
              <select id="wait-quantity" name="quantity" defaultValue="1" className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-3">
                {Array.from({ length: allowance.mayClaim }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
              Join the waiting list
            </button>
          </form>
        </section>
      )}
      <p className="mt-6">
        <Link href="/access/indigenous" className="underline">
          Back to Indigenous Access
        </Link>
      </p>
    </Container>
  );
}
