import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { screeningSeats, seats } from '@/db/schema';
import { rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { chooseBestSeats, type SeatCandidate } from '@/domain/inventory/inventory';
import { breaksCompanionRule, COMPANION_RULE_MESSAGE, seatLabel } from '@/lib/seats';

/**
 * Claiming the seats of a hold in a reserved house, inside holdSeats's
 * transaction and after its pool write: by key, all or nothing (named seats),
 * or the best free block, each attempt in a savepoint so a lost race costs
 * only that attempt.
 */

export interface HeldSeat {
  id: string;
  label: string;
}

/** Some of the seats were taken or are not in the screening: the caller rolls back and answers seats_unavailable. */
export class Conflict extends Error {}

/** The named seats break the companion-seat rule (lib/seats.ts): the caller answers invalid_request. */
export class CompanionRule extends Error {}

/** Claims exactly the seats the buyer named, or throws (Conflict, CompanionRule) so the whole hold rolls back. */
export async function claimNamedSeats(tx: Transaction, screeningId: string, holdId: string, ids: string[]): Promise<HeldSeat[]> {
  const kinds = await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'kind'>>(tx, sql`
    SELECT st.id, st.kind FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id
    WHERE ss.screening_id = ${screeningId} AND ss.seat_id = ANY(${uuidArray(ids)})`);
  if (kinds.length !== ids.length) throw new Conflict('Some of those seats are not in this screening.');
  // The same rule the seat picker applies in the browser (lib/seats.ts): the posted form is not trusted.
  if (breaksCompanionRule(kinds.map((k) => k.kind))) throw new CompanionRule(COMPANION_RULE_MESSAGE);
  const claimed = await rows<Pick<ColumnsOf<typeof screeningSeats>, 'seat_id'>>(tx, sql`
    UPDATE screening_seats SET state = 'held', hold_id = ${holdId}
    WHERE screening_id = ${screeningId} AND seat_id = ANY(${uuidArray(ids)}) AND state = 'available'
    RETURNING seat_id`);
  // All or nothing: throwing rolls back the pool increment and the partial claim.
  if (claimed.length !== ids.length) throw new Conflict('Some of those seats have just been taken. Please choose again.');
  return recordHoldSeats(tx, screeningId, holdId, ids);
}

/** Claims the best free block of n seats (chooseBestSeats), retrying a few times when a competitor wins the race. */
export async function claimBestSeats(
  tx: Transaction,
  screeningId: string,
  holdId: string,
  n: number,
  house: { width: number | null; depth: number | null },
): Promise<HeldSeat[]> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const candidates = await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'x' | 'y'>>(tx, sql`
      SELECT st.id, st.row_label, st.x, st.y FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id
      WHERE ss.screening_id = ${screeningId} AND ss.state = 'available' AND st.kind IN ('standard', 'aisle')`);
    const choice = chooseBestSeats(
      candidates.map((c): SeatCandidate => ({ id: c.id, row: c.row_label, x: c.x, y: c.y })),
      n,
      { width: house.width ?? 1, depth: house.depth ?? 1 },
    );
    if (!choice) throw new Conflict('Not enough seats left together; try choosing seats on the map.');
    const ids = choice.map((c) => c.id);
    // Claim in a savepoint so a lost race costs only this attempt.
    const claimed = await tx
      .transaction(async (sp) => {
        const claimedRows = await rows<Pick<ColumnsOf<typeof screeningSeats>, 'seat_id'>>(sp, sql`
          UPDATE screening_seats SET state = 'held', hold_id = ${holdId}
          WHERE screening_id = ${screeningId} AND seat_id = ANY(${uuidArray(ids)}) AND state = 'available'
          RETURNING seat_id`);
        if (claimedRows.length !== ids.length) throw new Conflict('raced');
        return true;
      })
      .catch((e: unknown) => {
        if (e instanceof Conflict) return false;
        throw e;
      });
    if (claimed) return recordHoldSeats(tx, screeningId, holdId, ids);
  }
  throw new Conflict('Seats are selling fast; please try again.');
}

async function recordHoldSeats(tx: Transaction, screeningId: string, holdId: string, ids: string[]): Promise<HeldSeat[]> {
  await tx.execute(sql`INSERT INTO hold_seats (hold_id, screening_id, seat_id)
    SELECT ${holdId}, ${screeningId}, unnest(${uuidArray(ids)})`);
  const labelled = await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'kind'>>(tx, sql`
    SELECT id, row_label, seat_number, kind FROM seats WHERE id = ANY(${uuidArray(ids)}) ORDER BY y, x`);
  return labelled.map((r) => ({ id: r.id, label: seatLabel({ row: r.row_label, number: r.seat_number, kind: r.kind }) }));
}
