import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { holds, orders, tickets } from '@/db/schema';
import type { AllocationChangeKind } from '@/db/schema/allocation-changes';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { PAID_TICKETS_POOL, poolUpdate } from '@/domain/inventory/pools';

export type VoidAccessTicketsResult =
  | { ok: true; voided: number; ticketIds: string[]; scheme: string; screeningId: string; pool: string; orderCancelled: boolean }
  | { ok: false; reason: 'order_not_found' | 'not_an_access_order' | 'nothing_to_void' };

/**
 * Gives back tickets of a $0 access order (all of them, or the ones named): voids them, and returns their places
 * to the pool they came from, seats included. If that pool is a scheme whose unclaimed places have already gone
 * back on general sale (its cut-off passed, access_allocations.released_at), the places follow them there at once,
 * so a late cancellation never strands a place in a closed scheme. An order with no valid ticket left is cancelled.
 * Checked-in tickets are never voided. The caller authorizes (the holder, the partner, staff).
 */
export async function voidAccessTickets(tx: Transaction, orderId: string, ticketIds?: string[]): Promise<VoidAccessTicketsResult> {
  const order = await firstRow<Pick<ColumnsOf<typeof orders>, 'status' | 'scheme' | 'screening_id'> & Pick<ColumnsOf<typeof holds>, 'pool_kind'>>(tx, sql`
    SELECT o.status, o.scheme, o.screening_id, h.pool_kind FROM orders o JOIN holds h ON h.id = o.hold_id
    WHERE o.id = ${orderId} FOR UPDATE OF o`);
  if (!order) return { ok: false, reason: 'order_not_found' };
  if (order.scheme === null) return { ok: false, reason: 'not_an_access_order' };
  if (order.status !== 'paid') return { ok: false, reason: 'nothing_to_void' };
  const only = ticketIds ? sql`AND id = ANY(${uuidArray(ticketIds)})` : sql``;
  const voided = await rows<Pick<ColumnsOf<typeof tickets>, 'id' | 'seat_id'>>(tx, sql`
    UPDATE tickets SET status = 'void' WHERE order_id = ${orderId} AND status = 'valid' AND checked_in_at IS NULL ${only}
    RETURNING id, seat_id`);
  if (voided.length === 0) return { ok: false, reason: 'nothing_to_void' };
  const n = voided.length;
  await tx.execute(poolUpdate.unsell(order.screening_id, order.pool_kind, n));
  const seatIds = voided.map((v) => v.seat_id).filter((s): s is string => s !== null);
  if (seatIds.length) {
    await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
      WHERE screening_id = ${order.screening_id} AND seat_id = ANY(${uuidArray(seatIds)}) AND state = 'sold'`);
  }
  if (order.pool_kind !== PAID_TICKETS_POOL) await returnLatePlacesToGeneralSale(tx, order.screening_id, order.pool_kind, n);
  const left = await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tickets WHERE order_id = ${orderId} AND status = 'valid'`);
  const orderCancelled = left!.n === 0;
  if (orderCancelled) await tx.execute(sql`UPDATE orders SET status = 'cancelled', ended_at = now() WHERE id = ${orderId}`);
  return { ok: true, voided: n, ticketIds: voided.map((v) => v.id), scheme: order.scheme, screeningId: order.screening_id, pool: order.pool_kind, orderCancelled };
}

/**
 * Moves up to `n` free places of a scheme's pool to the paid tickets' pool: the scheme's capacity shrinks and general
 * sale's grows by the same number in one transaction, so the house is unchanged. Never below what the scheme has
 * sold, holds or has granted to partners. Returns how many moved. Locks the scheme's pool row, then the standard one
 * (the same order everywhere this moves places).
 */
export async function movePlacesToGeneralSale(tx: Transaction, screeningId: string, scheme: string, n: number): Promise<number> {
  if (n <= 0) return 0;
  const moved = await firstRow<{ moved: number }>(tx, sql`
    WITH before AS (
      SELECT capacity, least(${n}, capacity - greatest(held + sold, allotted)) AS moved FROM inventory_pools
      WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind FOR UPDATE)
    UPDATE inventory_pools p SET capacity = p.capacity - before.moved FROM before
    WHERE p.screening_id = ${screeningId} AND p.kind = ${scheme}::pool_kind AND before.moved > 0
    RETURNING before.moved AS moved`);
  const count = moved?.moved ?? 0;
  if (count > 0) {
    await tx.execute(sql`UPDATE inventory_pools SET capacity = capacity + ${count}
      WHERE screening_id = ${screeningId} AND kind = ${PAID_TICKETS_POOL}::pool_kind`);
    await tx.execute(sql`UPDATE access_allocations SET quantity = quantity - ${count}
      WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme`);
  }
  return count;
}

/**
 * Moves up to `n` free places of general sale into a scheme's pool (a top-up, or a returned place that belongs to the
 * scheme again). Returns how many moved: never more than general sale has free.
 */
export async function movePlacesFromGeneralSale(tx: Transaction, screeningId: string, scheme: string, n: number): Promise<number> {
  if (n <= 0) return 0;
  await tx.execute(sql`SELECT 1 FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind FOR UPDATE`);
  // General sale's row is locked by its own statement too: the next statement then reads it after every write that
  // came before the lock (two top-ups of different schemes race for this row), not as its snapshot saw it.
  await tx.execute(sql`SELECT 1 FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = ${PAID_TICKETS_POOL}::pool_kind FOR UPDATE`);
  const moved = await firstRow<{ moved: number }>(tx, sql`
    WITH before AS (
      SELECT least(${n}, capacity - held - sold) AS moved FROM inventory_pools
      WHERE screening_id = ${screeningId} AND kind = ${PAID_TICKETS_POOL}::pool_kind FOR UPDATE)
    UPDATE inventory_pools p SET capacity = p.capacity - before.moved FROM before
    WHERE p.screening_id = ${screeningId} AND p.kind = ${PAID_TICKETS_POOL}::pool_kind AND before.moved > 0
    RETURNING before.moved AS moved`);
  const count = moved?.moved ?? 0;
  if (count > 0) {
    await tx.execute(sql`UPDATE inventory_pools SET capacity = capacity + ${count}
      WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind`);
    await tx.execute(sql`UPDATE access_allocations SET quantity = quantity + ${count}
      WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme`);
  }
  return count;
}

/**
 * Places that come back to a scheme after its cut-off (a cancellation, a lapsed or withdrawn waiting-list offer) follow
 * the rest of its allocation to general sale at once, recorded in the allocations' history like the cut-off job's own
 * moves (no actor: the rule moved them). Before the cut-off they stay with the scheme. Returns how many moved.
 */
export async function returnLatePlacesToGeneralSale(tx: Transaction, screeningId: string, scheme: string, n: number): Promise<number> {
  const released = await firstRow<{ released: boolean }>(tx, sql`
    SELECT released_at IS NOT NULL AS released FROM access_allocations
    WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme`);
  if (!released?.released) return 0;
  const moved = await movePlacesToGeneralSale(tx, screeningId, scheme, n);
  if (moved > 0) {
    await recordAllocationChange(tx, { screeningId, scheme, kind: 'cut_off', delta: -moved, actorId: null, reason: 'After the cut-off: places that came back went to general sale' });
  }
  return moved;
}

/** One line of an allocation's history (allocation_changes), with the allocation as it is after the change. */
export async function recordAllocationChange(
  tx: Transaction,
  change: { screeningId: string; scheme: string; kind: AllocationChangeKind; delta: number; actorId: string | null; reason: string },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO allocation_changes (screening_id, scheme, kind, delta, quantity_after, actor_id, reason)
    SELECT ${change.screeningId}, ${change.scheme}::access_scheme, ${change.kind}::allocation_change_kind, ${change.delta}, a.quantity,
           ${change.actorId}, ${change.reason}
    FROM access_allocations a WHERE a.screening_id = ${change.screeningId} AND a.scheme = ${change.scheme}::access_scheme`);
}
