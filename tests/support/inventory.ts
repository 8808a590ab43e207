import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rows } from '@/db/sql';


/**
 * The bookkeeping that must hold after anything: available + held + sold =
 * capacity for every pool, the pool's held and sold match the live holds and
 * valid tickets, no seat is in two live holds or two valid tickets, and in a
 * reserved house the seat states agree with the counts.
 */
export async function inventoryProblems(db: Database, screeningId: string): Promise<string[]> {
  const [r] = await rows<{
      capacity: number;
      held: number;
      sold: number;
      live_hold_qty: number;
      valid_tickets: number;
      seats_held: number;
      seats_sold: number;
      reserved: boolean;
      dup_hold_seats: number;
      dup_ticket_seats: number;
      seat_hold_mismatch: number;
    }>(db, sql`
    SELECT p.capacity, p.held, p.sold,
      (SELECT coalesce(sum(quantity), 0)::int FROM holds WHERE screening_id = ${screeningId} AND status IN ('active', 'checkout')) AS live_hold_qty,
      (SELECT count(*)::int FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid') AS valid_tickets,
      (SELECT count(*)::int FROM screening_seats WHERE screening_id = ${screeningId} AND state = 'held') AS seats_held,
      (SELECT count(*)::int FROM screening_seats WHERE screening_id = ${screeningId} AND state = 'sold') AS seats_sold,
      (SELECT v.seating = 'reserved' FROM screenings s JOIN venues v ON v.id = s.venue_id WHERE s.id = ${screeningId}) AS reserved,
      (SELECT count(*)::int FROM (SELECT seat_id FROM hold_seats WHERE screening_id = ${screeningId} AND live GROUP BY seat_id HAVING count(*) > 1) d) AS dup_hold_seats,
      (SELECT count(*)::int FROM (SELECT seat_id FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid' AND seat_id IS NOT NULL GROUP BY seat_id HAVING count(*) > 1) d) AS dup_ticket_seats,
      (SELECT count(*)::int FROM screening_seats ss JOIN holds h ON h.id = ss.hold_id
        WHERE ss.screening_id = ${screeningId} AND ss.state = 'held' AND h.status NOT IN ('active', 'checkout')) AS seat_hold_mismatch
    FROM inventory_pools p WHERE p.screening_id = ${screeningId} AND p.kind = 'standard'`);
  if (!r) return ['no standard pool'];
  const problems: string[] = [];
  const available = r.capacity - r.held - r.sold;
  if (available < 0) problems.push(`available ${available} < 0`);
  if (available + r.held + r.sold !== r.capacity) problems.push('available + held + sold != capacity');
  if (r.held !== r.live_hold_qty) problems.push(`pool held ${r.held} != live holds ${r.live_hold_qty}`);
  if (r.sold !== r.valid_tickets) problems.push(`pool sold ${r.sold} != valid tickets ${r.valid_tickets}`);
  if (r.dup_hold_seats) problems.push(`${r.dup_hold_seats} seats in two live holds`);
  if (r.dup_ticket_seats) problems.push(`${r.dup_ticket_seats} seats on two valid tickets`);
  if (r.reserved) {
    if (r.seats_held !== r.held) problems.push(`seats held ${r.seats_held} != pool held ${r.held}`);
    if (r.seats_sold !== r.sold) problems.push(`seats sold ${r.seats_sold} != pool sold ${r.sold}`);
    if (r.seat_hold_mismatch) problems.push(`${r.seat_hold_mismatch} seats held by ended holds`);
  }
  return problems;
}
