import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getVenueBySlug } from '@/domain/catalogue/venues';
import { ScreeningList } from '@/components/screenings/ScreeningList';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const festival = await requireCurrentFestival();
  const venue = await getVenueBySlug(festival, (await params).slug);
  // A venue saved without a description still gets one of its own rather than the festival's tagline.
  return venue
    ? { title: venue.name, description: venue.description || `${venue.name}: address, seating, access and screenings.` }
    : { title: 'Venue not found', description: 'No venue at this address.' };
}

export default async function VenuePage({ params }: { params: Params }) {
  const festival = await requireCurrentFestival();
  const venue = await getVenueBySlug(festival, (await params).slug);
  if (!venue) notFound();
  return (
    <Container>
      <PageHeading lead={venue.description}>{venue.name}</PageHeading>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="address-heading">
          <h2 id="address-heading" className="font-serif text-xl font-bold">
            Address
          </h2>
          <address className="not-italic">
            {venue.addressLine}
            <br />
            {venue.city} {venue.postalCode}
          </address>
          <p className="mt-2 text-sm">
            {venue.seating === 'reserved'
              ? `Reserved seating: ${venue.capacity} seats, including ${venue.wheelchairSpaces} wheelchair spaces.`
              : `General admission: ${venue.capacity} places.`}
          </p>
        </section>
        <section aria-labelledby="venue-access-heading">
          <h2 id="venue-access-heading" className="font-serif text-xl font-bold">
            Accessibility
          </h2>
          <ul className="text-sm">
            <li>{venue.stepFree ? 'Step-free access' : 'Not step-free'}</li>
            <li>{venue.hearingLoop ? 'Hearing loop installed' : 'No hearing loop'}</li>
          </ul>
          <p className="mt-2 text-sm leading-relaxed">{venue.accessibilityInfo}</p>
        </section>
      </div>
      <section aria-labelledby="venue-screenings-heading" className="mt-8">
        <h2 id="venue-screenings-heading" className="font-serif text-2xl font-bold">
          Upcoming screenings
        </h2>
        <div className="mt-3">
          <ScreeningList screenings={venue.screenings} timeZone={festival.timeZone} showTitle />
        </div>
      </section>
    </Container>
  );
}
