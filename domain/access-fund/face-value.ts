import { sql } from 'drizzle-orm';
import { firstRow, type SqlRunner } from '@/db/sql';

/** Used when a festival has no priced screening yet. */
const FALLBACK_TICKET_VALUE_CENTS = 1500;

/**
 * A screening's face value: the price of its first standard ticket type on the price list (the full-price ticket).
 * A donated ticket debits the access fund this much; "donate a ticket" at this screening's checkout gives this much.
 */
export async function getFaceValueCents(db: SqlRunner, screeningId: string): Promise<number | null> {
  const row = await firstRow<{ price_cents: number }>(db, sql`
    SELECT price_cents FROM ticket_types WHERE screening_id = ${screeningId} AND active AND scheme IS NULL
    ORDER BY position, price_cents DESC LIMIT 1`);
  return row?.price_cents ?? null;
}

/**
 * The festival's usual ticket price: the face value most of its screenings have. A gift of "n tickets" on the
 * donation page is n times this, and the public fund page counts the tickets money raised can fund with it.
 */
export async function getFestivalTicketValueCents(db: SqlRunner, festivalId: string): Promise<number> {
  const row = await firstRow<{ price_cents: number }>(db, sql`
    SELECT face.price_cents FROM screenings s
    CROSS JOIN LATERAL (SELECT price_cents FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL
                        ORDER BY t.position, t.price_cents DESC LIMIT 1) face
    WHERE s.festival_id = ${festivalId} AND s.status <> 'cancelled'
    GROUP BY face.price_cents ORDER BY count(*) DESC, face.price_cents DESC LIMIT 1`);
  return row?.price_cents ?? FALLBACK_TICKET_VALUE_CENTS;
}
