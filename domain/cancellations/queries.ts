import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
export type { CancellationOrderState } from '@/db/schema/cancellations';
import type { CancellationOrderState } from '@/db/schema/cancellations';
import { cancellationOrderState } from '@/db/schema/cancellations';
import { firstRow, rows, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';

/** A screening staff could cancel (not cancelled, not over), for the list's picker. */
export interface CancellableScreening {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  validTickets: number;
}

/** A cancellation, with its progress in counts (never which holder is which). */
export interface CancellationSummary {
  screeningId: string;
  title: string;
  startsAt: Date;
  venue: string;
  status: 'running' | 'finished';
  reason: string;
  refundDeadline: Date;
  createdAt: Date;
  finishedAt: Date | null;
  cancelledBy: string | null;
  counts: Record<CancellationOrderState, number>;
  total: number;
  /** Orders whose refund was refused or failed (the job retries; a person may need to look). */
  attention: number;
}

export async function listCancellableScreenings(festivalId: string, db: SqlRunner = getDb()): Promise<CancellableScreening[]> {
  const found = await rows<{ id: string; title: string; starts_at: string; venue: string; valid_tickets: number }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid') AS valid_tickets
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festivalId} AND s.status <> 'cancelled' AND s.ends_at > now()
    ORDER BY s.starts_at, s.id LIMIT 500`);
  return found.map((s) => ({ id: s.id, title: s.title, startsAt: new Date(s.starts_at), venue: s.venue, validTickets: s.valid_tickets }));
}

const SUMMARY = sql`
  SELECT c.screening_id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue,
         c.status, c.reason, to_json(c.refund_deadline) #>> '{}' AS refund_deadline, to_json(c.created_at) #>> '{}' AS created_at,
         to_json(c.finished_at) #>> '{}' AS finished_at, coalesce(u.name, u.email) AS cancelled_by,
         (SELECT coalesce(json_object_agg(x.state, x.n), '{}'::json) FROM
           (SELECT co.state, count(*)::int AS n FROM cancellation_orders co WHERE co.screening_id = c.screening_id GROUP BY co.state) x) AS counts,
         (SELECT count(*)::int FROM cancellation_orders co WHERE co.screening_id = c.screening_id AND co.last_error IS NOT NULL
            AND co.state IN ('pending', 'offered', 'refund_pending')) AS attention
  FROM screening_cancellations c JOIN screenings s ON s.id = c.screening_id JOIN venues v ON v.id = s.venue_id
  LEFT JOIN users u ON u.id = c.cancelled_by_id`;

type SummaryRow = {
  screening_id: string;
  title: string;
  starts_at: string;
  venue: string;
  status: 'running' | 'finished';
  reason: string;
  refund_deadline: string;
  created_at: string;
  finished_at: string | null;
  cancelled_by: string | null;
  counts: Partial<Record<CancellationOrderState, number>>;
  attention: number;
};

function toSummary(r: SummaryRow): CancellationSummary {
  const counts = Object.fromEntries(cancellationOrderState.enumValues.map((s) => [s, r.counts[s] ?? 0])) as Record<CancellationOrderState, number>;
  return {
    screeningId: r.screening_id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    venue: r.venue,
    status: r.status,
    reason: r.reason,
    refundDeadline: new Date(r.refund_deadline),
    createdAt: new Date(r.created_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
    cancelledBy: r.cancelled_by,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    attention: r.attention,
  };
}

export async function listCancellations(festivalId: string, db: SqlRunner = getDb()): Promise<CancellationSummary[]> {
  const found = await rows<SummaryRow>(db, sql`${SUMMARY} WHERE s.festival_id = ${festivalId} ORDER BY c.created_at DESC LIMIT 200`);
  return found.map(toSummary);
}

export async function getCancellation(screeningId: string, db: SqlRunner = getDb()): Promise<CancellationSummary | null> {
  if (!z.guid().safeParse(screeningId).success) return null;
  const found = await firstRow<SummaryRow>(db, sql`${SUMMARY} WHERE c.screening_id = ${screeningId}`);
  return found ? toSummary(found) : null;
}
