import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rows } from '@/db/sql';

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/** Longest key stored for a rate limit or a sign-in lockout. */
export const MAX_KEY_LENGTH = 128;

/**
 * Keys are built from what clients send (an address, an email), so their
 * length is the client's choice: a longer key is stored as a readable prefix
 * and the sha256 of the whole key, which keeps distinct keys distinct and
 * every row small.
 */
export function boundKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) return key;
  // Never end the prefix on half a UTF-16 surrogate pair.
  const prefix = key.slice(0, 60).replace(/[\uD800-\uDBFF]$/, '');
  return `${prefix}#${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * One hit on a fixed-window counter, as a statement: an upsert returning the
 * window's count so far (this hit included) and the seconds until the window
 * ends. A fragment, so that a hot path (the hold, domain/booking/holds.ts) can
 * count its request in the statement that does its work.
 */
export function rateLimitHit(key: string, windowSeconds: number): SQL {
  return sql`
    WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}) AS start)
    INSERT INTO rate_limit_buckets (key, window_start, count) SELECT ${boundKey(key)}, w.start, 1 FROM w
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => ${windowSeconds}) - now())))::int AS retry_after`;
}

/** What a hit's row (see rateLimitHit) means for a limit of `limit` hits per window. */
export function rateLimitVerdict(row: { count: number; retry_after: number } | undefined | null, limit: number): RateLimitResult {
  if (!row) return { ok: true, remaining: limit };
  if (row.count > limit) return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, row.retry_after) };
  return { ok: true, remaining: limit - row.count };
}

/**
 * Fixed-window counter in PostgreSQL: one upsert, atomic under concurrency,
 * and shared by every app instance.
 */
export async function hitRateLimit(db: Database, key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
  const [row] = await rows<{ count: number; retry_after: number }>(db, rateLimitHit(key, windowSeconds));
  return rateLimitVerdict(row, limit);
}

/** Windows older than this are no use to any limit (the longest window is well under it). */
const BUCKET_RETENTION_MINUTES = 60;

export interface PruneReport {
  rateLimitBuckets: number;
  signInFailures: number;
}

/**
 * Deletes counters that no longer count, so that a client minting keys
 * cannot grow the tables without bound: rate-limit windows older than an
 * hour, and sign-in failure rows whose window is over and which lock nothing.
 * `signInWindowMinutes` is the lockout's counting window (LOCKOUT in
 * domain/accounts/auth.ts): a row past it starts again from one failure anyway.
 * Run by the worker (platform/worker.ts).
 */
export async function pruneBuckets(db: Database, signInWindowMinutes: number): Promise<PruneReport> {
  const buckets = await db.execute(sql`
    DELETE FROM rate_limit_buckets WHERE window_start < now() - make_interval(mins => ${BUCKET_RETENTION_MINUTES})`);
  const failures = await db.execute(sql`
    DELETE FROM sign_in_failures
    WHERE window_start < now() - make_interval(mins => ${signInWindowMinutes})
      AND (locked_until IS NULL OR locked_until <= now())`);
  return { rateLimitBuckets: buckets.count, signInFailures: failures.count };
}
