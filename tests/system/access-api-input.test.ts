import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { claimIndigenousTickets } from '@/domain/access/indigenous';
import { submitDonationRequest } from '@/domain/donation-requests/requests';
import { grantAllotment } from '@/domain/partners/allotments';
import type { Actor } from '@/domain/partners/organisations';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createOrganisation, createSignedInUser, createTestScreening, getFestivalBySlug } from '../support/factories';

/**
 * Every JSON API route of issue 8 (access programmes), sent bad input by someone who IS allowed to call it: a path id
 * that is not a UUID, an unknown UUID, a body that is not JSON, JSON of the wrong shape, numbers out of range (0,
 * negative, huge, fractional, not numbers at all), over-long strings, a missing field, and a body over 1 MB. Each must
 * answer a 4xx with a JSON `{ error, message }` and no stack trace, and nothing may change: the rows a success would
 * write (orders, tickets, allotments' used places, donation requests, fund entries, waiting-list entries) are counted
 * before and after.
 */

const app = inject('appUrls')[0]!;

/** 4xx the handlers document for bad input; anything else (a 2xx that accepted it, a 5xx) fails. */
const REFUSED = [400, 404, 409, 413, 422];

type Case = { name: string; method: string; path: string; body?: string; cookie?: string; type?: string };

/** What each case answered, printed at the end as the route × case table. */
const table: string[] = [];

/** A unique client address per request: the instances trust one proxy hop, and the code redemptions are rate-limited per client. */
let client = 0;
const nextAddress = () => {
  client += 1;
  return `10.88.${Math.floor(client / 250)}.${(client % 250) + 1}`;
};

async function send(c: Case) {
  return fetch(`${app}${c.path}`, {
    method: c.method,
    redirect: 'manual',
    headers: {
      ...(c.cookie ? { cookie: c.cookie } : {}),
      ...(c.body !== undefined ? { 'content-type': c.type ?? 'application/json' } : {}),
      'x-forwarded-for': nextAddress(),
    },
    body: c.body,
  });
}

const STACK = /\n\s+at\s|node_modules|\.(?:ts|tsx|js|mjs):\d+:\d+|webpack|Error:\s/;

/** Sends the case and checks the refusal: status in `allowed`, JSON with a string error and message, no stack trace. */
async function expectRefused(c: Case, allowed: number[] = REFUSED) {
  const res = await send(c);
  const text = await res.text();
  table.push(`${c.method} ${c.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 70)} | ${c.name} | ${res.status}`);
  const label = `${c.method} ${c.path} (${c.name}) answered ${res.status}: ${text.slice(0, 300)}`;
  expect(allowed, label).toContain(res.status);
  expect(res.headers.get('content-type') ?? '', label).toContain('application/json');
  const body = JSON.parse(text) as { error?: unknown; message?: unknown };
  expect(typeof body.error, label).toBe('string');
  expect(typeof body.message, label).toBe('string');
  expect((body.message as string).length, label).toBeGreaterThan(0);
  expect(STACK.test(text), `${label}: looks like a stack trace`).toBe(false);
  return res.status;
}

/**
 * Everything a request of these routes would write, counted at this file's screening and organisation (every write a
 * bad request could slip through lands there; late webhooks of other files' payments do not).
 */
async function snapshot() {
  const [counts] = await rows<Record<string, number>>(getDb(), sql`
    SELECT (SELECT count(*)::int FROM orders WHERE screening_id = ${screeningId}) AS orders,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.screening_id = ${screeningId}) AS tickets,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.screening_id = ${screeningId} AND t.status = 'valid') AS valid_tickets,
           (SELECT count(*)::int FROM allotments WHERE screening_id = ${screeningId}) AS allotments,
           (SELECT coalesce(sum(used), 0)::int FROM allotments WHERE screening_id = ${screeningId}) AS allotments_used,
           (SELECT coalesce(sum(quantity), 0)::int FROM allotments WHERE screening_id = ${screeningId}) AS allotments_quantity,
           (SELECT count(*)::int FROM donation_requests WHERE organisation_id = ${organisationId}) AS donation_requests,
           (SELECT count(*) FILTER (WHERE status = 'submitted')::int FROM donation_requests WHERE organisation_id = ${organisationId}) AS submitted_requests,
           (SELECT count(*)::int FROM fund_entries f JOIN tickets t ON t.id = f.ticket_id JOIN orders o ON o.id = t.order_id WHERE o.screening_id = ${screeningId}) AS fund_entries,
           (SELECT count(*)::int FROM waitlist_entries WHERE screening_id = ${screeningId}) AS waitlist_entries,
           (SELECT count(*)::int FROM access_codes c JOIN allotments a ON a.id = c.allotment_id WHERE a.screening_id = ${screeningId} AND c.status = 'redeemed') AS redeemed_codes,
           (SELECT coalesce(sum(sold), 0)::int FROM inventory_pools WHERE screening_id = ${screeningId}) AS sold`);
  return counts!;
}

const json = (v: unknown) => JSON.stringify(v);
const long = 'x'.repeat(5000);
const unknownId = () => randomUUID();
/** Out-of-range and not-quite numbers; 1e400 is valid JSON that parses to Infinity. */
const BAD_NUMBERS: [string, string][] = [
  ['quantity 0', '0'],
  ['quantity -1', '-1'],
  ['quantity huge', '1000000000'],
  ['quantity beyond 2^53', '9007199254740993'],
  ['quantity 1e400', '1e400'],
  ['quantity 1.5', '1.5'],
  ['quantity "two"', '"two"'],
  ['quantity true', 'true'],
  ['quantity [2]', '[2]'],
  ['quantity null', 'null'],
];
/** Bodies that are not JSON, or JSON that is not an object. */
const NOT_JSON: [string, string, string?][] = [
  ['not JSON', '{"quantity":'],
  ['form encoded', 'quantity=1', 'application/x-www-form-urlencoded'],
  ['empty body', ''],
];
const WRONG_SHAPE: [string, string][] = [
  ['JSON null', 'null'],
  ['JSON array', '[]'],
  ['JSON string', '"hello"'],
  ['JSON number', '3'],
];

let audience: { cookie: string };
let partner: { cookie: string };
let staff: { cookie: string };
let screeningId: string;
let organisationId: string;
let claimOrderId: string;
let allotmentId: string;
let requestId: string;
let before: Record<string, number>;

beforeAll(async () => {
  const db = getDb();
  const env = getEnv();
  const festival = await getFestivalBySlug(db, env.FESTIVAL_SLUG);
  const venue = await createGaVenue(db, festival.id, 60);
  const film = await createFilm(db, festival.id);
  screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    startsAt: new Date(Date.now() + 12 * 86_400_000),
    allocations: { indigenous_access: 6, community_access: 20, donated: 10 },
  });
  const org = await createOrganisation(db);
  organisationId = org.id;
  await db.execute(sql`UPDATE organisations SET status = 'verified', reviewed_at = now() WHERE id = ${org.id}`);
  const a = await createSignedInUser(db, env.APP_SECRET, { name: 'Input Audience' });
  const p = await createSignedInUser(db, env.APP_SECRET, { role: 'partner', organisationId: org.id, orgRole: 'admin', name: 'Input Partner' });
  const s = await createSignedInUser(db, env.APP_SECRET, { role: 'staff', name: 'Input Staff' });
  [audience, partner, staff] = [a, p, s];
  const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const claimed = await claimIndigenousTickets(db, { id: a.id, email: a.email, name: 'Input Audience' }, { screeningId, quantity: 2, selfIdentified: true }, settings);
  if (!claimed.ok) throw new Error(`setup: claim refused (${claimed.reason})`);
  claimOrderId = claimed.orderId;
  const staffActor: Actor = { id: s.id, email: s.email, name: 'Input Staff', role: 'staff', organisationId: null, orgRole: null };
  const partnerActor: Actor = { id: p.id, email: p.email, name: 'Input Partner', role: 'partner', organisationId: org.id, orgRole: 'admin' };
  const granted = await grantAllotment(db, staffActor, { screeningId, organisationId: org.id, quantity: 5 }, settings);
  if (!granted.ok) throw new Error(`setup: grant refused (${granted.reason})`);
  allotmentId = granted.allotmentId;
  const submitted = await submitDonationRequest(db, partnerActor, festival.id, {
    screeningIds: [screeningId],
    quantity: 2,
    audience: 'Young people from the input test',
    accessibilityNeeds: '',
    contactName: 'Input Partner',
    contactEmail: 'input-partner@example.org',
    contactPhone: null,
  });
  if (!submitted.ok) throw new Error(`setup: request refused (${submitted.reason})`);
  requestId = submitted.requestId;
  before = await snapshot();
});

afterAll(async () => {
  // The whole file wrote nothing: every count as it was after the setup.
  expect(await snapshot()).toEqual(before);
  console.log(['route | case | status', ...table].join('\n'));
});

/** Runs the cases, then checks that nothing a success would write has changed. */
async function refuseAll(cases: (Case & { allowed?: number[] })[]) {
  const start = await snapshot();
  for (const c of cases) await expectRefused(c, c.allowed);
  expect(await snapshot()).toEqual(start);
}

const bodyCases = (method: string, path: string, cookie: string | undefined, good: Record<string, unknown>, numberField = 'quantity'): Case[] => [
  ...NOT_JSON.map(([name, body, type]) => ({ name, method, path, body, cookie, type })),
  ...WRONG_SHAPE.map(([name, body]) => ({ name, method, path, body, cookie })),
  ...BAD_NUMBERS.map(([name, n]) => ({ name, method, path, cookie, body: json(good).replace(`"${numberField}":${json(good[numberField])}`, `"${numberField}":${n}`) })),
  ...Object.keys(good).map((k) => ({ name: `missing ${k}`, method, path, cookie, body: json({ ...good, [k]: undefined }) })),
];

describe('issue 8 JSON API routes refuse bad input with a 4xx JSON message and change nothing', () => {
  it('GET /api/v1/screenings/[id]/access', async () => {
    await refuseAll([
      { name: 'id not a uuid', method: 'GET', path: '/api/v1/screenings/not-a-uuid/access', allowed: [400] },
      { name: 'id injection', method: 'GET', path: `/api/v1/screenings/${encodeURIComponent("1' OR '1'='1")}/access`, allowed: [400] },
      { name: 'id 5000 chars', method: 'GET', path: `/api/v1/screenings/${long}/access`, allowed: [400] },
      { name: 'unknown uuid', method: 'GET', path: `/api/v1/screenings/${unknownId()}/access`, allowed: [404] },
    ]);
  });

  it('POST /api/v1/screenings/[id]/indigenous-claims', async () => {
    const path = `/api/v1/screenings/${screeningId}/indigenous-claims`;
    const good = { quantity: 1, selfIdentified: true };
    const c = audience.cookie;
    await refuseAll([
      { name: 'id not a uuid', method: 'POST', path: '/api/v1/screenings/not-a-uuid/indigenous-claims', body: json(good), cookie: c, allowed: [400] },
      { name: 'unknown uuid', method: 'POST', path: `/api/v1/screenings/${unknownId()}/indigenous-claims`, body: json(good), cookie: c, allowed: [404] },
      ...bodyCases('POST', path, c, good).map((x) => ({ ...x, allowed: [400] })),
      { name: 'selfIdentified false', method: 'POST', path, body: json({ quantity: 1, selfIdentified: false }), cookie: c, allowed: [400] },
      { name: 'selfIdentified "true"', method: 'POST', path, body: json({ quantity: 1, selfIdentified: 'true' }), cookie: c, allowed: [400] },
      { name: 'seats not uuids', method: 'POST', path, body: json({ ...good, seats: ['A1'] }), cookie: c, allowed: [400] },
      { name: 'seat 5000 chars', method: 'POST', path, body: json({ ...good, seats: [long] }), cookie: c, allowed: [400] },
      { name: '11 seats', method: 'POST', path, body: json({ ...good, seats: Array.from({ length: 11 }, () => randomUUID()) }), cookie: c, allowed: [400] },
      { name: 'unknown seat uuid', method: 'POST', path, body: json({ ...good, seats: [randomUUID()] }), cookie: c, allowed: [400, 409, 422] },
    ]);
  });

  it('DELETE /api/v1/indigenous-claims/[orderId]', async () => {
    const path = `/api/v1/indigenous-claims/${claimOrderId}`;
    const c = audience.cookie;
    await refuseAll([
      { name: 'id not a uuid', method: 'DELETE', path: '/api/v1/indigenous-claims/not-a-uuid', cookie: c, allowed: [404] },
      { name: 'unknown uuid', method: 'DELETE', path: `/api/v1/indigenous-claims/${unknownId()}`, cookie: c, allowed: [404] },
      { name: 'not JSON', method: 'DELETE', path, body: '{"tickets":', cookie: c, allowed: [400] },
      ...WRONG_SHAPE.map(([name, body]) => ({ name, method: 'DELETE', path, body, cookie: c, allowed: [400] })),
      { name: 'tickets a string', method: 'DELETE', path, body: json({ tickets: 'all' }), cookie: c, allowed: [400] },
      { name: 'tickets empty', method: 'DELETE', path, body: json({ tickets: [] }), cookie: c, allowed: [400] },
      { name: 'ticket not a uuid', method: 'DELETE', path, body: json({ tickets: ['nope'] }), cookie: c, allowed: [400] },
      { name: 'ticket 5000 chars', method: 'DELETE', path, body: json({ tickets: [long] }), cookie: c, allowed: [400] },
      { name: '11 tickets', method: 'DELETE', path, body: json({ tickets: Array.from({ length: 11 }, () => randomUUID()) }), cookie: c, allowed: [400] },
      { name: 'unknown field', method: 'DELETE', path, body: json({ all: true }), cookie: c, allowed: [400] },
      { name: 'unknown ticket uuid', method: 'DELETE', path, body: json({ tickets: [randomUUID()] }), cookie: c, allowed: [404, 409] },
    ]);
  });

  it('POST and DELETE /api/v1/screenings/[id]/waitlist', async () => {
    const path = `/api/v1/screenings/${screeningId}/waitlist`;
    const c = audience.cookie;
    await refuseAll([
      { name: 'id not a uuid', method: 'POST', path: '/api/v1/screenings/not-a-uuid/waitlist', body: json({ quantity: 1 }), cookie: c, allowed: [400] },
      { name: 'unknown uuid', method: 'POST', path: `/api/v1/screenings/${unknownId()}/waitlist`, body: json({ quantity: 1 }), cookie: c, allowed: [404] },
      ...bodyCases('POST', path, c, { quantity: 1 }).map((x) => ({ ...x, allowed: [400] })),
      { name: 'id not a uuid', method: 'DELETE', path: '/api/v1/screenings/not-a-uuid/waitlist', cookie: c, allowed: [400] },
      { name: 'unknown uuid', method: 'DELETE', path: `/api/v1/screenings/${unknownId()}/waitlist`, cookie: c, allowed: [404] },
      { name: 'not on the list', method: 'DELETE', path, cookie: c, allowed: [404] },
    ]);
  });

  it('POST /api/v1/access-codes/redemptions (anyone; a fresh client address per request)', async () => {
    const path = '/api/v1/access-codes/redemptions';
    const good = { code: 'NOPE-NOPE', screeningId, name: 'Someone', email: 'someone@example.org' };
    await refuseAll([
      ...NOT_JSON.map(([name, body, type]) => ({ name, method: 'POST', path, body, type, allowed: [400] })),
      ...WRONG_SHAPE.map(([name, body]) => ({ name, method: 'POST', path, body, allowed: [400] })),
      ...Object.keys(good).map((k) => ({ name: `missing ${k}`, method: 'POST', path, body: json({ ...good, [k]: undefined }), allowed: [400] })),
      { name: 'code 5000 chars', method: 'POST', path, body: json({ ...good, code: long }), allowed: [400] },
      { name: 'name 5000 chars', method: 'POST', path, body: json({ ...good, name: long }), allowed: [400] },
      { name: 'email 5000 chars', method: 'POST', path, body: json({ ...good, email: `${long}@example.org` }), allowed: [400] },
      { name: 'email not an email', method: 'POST', path, body: json({ ...good, email: 'nobody' }), allowed: [400] },
      { name: 'code a number', method: 'POST', path, body: json({ ...good, code: 12345 }), allowed: [400] },
      { name: 'screeningId not a uuid', method: 'POST', path, body: json({ ...good, screeningId: 'abc' }), allowed: [400] },
      { name: 'unknown screening uuid', method: 'POST', path, body: json({ ...good, screeningId: unknownId() }), allowed: [404] },
      { name: 'wrong code', method: 'POST', path, body: json(good), allowed: [404] },
    ]);
  });

  it('GET /api/v1/partner/allotments ignores junk in the query', async () => {
    const res = await send({ name: 'junk query', method: 'GET', path: `/api/v1/partner/allotments?limit=-1&id=${long.slice(0, 500)}`, cookie: partner.cookie });
    const text = await res.text();
    table.push(`GET /api/v1/partner/allotments | junk query | ${res.status}`);
    expect(res.status).toBe(200);
    expect((JSON.parse(text) as { allotments: { id: string }[] }).allotments.map((a) => a.id)).toEqual([allotmentId]);
    expect(STACK.test(text)).toBe(false);
  });

  it('POST /api/v1/partner/allotments/[id]/claims', async () => {
    const path = `/api/v1/partner/allotments/${allotmentId}/claims`;
    const c = partner.cookie;
    const good = { quantity: 1 };
    await refuseAll([
      { name: 'id not a uuid', method: 'POST', path: '/api/v1/partner/allotments/not-a-uuid/claims', body: json(good), cookie: c, allowed: [404] },
      { name: 'unknown uuid', method: 'POST', path: `/api/v1/partner/allotments/${unknownId()}/claims`, body: json(good), cookie: c, allowed: [404] },
      ...bodyCases('POST', path, c, good).map((x) => ({ ...x, allowed: [400] })),
      { name: 'quantity 51', method: 'POST', path, body: json({ quantity: 51 }), cookie: c, allowed: [400] },
      { name: 'quantity over the allotment', method: 'POST', path, body: json({ quantity: 6 }), cookie: c, allowed: [409] },
      { name: 'holder name 5000 chars', method: 'POST', path, body: json({ quantity: 1, holderNames: [long] }), cookie: c, allowed: [400] },
      { name: '51 holder names', method: 'POST', path, body: json({ quantity: 1, holderNames: Array.from({ length: 51 }, () => 'A') }), cookie: c, allowed: [400] },
      { name: 'holder name a number', method: 'POST', path, body: json({ quantity: 1, holderNames: [42] }), cookie: c, allowed: [400] },
    ]);
  });

  it('POST /api/v1/allotments (staff)', async () => {
    const path = '/api/v1/allotments';
    const c = staff.cookie;
    const good = { allotmentId, quantity: 2 };
    await refuseAll([
      ...bodyCases('POST', path, c, good).map((x) => ({ ...x, allowed: [400] })),
      { name: 'allotmentId not a uuid', method: 'POST', path, body: json({ ...good, allotmentId: 'abc' }), cookie: c, allowed: [400] },
      { name: 'unknown allotment uuid', method: 'POST', path, body: json({ ...good, allotmentId: unknownId() }), cookie: c, allowed: [404] },
      { name: 'unknown screening and organisation', method: 'POST', path, body: json({ screeningId: unknownId(), organisationId: unknownId(), quantity: 2 }), cookie: c, allowed: [404] },
      { name: 'unknown screening, own organisation', method: 'POST', path, body: json({ screeningId: unknownId(), organisationId, quantity: 2 }), cookie: c, allowed: [404] },
      { name: 'unknown organisation', method: 'POST', path, body: json({ screeningId, organisationId: unknownId(), quantity: 2 }), cookie: c, allowed: [404] },
      { name: 'both shapes at once', method: 'POST', path, body: json({ ...good, screeningId, organisationId: unknownId() }), cookie: c, allowed: [400] },
      { name: 'note 5000 chars', method: 'POST', path, body: json({ ...good, note: long }), cookie: c, allowed: [400] },
      { name: 'quantity 51', method: 'POST', path, body: json({ ...good, quantity: 51 }), cookie: c, allowed: [400] },
    ]);
  });

  it('GET and POST /api/v1/partner/donation-requests', async () => {
    const path = '/api/v1/partner/donation-requests';
    const c = partner.cookie;
    const listed = await send({ name: 'junk query', method: 'GET', path: `${path}?status=${long.slice(0, 500)}`, cookie: c });
    table.push(`GET ${path} | junk query | ${listed.status}`);
    expect(listed.status).toBe(200);
    expect((JSON.parse(await listed.text()) as { count: number }).count).toBe(1);
    const good = { screeningIds: [screeningId], quantity: 2, audience: 'Our group', contactName: 'P', contactEmail: 'p@example.org' };
    await refuseAll([
      ...bodyCases('POST', path, c, good).map((x) => ({ ...x, allowed: [400] })),
      { name: 'screeningIds not uuids', method: 'POST', path, body: json({ ...good, screeningIds: ['abc'] }), cookie: c, allowed: [400] },
      { name: 'screeningIds a string', method: 'POST', path, body: json({ ...good, screeningIds: screeningId }), cookie: c, allowed: [400] },
      { name: 'unknown screening uuid', method: 'POST', path, body: json({ ...good, screeningIds: [unknownId()] }), cookie: c, allowed: [404, 422] },
      { name: 'audience 5000 chars', method: 'POST', path, body: json({ ...good, audience: long }), cookie: c, allowed: [400] },
      { name: 'contactName 5000 chars', method: 'POST', path, body: json({ ...good, contactName: long }), cookie: c, allowed: [400] },
      { name: 'contactEmail not an email', method: 'POST', path, body: json({ ...good, contactEmail: 'nobody' }), cookie: c, allowed: [400] },
      { name: 'impossible date', method: 'POST', path, body: json({ ...good, screeningIds: [], fromDate: '2026-13-45', toDate: '2026-13-46' }), cookie: c, allowed: [400] },
      { name: 'screenings and dates', method: 'POST', path, body: json({ ...good, fromDate: '2030-01-01', toDate: '2030-01-02' }), cookie: c, allowed: [400] },
      { name: 'body over 1 MB', method: 'POST', path, body: json({ ...good, audience: 'y'.repeat(1_100_000) }), cookie: c, allowed: [400, 413] },
      { name: 'body over 1 MB not JSON', method: 'POST', path, body: `{"audience":"${'z'.repeat(1_100_000)}`, cookie: c, allowed: [400, 413] },
    ]);
  });

  it('POST /api/v1/donation-requests/[id]/decisions (staff)', async () => {
    const path = `/api/v1/donation-requests/${requestId}/decisions`;
    const c = staff.cookie;
    const grant = { screeningId, quantity: 1, source: 'donated' };
    const approve = (g: Record<string, unknown>) => json({ decision: 'approve', grants: [g] });
    await refuseAll([
      { name: 'id not a uuid', method: 'POST', path: '/api/v1/donation-requests/not-a-uuid/decisions', body: json({ decision: 'decline', reason: 'No' }), cookie: c, allowed: [404] },
      { name: 'unknown uuid', method: 'POST', path: `/api/v1/donation-requests/${unknownId()}/decisions`, body: json({ decision: 'decline', reason: 'No' }), cookie: c, allowed: [404] },
      ...NOT_JSON.map(([name, body, type]) => ({ name, method: 'POST', path, body, type, cookie: c, allowed: [400] })),
      ...WRONG_SHAPE.map(([name, body]) => ({ name, method: 'POST', path, body, cookie: c, allowed: [400] })),
      { name: 'decision unknown', method: 'POST', path, body: json({ decision: 'maybe', reason: 'x' }), cookie: c, allowed: [400] },
      { name: 'missing decision', method: 'POST', path, body: json({ reason: 'x' }), cookie: c, allowed: [400] },
      { name: 'missing reason', method: 'POST', path, body: json({ decision: 'decline' }), cookie: c, allowed: [400] },
      { name: 'blank reason', method: 'POST', path, body: json({ decision: 'decline', reason: '   ' }), cookie: c, allowed: [400] },
      { name: 'reason 5000 chars', method: 'POST', path, body: json({ decision: 'decline', reason: long }), cookie: c, allowed: [400] },
      { name: 'missing grants', method: 'POST', path, body: json({ decision: 'approve' }), cookie: c, allowed: [400] },
      { name: 'grants empty', method: 'POST', path, body: json({ decision: 'approve', grants: [] }), cookie: c, allowed: [400] },
      ...BAD_NUMBERS.map(([name, n]) => ({ name, method: 'POST', path, body: approve(grant).replace('"quantity":1', `"quantity":${n}`), cookie: c, allowed: [400] })),
      { name: 'grant screeningId not a uuid', method: 'POST', path, body: approve({ ...grant, screeningId: 'abc' }), cookie: c, allowed: [400] },
      { name: 'grant source unknown', method: 'POST', path, body: approve({ ...grant, source: 'thin air' }), cookie: c, allowed: [400] },
      { name: 'grant missing source', method: 'POST', path, body: approve({ screeningId, quantity: 1 }), cookie: c, allowed: [400] },
      { name: 'grant unknown screening', method: 'POST', path, body: approve({ ...grant, screeningId: unknownId() }), cookie: c, allowed: [404, 409, 422] },
      { name: 'message 5000 chars', method: 'POST', path, body: json({ decision: 'approve', grants: [grant], message: long }), cookie: c, allowed: [400] },
    ]);
  });

  it('GET /api/v1/access-fund ignores junk in the query', async () => {
    const res = await send({ name: 'junk query', method: 'GET', path: `/api/v1/access-fund?festival=${long.slice(0, 500)}` });
    const text = await res.text();
    table.push(`GET /api/v1/access-fund | junk query | ${res.status}`);
    expect([200, 404]).toContain(res.status);
    JSON.parse(text);
    expect(STACK.test(text)).toBe(false);
  });
});
