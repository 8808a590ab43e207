import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { createFestival, createFilm, createGaVenue, createTestScreening, createUser } from './factories';

/**
 * For exchange tests: one festival, one film, three screenings at $15 (the order's), $20 (dearer) and $10 (cheaper),
 * each in its own 30-place house, and a staff member to exchange with.
 */
export async function createExchangeFestival() {
  const db = getDb();
  const festival = await createFestival(db);
  const film = await createFilm(db, festival.id);
  const screening = async (priceCents: number, day: number) => {
    const venue = await createGaVenue(db, festival.id, 30);
    const id = await createTestScreening(db, festival, {
      venueId: venue.id,
      filmIds: [film.id],
      day,
      ticketTypes: [{ code: 'adult', name: 'Adult', priceCents }],
      allocations: { indigenous_access: 2 },
    });
    const [type] = await rows<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${id} AND code = 'adult'`);
    return { id, adult: type!.id };
  };
  const staff = await createUser(db, { role: 'staff' });
  return { festival, from: await screening(1500, 0), dearer: await screening(2000, 1), cheaper: await screening(1000, 2), staff: { id: staff.id, role: 'staff' as const } };
}
