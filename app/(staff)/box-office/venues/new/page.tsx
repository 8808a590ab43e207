import type { Metadata } from 'next';
import Link from 'next/link';
import { createVenueAction } from '../actions';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { VenueForm } from '@/components/venues/VenueForm';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'New venue', robots: { index: false } };

export default async function NewVenuePage() {
  const user = await requirePermission('programme.edit');
  return (
    <Container>
      <PageHeading lead="A reserved venue gets its seats in the seat map editor next.">New venue</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/venues" />
      <p className="mb-4 text-sm">
        <Link href="/box-office/venues" className="underline">
          All venues
        </Link>
      </p>
      <VenueForm
        action={createVenueAction}
        submitLabel="Create venue"
        initial={{
          name: '',
          slug: '',
          addressLine: '',
          city: '',
          postalCode: '',
          description: '',
          accessibilityInfo: '',
          stepFree: false,
          hearingLoop: false,
          seating: 'reserved',
          capacity: null,
          changeoverMinutes: 15,
        }}
      />
    </Container>
  );
}
