import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { LOCKOUT, clearSignInFailures, recordSignInFailure, signInLockedFor } from '@/domain/accounts/auth';
import { MAX_KEY_LENGTH, hitRateLimit, pruneBuckets } from '@/domain/limits/rate-limits';
import { rows } from '@/db/sql';


/** Keys longer than any address or email, as a client can send them. */
const longKey = (tag: string, length = 10_000) => `holds:ip:${tag}:${'x'.repeat(length)}`;

describe('rate-limit and lockout keys are bounded', () => {
  it('a rate-limit key of 10,000 characters is stored short, and still counts as one client', async () => {
    const tag = randomUUID();
    const key = longKey(tag);
    expect((await hitRateLimit(getDb(), key, 2)).ok).toBe(true);
    expect((await hitRateLimit(getDb(), key, 2)).ok).toBe(true);
    expect((await hitRateLimit(getDb(), key, 2)).ok).toBe(false);
    // Another long key with the same first characters is another client.
    expect((await hitRateLimit(getDb(), `${key}y`, 2)).ok).toBe(true);
    const found = await rows<{ length: number; count: number }>(getDb(), sql`
      SELECT char_length(key) AS length, count FROM rate_limit_buckets WHERE key LIKE ${`holds:ip:${tag}%`} ORDER BY count DESC`);
    expect(found.map((r) => r.count)).toEqual([3, 1]);
    expect(found.every((r) => r.length <= MAX_KEY_LENGTH)).toBe(true);
  });

  it('a sign-in lockout key of 10,000 characters is stored short, locks, and clears', async () => {
    const tag = randomUUID();
    const key = `email:${tag}${'a'.repeat(10_000)}@example.org`;
    for (let i = 0; i < LOCKOUT.maxFailures; i++) await recordSignInFailure(getDb(), [key]);
    expect(await signInLockedFor(getDb(), [key])).toBeGreaterThan(0);
    const [row] = await rows<{ length: number }>(getDb(), sql`
      SELECT max(char_length(key))::int AS length FROM sign_in_failures WHERE key LIKE ${`email:${tag}%`}`);
    expect(row!.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    await clearSignInFailures(getDb(), key);
    expect(await signInLockedFor(getDb(), [key])).toBe(0);
  });
});

describe('old buckets are pruned', () => {
  it('deletes rate-limit windows older than an hour and sign-in failures whose window and lock are over, and nothing else', async () => {
    const db = getDb();
    const tag = randomUUID();
    const k = (name: string) => `prune:${tag}:${name}`;
    await db.execute(sql`INSERT INTO rate_limit_buckets (key, window_start, count) VALUES
      (${k('two-hours')}, now() - interval '2 hours', 5),
      (${k('half-hour')}, now() - interval '30 minutes', 5),
      (${k('now')}, now(), 5)`);
    await db.execute(sql`INSERT INTO sign_in_failures (key, failures, window_start, locked_until) VALUES
      (${k('old-unlocked')}, 3, now() - interval '1 hour', NULL),
      (${k('old-lock-over')}, 5, now() - interval '1 hour', now() - interval '1 minute'),
      (${k('old-still-locked')}, 5, now() - make_interval(mins => ${LOCKOUT.windowMinutes + 1}), now() + interval '5 minutes'),
      (${k('in-window')}, 2, now() - make_interval(mins => ${LOCKOUT.windowMinutes - 1}), NULL)`);

    const report = await pruneBuckets(db, LOCKOUT.windowMinutes);
    expect(report.rateLimitBuckets).toBeGreaterThanOrEqual(1);
    expect(report.signInFailures).toBeGreaterThanOrEqual(2);

    const buckets = await rows<{ key: string }>(db, sql`SELECT key FROM rate_limit_buckets WHERE key LIKE ${`prune:${tag}:%`} ORDER BY key`);
    expect(buckets.map((b) => b.key)).toEqual([k('half-hour'), k('now')]);
    const failures = await rows<{ key: string }>(db, sql`SELECT key FROM sign_in_failures WHERE key LIKE ${`prune:${tag}:%`} ORDER BY key`);
    expect(failures.map((f) => f.key)).toEqual([k('in-window'), k('old-still-locked')]);
  });
});
