import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { importLayoutAction } from '../actions';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { LayoutImportForm } from '@/components/venues/LayoutImportForm';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getVenueForEditing } from '@/domain/venues/venues';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Import a seat map', robots: { index: false } };

type Params = Promise<{ venueId: string }>;

export default async function ImportSeatMapPage({ params }: { params: Params }) {
  const user = await requirePermission('programme.edit');
  const [{ venueId }, festival] = await Promise.all([params, requireCurrentFestival()]);
  const venue = await getVenueForEditing(festival.id, venueId);
  if (!venue) notFound();
  return (
    <Container>
      <PageHeading lead="Check a CSV or JSON file line by line, then replace the seat map with it. Nothing is written while any line is wrong.">
        Import a seat map: {venue.name}
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/venues" />
      <p className="mb-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href={`/box-office/venues/${venue.id}/seat-map`} className="underline">
          Seat map editor
        </Link>
        <a href={`/box-office/venues/${venue.id}/seat-map.csv`} className="underline" download>
          Download the current map as CSV
        </a>
      </p>
      {venue.seating === 'reserved' ? (
        <LayoutImportForm venueId={venue.id} action={importLayoutAction} />
      ) : (
        <Notice title="No seat map">This venue has general admission: change its seating to reserved first.</Notice>
      )}
    </Container>
  );
}
