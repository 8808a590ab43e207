import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { getEnv } from '@/platform/env';
import { createGaScreening, getFestivalBySlug } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { postActionForm } from '../support/server-actions';
import { until } from '../support/until';
import { rows } from '@/db/sql';

const [appA, appB] = inject('appUrls') as [string, string];

/** The production instances run with this process's environment: the configured limit, not one a test passes in. */
const MAX = getEnv().MAX_TICKETS_PER_ORDER;

/** A screening of the festival the site shows, so that its booking page exists. */
async function demoScreening(capacity: number) {
  return createGaScreening(getDb(), capacity, { festival: await getFestivalBySlug(getDb(), getEnv().FESTIVAL_SLUG) });
}

const gaScreening = (capacity: number) => createGaScreening(getDb(), capacity);

const hold = (app: string, screeningId: string, quantity: number) =>
  fetch(`${app}/api/v1/screenings/${screeningId}/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ ticketType: 'adult', quantity }] }),
  });

describe('the running worker', () => {
  it('sweeps a hold that has run out: its places come back without anyone asking for them', async () => {
    const id = await gaScreening(5);
    const res = await hold(appA, id, 3);
    expect(res.status).toBe(201);
    const { holdId } = (await res.json()) as { holdId: string };
    // Hold time is configured per instance: run this one out in the database instead of waiting.
    await getDb().execute(sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${holdId}`);
    const state = await until(
      async () => {
        const [row] = await rows<{ status: string; held: number }>(getDb(), sql`
          SELECT h.status, p.held FROM holds h JOIN inventory_pools p ON p.screening_id = h.screening_id AND p.kind = 'standard' WHERE h.id = ${holdId}`);
        return row!;
      },
      (s) => s.status === 'expired',
      20_000,
    );
    expect(state).toEqual({ status: 'expired', held: 0 });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });
});

describe('the per-order ticket limit, as configured, at both entry points', () => {
  it(`the API refuses ${MAX + 1} tickets with 422 and a message naming the limit, and accepts ${MAX}`, async () => {
    const id = await gaScreening(MAX * 3);
    const refused = await hold(appB, id, MAX + 1);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ error: 'unprocessable', message: `At most ${MAX} tickets per order.` });
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.held).toBe(0);
    expect((await hold(appB, id, MAX)).status).toBe(201);
  });

  it(`the booking form (without JavaScript) refuses ${MAX + 1} tickets and says why`, async () => {
    const id = await demoScreening(MAX * 3);
    const page = `/screenings/${id}/book`;
    const refused = await postActionForm(appA, page, 'holdSeatsAction', { qty_adult: String(MAX + 1), mode: 'best' });
    expect(refused.status).toBe(303);
    const back = new URL(refused.headers.get('location') ?? '', appA);
    expect(back.pathname).toBe(page);
    expect(back.searchParams.get('error')).toBe(`At most ${MAX} tickets per order.`);
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.held).toBe(0);
    // The limit itself is allowed: the form goes on to checkout.
    const accepted = await postActionForm(appA, page, 'holdSeatsAction', { qty_adult: String(MAX), mode: 'best' });
    expect(accepted.status).toBe(303);
    expect(new URL(accepted.headers.get('location') ?? '', appA).pathname).toMatch(/^\/checkout\/[0-9a-f-]{36}$/);
  });
});

describe('the hold API refuses what it cannot read with a 400, and counts it', () => {
  const post = (screeningId: string, body: string, client: string) =>
    fetch(`${appA}/api/v1/screenings/${screeningId}/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body,
    });
  const bucket = async (client: string) => {
    const [row] = await rows<{ count: number }>(getDb(), sql`SELECT coalesce(sum(count), 0)::int AS count FROM rate_limit_buckets WHERE key = ${`holds:${client}`}`);
    return row?.count ?? 0;
  };

  it('a NUL in a ticket type, and a body over 16 KB: 400 with a message, counted against the rate limit, nothing held', async () => {
    const id = await gaScreening(5);
    const client = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // The rate limit's key for a client behind the one trusted proxy (TRUSTED_PROXY_HOPS=1): its address.
    const keyed = `ip:${client}`;
    const before = await bucket(keyed);
    for (const body of [JSON.stringify({ items: [{ ticketType: 'adult\u0000', quantity: 1 }] }), JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }], pad: 'x'.repeat(20_000) })]) {
      const res = await post(id, body, client);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: string; message: string };
      expect(answer.error).toBe('bad_request');
      expect(answer.message.length).toBeGreaterThan(0);
    }
    expect(await bucket(keyed)).toBe(before + 2);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.held).toBe(0);
  });
});
