import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { inventoryPools, screenings } from '@/db/schema';
import { rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { reclaimExpiredHolds } from '@/domain/inventory/inventory';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { formatDateTime } from '@/lib/time';

/**
 * What a venue edit does to the screenings it already hosts. The house of a screening is split between its pools (the
 * paid pool and one per access scheme, docs/ARCHITECTURE.md); a venue edit changes only the paid pool's capacity, and
 * never below what it has sold or holds: the access schemes' places are staff's to move (domain/access/return-places.ts).
 *
 * Lock order, as everywhere (domain/inventory/inventory.ts): the venue row (the caller), then hold rows (run-out holds
 * are reclaimed first, SKIP LOCKED), then pool rows (every scheme's before the paid pool, screening by screening in id
 * order), then seat rows.
 */

export interface AffectedScreening {
  id: string;
  startsAt: Date;
}

/** The venue's screenings that an edit changes: not started, not cancelled. */
export async function listScreeningsToFollow(tx: Transaction, venueId: string, now: Date): Promise<AffectedScreening[]> {
  const found = await rows<Pick<ColumnsOf<typeof screenings>, 'id'> & { starts_at: string }>(tx, sql`
    SELECT id, to_json(starts_at) #>> '{}' AS starts_at FROM screenings
    WHERE venue_id = ${venueId} AND status <> 'cancelled' AND starts_at > ${now.toISOString()}::timestamptz
    ORDER BY id`);
  return found.map((s) => ({ id: s.id, startsAt: new Date(s.starts_at) }));
}

/**
 * Reclaims run-out holds, then locks every pool row of the screenings (schemes first, the paid pool last, per
 * screening): from here until commit no sale, claim or refund changes their places or seats.
 */
export async function lockScreeningInventory(tx: Transaction, screeningIds: readonly string[]): Promise<void> {
  if (screeningIds.length === 0) return;
  for (const id of screeningIds) await reclaimExpiredHolds(tx, id);
  await tx.execute(sql`
    SELECT 1 FROM inventory_pools WHERE screening_id = ANY(${uuidArray(screeningIds)})
    ORDER BY screening_id, (kind = ${PAID_TICKETS_POOL}::pool_kind), kind FOR UPDATE`);
}

export interface PoolShortfall {
  screeningId: string;
  message: string;
}

/**
 * Sets each screening's paid pool to what its house leaves after the access schemes' pools: `house(id)` is the new
 * house. Answers the screenings where that would fall below what the paid pool has sold or holds (the caller refuses
 * the whole edit); writes nothing for them.
 */
export async function resizePaidPools(
  tx: Transaction,
  screeningsToResize: readonly AffectedScreening[],
  houseSql: (screeningId: string) => ReturnType<typeof sql>,
  timeZone: string,
): Promise<PoolShortfall[]> {
  const shortfalls: PoolShortfall[] = [];
  for (const s of screeningsToResize) {
    const [pool] = await rows<Pick<ColumnsOf<typeof inventoryPools>, 'held' | 'sold'> & { house: number; schemes: number }>(tx, sql`
      SELECT p.held, p.sold, (${houseSql(s.id)})::int AS house,
             (SELECT coalesce(sum(capacity), 0)::int FROM inventory_pools WHERE screening_id = ${s.id} AND kind <> ${PAID_TICKETS_POOL}::pool_kind) AS schemes
      FROM inventory_pools p WHERE p.screening_id = ${s.id} AND p.kind = ${PAID_TICKETS_POOL}::pool_kind`);
    if (!pool) continue;
    const capacity = pool.house - pool.schemes;
    if (capacity < pool.held + pool.sold) {
      const when = formatDateTime(s.startsAt, timeZone);
      shortfalls.push({
        screeningId: s.id,
        message:
          `The screening of ${when} would have ${pool.house} places: ${pool.schemes} are set aside for the access schemes and ` +
          `${pool.sold + pool.held} are sold or held in general sale. Release access places first, or keep more seats.`,
      });
      continue;
    }
    await tx.execute(sql`UPDATE inventory_pools SET capacity = ${capacity}
      WHERE screening_id = ${s.id} AND kind = ${PAID_TICKETS_POOL}::pool_kind`);
  }
  return shortfalls;
}
