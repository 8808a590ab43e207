import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { rows, uuidArray, type ColumnsOf } from '@/db/sql';
import type { holds, HoldStatus } from '@/db/schema/holds';
import { poolUpdate, type PoolKind } from './pools';

/**
 * Shared inventory moves. Lock order everywhere: hold rows, then the pool row
 * (which serialises every change to one screening's places), then seat rows;
 * the same order in every transaction keeps them free of deadlocks.
 */

/**
 * Ends holds that still keep places (active or checkout) and gives their
 * places back. Returns the holds it ended: a hold another transaction ended
 * first is left alone, so places are never returned twice.
 */
export async function endLiveHolds(tx: Transaction, holdIds: string[], to: Extract<HoldStatus, 'released' | 'expired'>): Promise<string[]> {
  if (holdIds.length === 0) return [];
  const ended = await rows<Pick<ColumnsOf<typeof holds>, 'id' | 'screening_id' | 'pool_kind' | 'quantity'>>(tx, sql`
    UPDATE holds SET status = ${to}, ended_at = now()
    WHERE id = ANY(${uuidArray(holdIds)}) AND status IN ('active', 'checkout')
    RETURNING id, screening_id, pool_kind, quantity`);
  if (ended.length === 0) return [];
  const ids = ended.map((h) => h.id);
  const byPool = new Map<string, { screeningId: string; kind: PoolKind; quantity: number }>();
  for (const h of ended) {
    const key = `${h.screening_id}|${h.pool_kind}`;
    const entry = byPool.get(key) ?? { screeningId: h.screening_id, kind: h.pool_kind, quantity: 0 };
    entry.quantity += h.quantity;
    byPool.set(key, entry);
  }
  for (const p of [...byPool.values()].sort((a, b) => a.screeningId.localeCompare(b.screeningId))) {
    await tx.execute(poolUpdate.release(p.screeningId, p.kind, p.quantity));
  }
  await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
    WHERE hold_id = ANY(${uuidArray(ids)}) AND state = 'held'`);
  await tx.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ANY(${uuidArray(ids)}) AND live`);
  return ids;
}

/**
 * Expires the active holds of a screening whose time is up, so that a buyer
 * is never refused a place that only an expired hold keeps. Holds in checkout
 * are not touched: their Stripe session must be expired first.
 */
export async function reclaimExpiredHolds(tx: Transaction, screeningId: string): Promise<number> {
  const due = await rows<Pick<ColumnsOf<typeof holds>, 'id'>>(tx, sql`
    SELECT id FROM holds
    WHERE screening_id = ${screeningId} AND status = 'active' AND expires_at <= now()
    FOR UPDATE SKIP LOCKED`);
  return (await endLiveHolds(
    tx,
    due.map((d) => d.id),
    'expired',
  )).length;
}

export interface SeatCandidate {
  id: string;
  row: string;
  x: number;
  y: number;
}

/**
 * "Best available": n seats side by side in one row, closest to the middle
 * of the house and about two thirds back; else the n best single seats.
 * Wheelchair spaces and companion seats are never chosen automatically.
 */
export function chooseBestSeats(candidates: SeatCandidate[], n: number, house: { width: number; depth: number }): SeatCandidate[] | null {
  if (candidates.length < n) return null;
  const cx = (house.width - 1) / 2;
  const idealY = Math.round((house.depth - 1) * 0.6);
  const score = (s: SeatCandidate) => Math.abs(s.x - cx) + 1.5 * Math.abs(s.y - idealY);
  const rows = new Map<string, SeatCandidate[]>();
  for (const s of candidates) rows.set(s.row, [...(rows.get(s.row) ?? []), s]);
  let best: { seats: SeatCandidate[]; score: number } | null = null;
  for (const seatsInRow of rows.values()) {
    const sorted = [...seatsInRow].sort((a, b) => a.x - b.x);
    for (let i = 0; i + n <= sorted.length; i++) {
      const window = sorted.slice(i, i + n);
      if (window[n - 1]!.x - window[0]!.x !== n - 1) continue; // a gap (aisle or taken seat) breaks the block
      const total = window.reduce((sum, s) => sum + score(s), 0);
      if (!best || total < best.score) best = { seats: window, score: total };
    }
  }
  if (best) return best.seats;
  return [...candidates].sort((a, b) => score(a) - score(b)).slice(0, n);
}
