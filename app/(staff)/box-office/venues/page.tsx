import type { Metadata } from 'next';
import Link from 'next/link';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listVenuesForStaff } from '@/domain/venues/venues';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Venues and seat maps', robots: { index: false } };

/** The festival's venues: each one's places, and the way to its details and seat map. */
export default async function VenuesPage() {
  const user = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const venues = await listVenuesForStaff(festival.id);
  return (
    <Container>
      <PageHeading lead="Where the festival screens: addresses, access, seating and seat maps.">Venues and seat maps</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/venues" />
      <p className="mb-4">
        <Link href="/box-office/venues/new" className="inline-block rounded-md bg-accent px-4 py-2 font-semibold text-white">
          New venue
        </Link>
      </p>
      {venues.length === 0 ? (
        <p>No venues yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Venues</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">
                  Venue
                </th>
                <th scope="col" className="py-2 pr-4">
                  Seating
                </th>
                <th scope="col" className="py-2 pr-4">
                  Places
                </th>
                <th scope="col" className="py-2 pr-4">
                  Upcoming screenings
                </th>
                <th scope="col" className="py-2">
                  Seat map
                </th>
              </tr>
            </thead>
            <tbody>
              {venues.map((v) => (
                <tr key={v.id} className="border-b border-stone-200">
                  <td className="py-2 pr-4">
                    <Link href={`/box-office/venues/${v.id}`} className="font-semibold underline">
                      {v.name}
                    </Link>
                    <span className="block text-muted">{v.city}</span>
                  </td>
                  <td className="py-2 pr-4">{v.seating === 'reserved' ? 'Reserved seats' : 'General admission'}</td>
                  <td className="py-2 pr-4">
                    {v.places}
                    {v.seating === 'reserved' ? (
                      <span className="block text-muted">
                        {v.seats} seats, {v.blocked} blocked, {v.wheelchair} wheelchair
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{v.upcomingScreenings}</td>
                  <td className="py-2">
                    {v.seating === 'reserved' ? (
                      <Link href={`/box-office/venues/${v.id}/seat-map`} className="underline" aria-label={`Edit the seat map of ${v.name}`}>
                        Edit seat map
                      </Link>
                    ) : (
                      <span className="text-muted">None (general admission)</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
