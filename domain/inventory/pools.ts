import { sql, type SQL } from 'drizzle-orm';
import type { PoolKind } from '@/db/schema/inventory';

export type { PoolKind };

/**
 * The pool paid tickets are sold from. The access schemes' pools (one per scheme, same kind as the scheme)
 * are taken by their own claims; every move below names the pool it changes, read from the hold that took
 * the places, so that an access ticket never moves the standard pool.
 */
export const PAID_TICKETS_POOL: PoolKind = 'standard';

/**
 * Every change to a pool's counts, written once. Each is one UPDATE of one pool row (which serialises the
 * changes to that pool: see the lock order in inventory.ts); the table's check keeps
 * `held + sold <= capacity` whatever the caller does. The statements are fragments so that a caller may
 * put one in a CTE or add a RETURNING.
 */
export const poolUpdate = {
  /** Holds n places if they fit; no row is updated when they do not. */
  hold: (screeningId: string, kind: PoolKind, n: number): SQL =>
    sql`UPDATE inventory_pools SET held = held + ${n} WHERE ${onePool(screeningId, kind)} AND held + sold + ${n} <= capacity`,
  /** Gives n held places back. */
  release: (screeningId: string, kind: PoolKind, n: number): SQL =>
    sql`UPDATE inventory_pools SET held = held - ${n} WHERE ${onePool(screeningId, kind)}`,
  /** n held places become sold (a paid hold). */
  sellHeld: (screeningId: string, kind: PoolKind, n: number): SQL =>
    sql`UPDATE inventory_pools SET held = held - ${n}, sold = sold + ${n} WHERE ${onePool(screeningId, kind)}`,
  /** Sells n places that no hold keeps any more (a late payment) if they fit; no row is updated when they do not. */
  sellFree: (screeningId: string, kind: PoolKind, n: number): SQL =>
    sql`UPDATE inventory_pools SET sold = sold + ${n} WHERE ${onePool(screeningId, kind)} AND held + sold + ${n} <= capacity`,
  /** n sold places come back (refunded tickets). */
  unsell: (screeningId: string, kind: PoolKind, n: number): SQL =>
    sql`UPDATE inventory_pools SET sold = sold - ${n} WHERE ${onePool(screeningId, kind)}`,
};

/** The places a pool has left, as a scalar subquery. */
export function placesLeft(screeningId: string, kind: PoolKind): SQL {
  return sql`(SELECT greatest(capacity - held - sold, 0) FROM inventory_pools WHERE ${onePool(screeningId, kind)})`;
}

function onePool(screeningId: string, kind: PoolKind): SQL {
  return sql`screening_id = ${screeningId} AND kind = ${kind}::pool_kind`;
}
