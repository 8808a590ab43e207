import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { createApiToken } from '@/domain/accounts/api-tokens';
import { sellAtDesk } from '@/domain/desk/sale';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createSignedInUser, createTestScreening, getFestivalBySlug, TEST_ORDER_SETTINGS, uniq } from '../support/factories';

/**
 * The desk's JSON API over real HTTP against the production build: a staff API token or session reads and refunds,
 * an audience session is refused, bad input is a 4xx with a message that changes nothing, and a refund retried with
 * the same Idempotency-Key is made once.
 */

const app = inject('appUrls')[0]!;

async function setup() {
  const db = getDb();
  const env = getEnv();
  const staff = await createSignedInUser(db, env.APP_SECRET, { role: 'staff', name: 'API Staff' });
  const audience = await createSignedInUser(db, env.APP_SECRET, { role: 'audience' });
  const actor = { id: staff.id, email: staff.email, name: 'API Staff', role: 'staff' as const, organisationId: null, orgRole: null };
  const token = await createApiToken(db, actor, { label: 'Desk laptop', days: 1 });
  if (!token.ok) throw new Error(token.message);
  const festival = await getFestivalBySlug(db, env.FESTIVAL_SLUG);
  const venue = await createGaVenue(db, festival.id, 30);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 2, time: '20:20' });
  const email = `${uniq('api-buyer')}@example.org`;
  const sold = await sellAtDesk(db, actor, { screeningId, lines: [{ ticketType: 'adult', quantity: 2 }], method: 'cash', buyer: { name: 'Api Buyer', email }, saleKey: uniq('api') }, TEST_ORDER_SETTINGS);
  if (!sold.ok) throw new Error(sold.message);
  return { token: token.token, staffCookie: staff.cookie, audienceCookie: audience.cookie, orderId: sold.orderId, email, screeningId };
}

const call = (path: string, init: { method?: string; token?: string; cookie?: string; body?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${app}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body,
  });

describe('the desk API', () => {
  it('looks up and reads orders with a staff token or session, and refuses an audience session', async () => {
    const s = await setup();
    const found = await call(`/api/v1/box-office/orders?q=${encodeURIComponent(s.email)}`, { token: s.token });
    expect(found.status).toBe(200);
    const list = (await found.json()) as { count: number; orders: { id: string; matchedBy: string }[] };
    expect(list).toMatchObject({ count: 1, orders: [{ id: s.orderId, matchedBy: 'email' }] });
    const one = await call(`/api/v1/box-office/orders/${s.orderId}`, { cookie: s.staffCookie });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: s.orderId, source: 'door', refundableCents: 3000, payments: [{ method: 'cash', amountCents: 3000 }] });
    expect((await call(`/api/v1/box-office/orders?q=${encodeURIComponent(s.email)}`, { cookie: s.audienceCookie })).status).toBe(403);
    expect((await call(`/api/v1/box-office/orders/${s.orderId}`)).status).toBe(401);
    expect((await call(`/api/v1/box-office/orders/${s.orderId}`, { token: 'mq_not-a-real-token' })).status).toBe(401);
  });

  it('answers bad input with a 4xx and a message, and changes nothing', async () => {
    const s = await setup();
    const refunds = `/api/v1/box-office/orders/${s.orderId}/refunds`;
    const cases: { name: string; path: string; method?: string; body?: string; headers?: Record<string, string>; status: number }[] = [
      { name: 'no query', path: '/api/v1/box-office/orders', status: 400 },
      { name: 'one letter', path: '/api/v1/box-office/orders?q=a', status: 400 },
      { name: 'not a uuid', path: '/api/v1/box-office/orders/nope', status: 404 },
      { name: 'unknown order', path: '/api/v1/box-office/orders/00000000-0000-4000-8000-000000000000', status: 404 },
      { name: 'not JSON', path: refunds, method: 'POST', body: 'reason=x', status: 400 },
      { name: 'no reason', path: refunds, method: 'POST', body: JSON.stringify({ requestKey: 'key-no-reason' }), status: 400 },
      { name: 'no key', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'No key given' }), status: 400 },
      { name: 'negative amount', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Negative', amountCents: -5, requestKey: 'key-negative' }), status: 400 },
      { name: 'fractional amount', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Fraction', amountCents: 10.5, requestKey: 'key-fraction' }), status: 400 },
      { name: 'amount as text', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Text', amountCents: '1000', requestKey: 'key-text' }), status: 400 },
      { name: 'unknown field', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Extra', requestKey: 'key-extra', everything: true }), status: 400 },
      { name: 'ticket not a uuid', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Bad id', ticketIds: ['x'], requestKey: 'key-bad-id' }), status: 400 },
      { name: 'too much', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Too much', amountCents: 999999, requestKey: 'key-too-much' }), status: 422 },
      { name: 'another order’s ticket', path: refunds, method: 'POST', body: JSON.stringify({ reason: 'Not ours', ticketIds: ['00000000-0000-4000-8000-000000000000'], requestKey: 'key-not-ours' }), status: 422 },
      { name: 'unknown order', path: '/api/v1/box-office/orders/00000000-0000-4000-8000-000000000000/refunds', method: 'POST', body: JSON.stringify({ reason: 'Nobody', requestKey: 'key-nobody' }), status: 404 },
    ];
    for (const c of cases) {
      const res = await call(c.path, { method: c.method, token: s.token, body: c.body, headers: c.headers });
      expect(res.status, c.name).toBe(c.status);
      const body = (await res.json()) as { error: string; message: string };
      expect(typeof body.message, c.name).toBe('string');
      expect(body.message, c.name).not.toMatch(/at \w+ \(|node_modules/);
    }
    const [after] = await rows<{ refunds: number; valid: number }>(getDb(), sql`
      SELECT (SELECT count(*)::int FROM refunds WHERE order_id = ${s.orderId}) AS refunds,
             (SELECT count(*)::int FROM tickets WHERE order_id = ${s.orderId} AND status = 'valid') AS valid`);
    expect(after).toEqual({ refunds: 0, valid: 2 });
  });

  it('refunds once however often the same Idempotency-Key is sent, at the same moment or later', async () => {
    const s = await setup();
    const one = await call(`/api/v1/box-office/orders/${s.orderId}`, { token: s.token });
    const ticket = ((await one.json()) as { tickets: { id: string }[] }).tickets[0]!.id;
    const key = uniq('idem');
    const send = () =>
      call(`/api/v1/box-office/orders/${s.orderId}/refunds`, { method: 'POST', token: s.token, body: JSON.stringify({ reason: 'One ticket back', ticketIds: [ticket] }), headers: { 'Idempotency-Key': key } });
    const answers = await Promise.all([send(), send(), send()]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { refundId: string; amountCents: number; status: string }[];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(bodies.map((b) => b.refundId)).size).toBe(1);
    expect(bodies[0]).toMatchObject({ amountCents: 1500, status: 'succeeded' });
    const later = await send();
    expect(((await later.json()) as { refundId: string }).refundId).toBe(bodies[0]!.refundId);
    const [after] = await rows<{ refunds: number; valid: number; sold: number }>(getDb(), sql`
      SELECT (SELECT count(*)::int FROM refunds WHERE order_id = ${s.orderId}) AS refunds,
             (SELECT count(*)::int FROM tickets WHERE order_id = ${s.orderId} AND status = 'valid') AS valid,
             (SELECT sold FROM inventory_pools WHERE screening_id = ${s.screeningId} AND kind = 'standard') AS sold`);
    expect(after).toEqual({ refunds: 1, valid: 1, sold: 1 });
  });
});
