import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listVenues } from '@/domain/catalogue/venues';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Venues', description: 'The festival’s venues: addresses, seating, step-free access and hearing loops.' };

export default async function VenuesPage() {
  const festival = await requireCurrentFestival();
  const venues = await listVenues(festival);
  return (
    <Container>
      <PageHeading lead="Where the films play, and how to get in.">Venues</PageHeading>
      <ul className="grid gap-4 sm:grid-cols-2">
        {venues.map((v) => (
          <li key={v.slug} className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 className="font-serif text-xl font-bold">
              <Link href={`/venues/${v.slug}`} className="underline-offset-4 hover:underline">
                {v.name}
              </Link>
            </h2>
            <p className="text-sm">
              {v.addressLine}, {v.city}
            </p>
            <p className="mt-1 text-sm text-muted">
              {v.seating === 'reserved' ? `Reserved seating, ${v.capacity} seats` : `General admission, ${v.capacity} places`}
              {v.stepFree ? ' · Step-free' : ' · Not step-free'}
              {v.hearingLoop ? ' · Hearing loop' : ''}
            </p>
          </li>
        ))}
      </ul>
    </Container>
  );
}
