import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { updateVenueAction } from './actions';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { VenueForm } from '@/components/venues/VenueForm';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getVenueForEditing } from '@/domain/venues/venues';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Edit a venue', robots: { index: false } };

type Params = Promise<{ venueId: string }>;
type Query = Promise<Record<string, string | string[] | undefined>>;

const DONE: Record<string, string> = { created: 'The venue was created.', saved: 'The venue was saved.' };

export default async function VenuePage({ params, searchParams }: { params: Params; searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [{ venueId }, query, festival] = await Promise.all([params, searchParams, requireCurrentFestival()]);
  const venue = await getVenueForEditing(festival.id, venueId);
  if (!venue) notFound();
  const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
  return (
    <Container>
      <PageHeading lead={`${venue.addressLine}, ${venue.city}`}>{venue.name}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/venues" />
      <p className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href="/box-office/venues" className="underline">
          All venues
        </Link>
        {venue.seating === 'reserved' ? (
          <>
            <Link href={`/box-office/venues/${venue.id}/seat-map`} className="underline">
              Edit the seat map
            </Link>
            <Link href={`/box-office/venues/${venue.id}/import`} className="underline">
              Import a seat map
            </Link>
          </>
        ) : null}
        <Link href={`/venues/${venue.slug}`} className="underline">
          Public page
        </Link>
      </p>
      {done ? (
        <div className="mb-4">
          <Notice title="Saved">{done}</Notice>
        </div>
      ) : null}
      <VenueForm
        action={updateVenueAction}
        venueId={venue.id}
        submitLabel="Save venue"
        initial={venue}
        seatingLocked={
          venue.upcomingScreenings > 0
            ? `${venue.upcomingScreenings} upcoming screening${venue.upcomingScreenings === 1 ? '' : 's'} here: the seating can change only while none of the venue's screenings has tickets or held places.`
            : undefined
        }
      />
    </Container>
  );
}
