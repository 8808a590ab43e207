import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, type Database } from '@/db/client';
import * as schema from '@/db/schema';
import { rows } from '@/db/sql';
import { holdSeatsWithinRateLimit, type HoldRateLimit, type HoldRequest, type HoldSettings } from '@/domain/booking/holds';
import { getEnv } from '@/platform/env';
import { adult, createGaScreening, createReservedScreening, TEST_HOLD_SETTINGS as settings } from '../support/factories';
import { inventoryProblems } from '../support/inventory';

/**
 * The on-sale rush's hold costs one database round trip: the rate limit, the
 * checks and the hold in one statement (marquee_take_hold, migration 0011).
 * Counted on a connection of its own whose every statement is recorded
 * through postgres.js's debug hook. The connection is warmed first: its first
 * statements fetch the database's array types, and the first run of a
 * statement prepares it; both happen once per connection, not per request.
 */
let statements: string[] = [];
let client: postgres.Sql;
let counted: Database;

beforeAll(async () => {
  client = postgres(getEnv().DATABASE_URL!, { max: 1, onnotice: () => undefined, debug: (_connection, query) => void statements.push(query) });
  counted = drizzle(client, { schema, casing: 'snake_case' });
  const warm = await createGaScreening(getDb(), 100);
  await holdSeatsWithinRateLimit(counted, warm, { items: adult(1) }, 'warm', settings, limitFor('warm'));
});

afterAll(async () => {
  await client.end();
});

const limitFor = (client: string, limit = 1000): HoldRateLimit => ({ key: `holds:${client}`, limit });

/** The statements that one call sends, and its result. */
async function roundTrips(screeningId: string, request: HoldRequest, clientKey: string, rateLimit = limitFor(clientKey), holdSettings: HoldSettings = settings) {
  statements = [];
  const result = await holdSeatsWithinRateLimit(counted, screeningId, request, clientKey, holdSettings, rateLimit);
  return { result, statements: statements.length };
}

async function bucketCount(key: string): Promise<number> {
  const [row] = await rows<{ count: number }>(getDb(), sql`SELECT coalesce(sum(count), 0)::int AS count FROM rate_limit_buckets WHERE key = ${key}`);
  return row!.count;
}

describe('a general-admission hold in one round trip', () => {
  it('a granted hold, and every refusal of the rush, is one statement', async () => {
    const id = await createGaScreening(getDb(), 5);
    expect(await roundTrips(id, { items: adult(3) }, 'rt-a')).toMatchObject({ result: { ok: true, quantity: 3, totalCents: 4500 }, statements: 1 });
    expect(await roundTrips(id, { items: adult(3) }, 'rt-b')).toMatchObject({ result: { ok: false, reason: 'not_enough_seats', available: 2 }, statements: 1 });
    expect(await roundTrips(id, { items: adult(2) }, 'rt-a', limitFor('rt-a'), { ...settings, maxPerOrder: 4 })).toMatchObject({
      result: { ok: false, reason: 'too_many_held' },
      statements: 1,
    });
    expect(await roundTrips(id, { items: adult(2) }, 'rt-c', limitFor('rt-c', 0))).toMatchObject({ result: { ok: false, reason: 'rate_limited' }, statements: 1 });
    expect(await roundTrips(id, { items: [{ ticketType: 'senior', quantity: 1 }] }, 'rt-d')).toMatchObject({
      result: { ok: false, reason: 'invalid_request', message: 'Unknown ticket type "senior".' },
      statements: 1,
    });
    expect(await roundTrips('00000000-0000-4000-8000-000000000000', { items: adult(1) }, 'rt-e')).toMatchObject({
      result: { ok: false, reason: 'screening_not_found' },
      statements: 1,
    });
    await getDb().execute(sql`UPDATE screenings SET status = 'off_sale' WHERE id = ${id}`);
    expect(await roundTrips(id, { items: adult(1) }, 'rt-f')).toMatchObject({ result: { ok: false, reason: 'not_on_sale' }, statements: 1 });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a reserved house counts the rate limit in its first statement and claims its seats in one transaction', async () => {
    const id = await createReservedScreening(getDb(), 3, 6);
    const { result, statements: sent } = await roundTrips(id, { items: adult(2) }, 'rt-r');
    expect(result).toMatchObject({ ok: true, quantity: 2 });
    // The reading statement, then BEGIN, the pool and hold statement, the seat claim's statements, COMMIT.
    expect(sent).toBeGreaterThan(1);
    expect(await bucketCount('holds:rt-r')).toBe(1);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });
});

describe('the hold request and the rate limit', () => {
  it('counts every request, refused or granted, and refuses the one over the limit before anything else', async () => {
    const id = await createGaScreening(getDb(), 10);
    const limit = limitFor('rl-a', 5);
    const tight = { ...settings, maxPerOrder: 2 };
    const call = (request: HoldRequest) => holdSeatsWithinRateLimit(getDb(), id, request, 'rl-a', tight, limit);
    expect(await call({ items: adult(2) })).toMatchObject({ ok: true });
    expect(await call({ items: adult(1) })).toMatchObject({ ok: false, reason: 'too_many_held' });
    expect(await call({ items: [{ ticketType: 'senior', quantity: 1 }] })).toMatchObject({ ok: false, reason: 'invalid_request' });
    expect(await call({ items: adult(0) })).toMatchObject({ ok: false, reason: 'invalid_request' });
    expect(await call({ items: adult(3) })).toMatchObject({ ok: false, reason: 'invalid_request' });
    expect(await bucketCount('holds:rl-a')).toBe(5);
    const over = await call({ items: adult(1) });
    expect(over).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(!over.ok && over.reason === 'rate_limited' && over.retryAfterSeconds >= 1 && over.retryAfterSeconds <= 60).toBe(true);
    expect(await call({ items: adult(0) })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await bucketCount('holds:rl-a')).toBe(7);
    // The refused requests took nothing: the first hold's two places only.
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool!.held).toBe(2);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('40 simultaneous requests from one client with a limit of 12: exactly 12 are served, and the cap still holds', async () => {
    const id = await createGaScreening(getDb(), 100);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => holdSeatsWithinRateLimit(getDb(), id, { items: adult(1) }, 'rl-b', settings, limitFor('rl-b', 12))),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(28);
    expect(results.filter((r) => r.ok)).toHaveLength(settings.maxPerOrder);
    expect(results.filter((r) => !r.ok && r.reason === 'too_many_held')).toHaveLength(12 - settings.maxPerOrder);
    expect(await bucketCount('holds:rl-b')).toBe(40);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('300 simultaneous buyers of 1–4 places on a 120-place screening: never more than the house, and refusals say what is left', async () => {
    const id = await createGaScreening(getDb(), 120);
    const sizes = Array.from({ length: 300 }, (_, i) => 1 + ((i * 7919) % 4));
    const results = await Promise.all(sizes.map((n, i) => holdSeatsWithinRateLimit(getDb(), id, { items: adult(n) }, `rush-${i}`, settings, limitFor(`rush-${i}`, 5))));
    const held = results.reduce((sum, r) => sum + (r.ok ? r.quantity : 0), 0);
    expect(held).toBeLessThanOrEqual(120);
    expect(held).toBeGreaterThanOrEqual(117);
    results.forEach((r, i) => {
      if (!r.ok) expect(r.reason === 'not_enough_seats' && r.available < sizes[i]!).toBe(true);
    });
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool!.held).toBe(held);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });
});
