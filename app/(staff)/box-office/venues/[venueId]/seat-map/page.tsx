import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { saveSeatLayoutAction } from '../actions';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { SeatMapEditor } from '@/components/venues/SeatMapEditor';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getSeatLayout, getVenueForEditing } from '@/domain/venues/venues';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Seat map editor', robots: { index: false } };

type Params = Promise<{ venueId: string }>;

export default async function SeatMapPage({ params }: { params: Params }) {
  const user = await requirePermission('programme.edit');
  const [{ venueId }, festival] = await Promise.all([params, requireCurrentFestival()]);
  const venue = await getVenueForEditing(festival.id, venueId);
  if (!venue) notFound();
  const layout = venue.seating === 'reserved' ? await getSeatLayout(venue.id) : [];
  return (
    <Container>
      <PageHeading lead="Rows, seats, wheelchair spaces, companion seats and blocked seats.">Seat map: {venue.name}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/venues" />
      <p className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href={`/box-office/venues/${venue.id}`} className="underline">
          Venue details
        </Link>
        <Link href={`/box-office/venues/${venue.id}/import`} className="underline">
          Import from a file
        </Link>
        <a href={`/box-office/venues/${venue.id}/seat-map.csv`} className="underline" download>
          Download as CSV
        </a>
        <a href={`/box-office/venues/${venue.id}/seat-map.json`} className="underline" download>
          Download as JSON
        </a>
      </p>
      {venue.seating === 'reserved' ? (
        <SeatMapEditor venueId={venue.id} initial={layout} action={saveSeatLayoutAction} />
      ) : (
        <Notice title="No seat map">This venue has general admission: it has a capacity, not seats. Change its seating to reserved first.</Notice>
      )}
    </Container>
  );
}
