import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import type { allotments } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, uuidArray } from '@/db/sql';
import type { AccessScheme } from '@/db/schema/screenings';
import { cutOffAtSql, SETTINGS_JOIN } from './cut-off-time';
import { movePlacesToGeneralSale, recordAllocationChange } from './return-places';

/** How many allocations one run looks at: the next run (a minute later) takes the rest. */
export const CUT_OFF_BATCH = 500;

export interface CutOffReport {
  /** Allocations whose cut-off was recorded by this run (released_at set). */
  released: number;
  /** Places moved to general sale by this run. */
  placesReleased: number;
  /** Unused allotment places returned to their scheme by this run. */
  allotmentPlacesReturned: number;
  /** Waiting-list entries that lapsed. */
  lapsed: number;
  /** Allocations left for the next run (a lock conflict with a claim in flight). */
  retried: number;
}

/**
 * The release job: for each allocation whose cut-off has passed (the screening's start minus the scheme's
 * release_hours_before) at a screening that has not started and is not cancelled, returns partners' unused allotment
 * places to the scheme, lapses the waiting list, moves every free place of the scheme to general sale, and records
 * the cut-off once. Allocations already released come round again while they have free places (an offer's hold
 * that ran out after the cut-off).
 *
 * Each allocation is one transaction under its pool's row lock, and every step counts what is left under that lock:
 * a second run at the same moment waits for the lock, then finds nothing left to move, so each place is released
 * exactly once and the audit says so once.
 */
export async function releaseAtCutOff(
  db: Database,
  now: Date = new Date(),
  limit = CUT_OFF_BATCH,
  /** Only these screenings (a test's own, so that parallel test files sharing one database do not release each other's). */
  screeningIds?: readonly string[],
): Promise<CutOffReport> {
  const at = now.toISOString();
  const only = screeningIds ? sql`AND a.screening_id = ANY(${uuidArray(screeningIds)})` : sql``;
  const due = await rows<{ screening_id: string; scheme: AccessScheme }>(db, sql`
    SELECT a.screening_id, a.scheme
    FROM access_allocations a
    JOIN screenings s ON s.id = a.screening_id
    JOIN inventory_pools p ON p.screening_id = a.screening_id AND p.kind::text = a.scheme::text
    ${SETTINGS_JOIN}
    WHERE s.status <> 'cancelled' AND s.starts_at > ${at}::timestamptz ${only}
      AND ${cutOffAtSql()} <= ${at}::timestamptz
      AND (a.released_at IS NULL
        OR p.capacity > greatest(p.held + p.sold, p.allotted)
        OR EXISTS (SELECT 1 FROM allotments al WHERE al.screening_id = a.screening_id AND al.scheme = a.scheme
                   AND al.status = 'granted' AND al.quantity > al.used)
        OR EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.screening_id = a.screening_id AND w.scheme = a.scheme AND w.status = 'waiting'))
    ORDER BY s.starts_at, a.screening_id, a.scheme
    LIMIT ${limit}`);
  const report: CutOffReport = { released: 0, placesReleased: 0, allotmentPlacesReturned: 0, lapsed: 0, retried: 0 };
  for (const { screening_id: screeningId, scheme } of due) {
    try {
      const done = await releaseOne(db, screeningId, scheme, at);
      report.released += done.firstRelease ? 1 : 0;
      report.placesReleased += done.moved;
      report.allotmentPlacesReturned += done.returned;
      report.lapsed += done.lapsed;
    } catch (error) {
      // A claim or grant in flight may take the same rows in another order; PostgreSQL breaks the deadlock by
      // aborting one side. Nothing was half-done (one transaction): the next run picks this allocation up again.
      if (isRetryable(error)) report.retried++;
      else throw error;
    }
  }
  return report;
}

async function releaseOne(db: Database, screeningId: string, scheme: AccessScheme, at: string) {
  return db.transaction(async (tx) => {
    // The lock order of every command on these rows: the partners' allotments (claims and grants lock theirs first),
    // then the scheme's pool row, the lock every move of its places takes (return-places.ts), held to the end.
    await tx.execute(sql`SELECT 1 FROM allotments WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme FOR UPDATE`);
    const pool = await firstRow<{ capacity: number }>(tx, sql`
      SELECT capacity FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind FOR UPDATE`);
    if (!pool) return { firstRelease: false, moved: 0, returned: 0, lapsed: 0 };
    const first = await rows<{ screening_id: string }>(tx, sql`
      UPDATE access_allocations SET released_at = ${at}::timestamptz
      WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme AND released_at IS NULL
      RETURNING screening_id`);

    // Partners keep what they have used (tickets claimed, codes issued); the rest of each allotment comes back.
    const returnedRows = await rows<Pick<ColumnsOf<typeof allotments>, 'id'> & { returned: number; organisation: string }>(tx, sql`
      WITH before AS (
        SELECT al.id, al.quantity - al.used AS returned FROM allotments al
        WHERE al.screening_id = ${screeningId} AND al.scheme = ${scheme}::access_scheme AND al.status = 'granted' AND al.quantity > al.used
        FOR UPDATE)
      UPDATE allotments al SET quantity = al.used, status = CASE WHEN al.used = 0 THEN 'returned'::allotment_status ELSE al.status END
      FROM before WHERE al.id = before.id
      RETURNING al.id, before.returned, (SELECT name FROM organisations o WHERE o.id = al.organisation_id) AS organisation`);
    const returned = returnedRows.reduce((sum, r) => sum + r.returned, 0);
    if (returned > 0) {
      await tx.execute(sql`UPDATE inventory_pools SET allotted = allotted - ${returned}
        WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind`);
      for (const r of returnedRows) {
        // Delta 0: the places come back to the scheme, whose allocation is unchanged (they go on to general sale below).
        await recordJobChange(tx, screeningId, scheme, 'allotment_return', 0,
          `Cut-off: ${r.returned} unused ${r.returned === 1 ? 'place' : 'places'} of ${r.organisation}'s allotment came back to the scheme`);
      }
    }

    const lapsed = await rows<{ id: string }>(tx, sql`
      UPDATE waitlist_entries SET status = 'lapsed', ended_at = ${at}::timestamptz
      WHERE screening_id = ${screeningId} AND scheme = ${scheme}::access_scheme AND status = 'waiting'
      RETURNING id`);

    // Everything free, counted under the lock: a second run finds 0 here.
    const moved = await movePlacesToGeneralSale(tx, screeningId, scheme, pool.capacity);
    if (moved > 0) {
      await recordJobChange(tx, screeningId, scheme, 'cut_off', -moved,
        first.length > 0 ? 'Cut-off: unclaimed places returned to general sale' : 'After the cut-off: places that came back went to general sale');
    }
    return { firstRelease: first.length > 0, moved, returned, lapsed: lapsed.length };
  });
}

async function recordJobChange(tx: Transaction, screeningId: string, scheme: AccessScheme, kind: 'cut_off' | 'allotment_return', delta: number, reason: string) {
  await recordAllocationChange(tx, { screeningId, scheme, kind, delta, actorId: null, reason });
}

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}
