import { sql } from 'drizzle-orm';
import type { Database } from '../client';

type Row = Record<string, unknown>;

export type RateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL: one upsert, atomic under concurrency,
 * and shared by every app instance.
 */
export async function hitRateLimit(db: Database, key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
  const [row] = await db.execute<{ count: number; retry_after: number } & Row>(sql`
    WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}) AS start)
    INSERT INTO rate_limit_buckets (key, window_start, count) SELECT ${key}, w.start, 1 FROM w
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count, ceil(extract(epoch FROM (window_start + make_interval(secs => ${windowSeconds}) - now())))::int AS retry_after`);
  if (!row) return { allowed: true, remaining: limit };
  if (row.count > limit) return { allowed: false, retryAfterSeconds: Math.max(1, row.retry_after) };
  return { allowed: true, remaining: limit - row.count };
}

/** Old windows are useless; the worker could prune them, but a cheap delete on the side keeps the table small. */
export async function pruneRateLimits(db: Database): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limit_buckets WHERE window_start < now() - interval '1 hour'`);
}
