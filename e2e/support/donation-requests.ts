import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { venues } from '@/db/schema';
import { firstRow } from '@/db/sql';
import { moveFund } from '@/domain/access-fund/ledger';
import { createFilm, createTestScreening, uniq } from '../../tests/support/factories';

interface FestivalRef {
  id: string;
  timeZone: string;
  startsOn: string;
}

/**
 * A paid gift to the festival's access fund, credited the one way the fund changes (as the verified webhook does): the
 * demo festival's fund starts at 0, and a donated ticket is only issued when the fund can pay for it.
 */
export async function creditAccessFund(db: Database, festivalId: string, amountCents: number) {
  const donation = await firstRow<{ id: string }>(db, sql`
    INSERT INTO donations (festival_id, amount_cents, currency, donor_name, donor_email, status, paid_at)
    VALUES (${festivalId}, ${amountCents}, 'CAD', 'E2E Donor', ${`${uniq('donor')}@example.org`}, 'paid', now()) RETURNING id`);
  const credited = await db.transaction((tx) => moveFund(tx, { festivalId, kind: 'donation', amountCents, donationId: donation!.id }));
  if (!credited.ok) throw new Error('creditAccessFund: refused');
}

/** A film of its own with one general-admission screening that sets `donated` places aside for donated tickets. */
export async function createDonatedScreening(db: Database, festival: FestivalRef, o: { day: number; time: string; donated: number }) {
  const token = uniq('e2e').slice(4);
  const film = await createFilm(db, festival.id, { title: `Tidewater ${token}` });
  const [hall] = await db.select({ id: venues.id }).from(venues).where(and(eq(venues.festivalId, festival.id), eq(venues.slug, 'harbour-hall')));
  const screeningId = await createTestScreening(db, festival, { venueId: hall!.id, filmIds: [film.id], day: o.day, time: o.time, allocations: { donated: o.donated } });
  return { film, screeningId };
}
