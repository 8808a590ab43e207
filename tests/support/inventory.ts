import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rows } from '@/db/sql';

/**
 * The bookkeeping that must hold after anything, for every pool of the
 * screening (the standard pool and each access scheme's): available + held +
 * sold = capacity, the pool's held and sold match the live holds and valid
 * tickets of that pool (a ticket belongs to its order's hold's pool), and in a
 * reserved house the seats held and sold through that pool's holds agree with
 * its counts. Across the screening, no seat is in two live holds or two valid
 * tickets, and no seat stays held by an ended hold.
 */
export async function inventoryProblems(db: Database, screeningId: string): Promise<string[]> {
  const pools = await rows<{
    kind: string;
    capacity: number;
    held: number;
    sold: number;
    live_hold_qty: number;
    valid_tickets: number;
    seats_held: number;
    seats_sold: number;
  }>(db, sql`
    SELECT p.kind, p.capacity, p.held, p.sold,
      (SELECT coalesce(sum(h.quantity), 0)::int FROM holds h
        WHERE h.screening_id = p.screening_id AND h.pool_kind = p.kind AND h.status IN ('active', 'checkout')) AS live_hold_qty,
      (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id JOIN holds h ON h.id = o.hold_id
        WHERE t.screening_id = p.screening_id AND t.status = 'valid' AND h.pool_kind = p.kind) AS valid_tickets,
      (SELECT count(*)::int FROM screening_seats ss JOIN holds h ON h.id = ss.hold_id
        WHERE ss.screening_id = p.screening_id AND ss.state = 'held' AND h.pool_kind = p.kind) AS seats_held,
      (SELECT count(*)::int FROM screening_seats ss JOIN holds h ON h.id = ss.hold_id
        WHERE ss.screening_id = p.screening_id AND ss.state = 'sold' AND h.pool_kind = p.kind) AS seats_sold
    FROM inventory_pools p WHERE p.screening_id = ${screeningId} ORDER BY p.kind`);
  const [s] = await rows<{
    reserved: boolean;
    valid_tickets: number;
    dup_hold_seats: number;
    dup_ticket_seats: number;
    seat_hold_mismatch: number;
  }>(db, sql`
    SELECT
      (SELECT v.seating = 'reserved' FROM screenings s JOIN venues v ON v.id = s.venue_id WHERE s.id = ${screeningId}) AS reserved,
      (SELECT count(*)::int FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid') AS valid_tickets,
      (SELECT count(*)::int FROM (SELECT seat_id FROM hold_seats WHERE screening_id = ${screeningId} AND live GROUP BY seat_id HAVING count(*) > 1) d) AS dup_hold_seats,
      (SELECT count(*)::int FROM (SELECT seat_id FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid' AND seat_id IS NOT NULL GROUP BY seat_id HAVING count(*) > 1) d) AS dup_ticket_seats,
      (SELECT count(*)::int FROM screening_seats ss JOIN holds h ON h.id = ss.hold_id
        WHERE ss.screening_id = ${screeningId} AND ss.state = 'held' AND h.status NOT IN ('active', 'checkout')) AS seat_hold_mismatch`);
  if (!pools.some((p) => p.kind === 'standard')) return ['no standard pool'];
  const problems: string[] = [];
  for (const p of pools) {
    // The standard pool keeps the messages it always had; another pool names itself.
    const pool = p.kind === 'standard' ? '' : `${p.kind}: `;
    const available = p.capacity - p.held - p.sold;
    if (available < 0) problems.push(`${pool}available ${available} < 0`);
    if (available + p.held + p.sold !== p.capacity) problems.push(`${pool}available + held + sold != capacity`);
    if (p.held !== p.live_hold_qty) problems.push(`${pool}pool held ${p.held} != live holds ${p.live_hold_qty}`);
    if (p.sold !== p.valid_tickets) problems.push(`${pool}pool sold ${p.sold} != valid tickets ${p.valid_tickets}`);
    if (s!.reserved) {
      if (p.seats_held !== p.held) problems.push(`${pool}seats held ${p.seats_held} != pool held ${p.held}`);
      if (p.seats_sold !== p.sold) problems.push(`${pool}seats sold ${p.seats_sold} != pool sold ${p.sold}`);
    }
  }
  // Every valid ticket is counted by some pool: one whose order or hold is missing would escape the pool-by-pool count.
  const counted = pools.reduce((n, p) => n + p.valid_tickets, 0);
  if (counted !== s!.valid_tickets) problems.push(`${s!.valid_tickets - counted} valid tickets belong to no pool`);
  if (s!.dup_hold_seats) problems.push(`${s!.dup_hold_seats} seats in two live holds`);
  if (s!.dup_ticket_seats) problems.push(`${s!.dup_ticket_seats} seats on two valid tickets`);
  if (s!.reserved && s!.seat_hold_mismatch) problems.push(`${s!.seat_hold_mismatch} seats held by ended holds`);
  return problems;
}
