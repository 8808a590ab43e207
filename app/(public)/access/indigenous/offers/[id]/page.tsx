import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { claimOfferAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getMyWaitlistEntry } from '@/domain/access/indigenous-views';
import { requireUser } from '@/web/auth/guards';
import { formatDateTime } from '@/lib/time';
import { isUuid } from '@/lib/ids';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Your Indigenous Access offer', description: 'Accept or decline the Indigenous Access tickets offered to you from the waiting list.', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A waiting-list offer, opened from its email: only the person it was made to sees it (anyone else: not found). */
export default async function OfferPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const user = await requireUser();
  const offer = await getMyWaitlistEntry(user, id);
  if (!offer) notFound();
  const festival = await requireCurrentFestival();
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const error = typeof query.error === 'string' ? query.error : null;
  const tz = festival.timeZone;
  const places = offer.quantity === 1 ? '1 place' : `${offer.quantity} places`;

  return (
    <Container>
      <PageHeading lead={`${offer.title} · ${formatDateTime(offer.startsAt, tz)} · ${offer.venueName}`}>Your Indigenous Access offer</PageHeading>
      {error ? (
        <div className="mb-4">
          <Notice title="We could not do that" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {offer.status === 'claimed' ? (
        <Notice title="You have claimed this offer">
          Your tickets were emailed to you. You can find them in{' '}
          <Link href="/account/requests" className="underline">
            My access requests
          </Link>
          .
        </Notice>
      ) : offer.live && offer.expiresAt ? (
        <div className="space-y-4">
          <p>
            {places} came back for this screening, and we are keeping {offer.quantity === 1 ? 'it' : 'them'} for you until{' '}
            <strong>
              <time dateTime={offer.expiresAt.toISOString()}>{formatDateTime(offer.expiresAt, tz)}</time>
            </strong>
            . After that, {offer.quantity === 1 ? 'it goes' : 'they go'} to the next person in line.
          </p>
          <form action={claimOfferAction.bind(null, offer.id)}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
              Claim {offer.quantity} free ticket{offer.quantity === 1 ? '' : 's'}
            </button>
          </form>
        </div>
      ) : offer.status === 'waiting' ? (
        <Notice title="You are on the waiting list">We will email you a link as soon as places come back for this screening.</Notice>
      ) : (
        <Notice title="This offer has ended">
          The time to claim these places has passed, or you left the waiting list, so they have gone to the next person. You can still look for other
          screenings on the{' '}
          <Link href="/access/indigenous" className="underline">
            Indigenous Access page
          </Link>
          .
        </Notice>
      )}
    </Container>
  );
}
