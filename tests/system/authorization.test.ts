import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { getEnv } from '@/platform/env';
import {
  createGaScreening,
  createHold,
  createInvitationToken,
  createPaidOrder,
  createPendingOrder,
  createSignedInUser,
  getFestivalBySlug,
} from '../support/factories';
import { discoverRoutes } from '../support/routes';
import { sessionCookie } from '../support/sessions';
import { ACTION_RULES, PRINCIPALS, ROLE_OF, RULES, SIGNED_IN, type Fixture, type Outcome, type Principal, type SignedIn } from './authorization-rules';
import { FEATURES } from './authorization-features';

const app = inject('appUrls')[0]!;

function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, v]) => [v.exportedName, id]));
}

async function send(cookie: string, spec: { method: string; path: string; body?: string | FormData; headers?: Record<string, string> }) {
  return fetch(`${app}${spec.path}`, {
    method: spec.method,
    redirect: 'manual',
    headers: { cookie, ...(typeof spec.body === 'string' ? { 'content-type': spec.path.startsWith('/api/auth') ? 'application/x-www-form-urlencoded' : 'application/json' } : {}), ...spec.headers },
    body: spec.body,
  });
}

/** Refused: an error status, or a trip to sign in (guards and the proxy add callbackUrl; sign-in's own error redirects do not). */
function classify(res: Response): Outcome {
  if (res.status >= 400) return 'denied';
  const location = res.headers.get('location');
  if (location && res.status >= 300) {
    const url = new URL(location, app);
    if (url.pathname === '/signin' && url.searchParams.has('callbackUrl')) return 'denied';
  }
  return 'allowed';
}

let fixture: Fixture;

beforeAll(async () => {
  const db = getDb();
  const env = getEnv();
  const [org1, org2] = await rows<{ id: string }>(db, sql`SELECT id FROM organisations ORDER BY slug LIMIT 2`);
  const orgOf: Partial<Record<SignedIn, string>> = { partnerOrg1: org1!.id, partnerOrg2: org2!.id };
  const users = {} as Fixture['users'];
  const cookies = { anonymous: '' } as Record<Principal, string>;
  for (const who of SIGNED_IN) {
    const organisationId = orgOf[who] ?? null;
    const user = await createSignedInUser(db, env.APP_SECRET, { role: ROLE_OF[who], organisationId, orgRole: organisationId ? 'admin' : null, name: who });
    users[who] = { id: user.id, email: user.email };
    cookies[who] = user.cookie;
  }
  // The site shows the demo festival: the matrix's screening must belong to it.
  const festival = await getFestivalBySlug(db, env.FESTIVAL_SLUG);
  const screeningId = await createGaScreening(db, 100, { festival });
  const hold = () => createHold(db, screeningId, { clientKey: 'matrix', holdMinutes: 30 });
  const buyer = (email: string) => ({ name: 'A', email, userId: users.audienceA.id });
  const held = await hold();
  const order = await createPendingOrder(db, screeningId, { clientKey: 'matrix', holdMinutes: 30, buyer: buyer('a-order@example.org') });
  const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const paidOrder = await createPaidOrder(db, screeningId, { clientKey: 'matrix', holdMinutes: 30, quantity: 2, buyer: buyer('a-paid@example.org'), settings });
  const [ticket] = await rows<{ code: string }>(db, sql`SELECT code FROM tickets WHERE order_id = ${paidOrder.orderId} LIMIT 1`);
  const spare = await hold();
  const viaApi = await hold();
  // Audience A's browser holds the cookies of its own holds: for the site's checkout, the API's checkout, the API's release.
  for (const h of [held, spare, viaApi]) cookies.audienceA += `; marquee_hold_${h.holdId}=${h.holdToken}`;
  const invitationToken = await createInvitationToken(db, { email: 'invited@example.org', role: 'partner', organisationId: org1!.id, orgRole: 'member', invitedBy: users.admin.id });
  const extra: Record<string, string> = {};
  for (const feature of FEATURES) {
    Object.assign(extra, await feature.setup?.({ users, screeningId, festivalId: festival.id, org1: org1!.id, org2: org2!.id }));
  }
  fixture = { cookies, users, screeningId, orderA: order.orderId, paidOrderA: paidOrder.orderId, ticketCode: ticket!.code, holdA: held.holdId, spareHoldA: spare.holdId, apiHoldA: viaApi.holdId, invitationToken, org1: org1!.id, org2: org2!.id, extra };
});

describe('authorization matrix', () => {
  it('has a rule for every page, route handler and server action (a new route without a rule fails here)', () => {
    const found = discoverRoutes();
    expect([...found.pages, ...found.handlers].sort()).toEqual(Object.keys(RULES).sort());
    expect(found.actions).toEqual(Object.keys(ACTION_RULES).sort());
  });

  it('allows and refuses every page and route handler for every principal', async () => {
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(RULES)) {
      for (const who of PRINCIPALS) {
        const res = await send(fixture.cookies[who], rule.request(fixture, who));
        const expected: Outcome = rule.allow.includes(who) ? 'allowed' : 'denied';
        const got = (rule.classify ?? classify)(res);
        if (got !== expected) failures.push(`${key} as ${who}: expected ${expected}, got ${res.status} ${res.headers.get('location') ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('allows and refuses every server action for every principal, including forms replayed from another account', async () => {
    const ids = actionIds();
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(ACTION_RULES)) {
      const id = ids.get(key.slice('ACTION '.length));
      expect(id, key).toBeDefined();
      const page = rule.page(fixture);
      const html = await (await send(fixture.cookies[rule.source], { method: 'GET', path: page })).text();
      const forms = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!);
      const form = forms.find((f) => f.includes(id!));
      expect(form, `${key}: form not found on ${page}`).toBeDefined();
      const hidden = [...form!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => m[0]);
      for (const who of PRINCIPALS) {
        const body = new FormData();
        for (const input of hidden) {
          const name = /name="([^"]*)"/.exec(input)?.[1];
          const value = (/value="([^"]*)"/.exec(input)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
          if (name) body.append(name, value);
        }
        for (const [k, v] of Object.entries(rule.fields)) body.set(k, v);
        if (key === 'ACTION changeRoleAction') body.set('userId', 'no-such-user');
        // Signing out really ends the session now: sign out a session of its own, so later tests keep theirs.
        const cookie = key === 'ACTION signOutAction' && who !== 'anonymous' ? (await sessionCookie(getDb(), fixture.users[who], getEnv().APP_SECRET)).cookie : fixture.cookies[who];
        const res = await send(cookie, { method: 'POST', path: page, body, headers: { origin: app } });
        const expected: Outcome = rule.allow.includes(who) ? 'allowed' : 'denied';
        const got = classify(res);
        if (got !== expected) failures.push(`${key} as ${who}: expected ${expected}, got ${res.status} ${res.headers.get('location') ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends the security headers on pages and API responses', async () => {
    for (const path of ['/', '/api/v1/films', '/account']) {
      const res = await send(fixture.cookies.audienceA, { method: 'GET', path });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      // These instances run as production builds.
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
    }
  });

  it("refuses to read or change another person's order, hold or organisation by id", async () => {
    const { cookies } = fixture;
    expect((await send(cookies.audienceB, { method: 'GET', path: `/api/v1/orders/${fixture.orderA}` })).status).toBe(404);
    expect((await send(cookies.partnerOrg2, { method: 'GET', path: `/orders/${fixture.orderA}` })).status).toBe(404);
    // The paid order's files: its buyer gets them, another person gets what a missing order gets.
    for (const file of ['tickets.pdf', 'calendar.ics']) {
      const own = await send(cookies.audienceA, { method: 'GET', path: `/orders/${fixture.paidOrderA}/${file}` });
      expect(own.status, file).toBe(200);
      expect(own.headers.get('content-type'), file).toMatch(file.endsWith('pdf') ? /application\/pdf/ : /text\/calendar/);
      expect((await send(cookies.audienceB, { method: 'GET', path: `/orders/${fixture.paidOrderA}/${file}` })).status, file).toBe(404);
      expect((await send('', { method: 'GET', path: `/orders/${fixture.paidOrderA}/${file}` })).status, file).toBe(404);
    }
    // A ticket code is the capability: one that was never issued opens nothing.
    expect((await send('', { method: 'GET', path: '/tickets/AAAA-BBBB-CCCC' })).status).toBe(404);
    expect((await send('', { method: 'GET', path: '/tickets/AAAA-BBBB-CCCC/ticket.pdf' })).status).toBe(404);
    const mine = await createHold(getDb(), fixture.screeningId, { clientKey: 'idor', holdMinutes: 30 });
    const holderCookie = `${cookies.audienceA}; marquee_hold_${mine.holdId}=${mine.holdToken}`;
    expect((await send(cookies.audienceB, { method: 'DELETE', path: `/api/v1/holds/${mine.holdId}` })).status).toBe(403);
    expect((await send(cookies.staff, { method: 'DELETE', path: `/api/v1/holds/${mine.holdId}` })).status).toBe(403);
    // The holder's own cookie, sent by a page on another site: refused as cross-site.
    expect((await send(holderCookie, { method: 'DELETE', path: `/api/v1/holds/${mine.holdId}`, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const [hold] = await rows<{ status: string }>(getDb(), sql`SELECT status FROM holds WHERE id = ${mine.holdId}`);
    expect(hold?.status).toBe('active');
    // Partner of org 2 cannot invite into org 1, whatever form it replays (checked in the matrix); nor read org 1's members.
    const page = await send(cookies.partnerOrg2, { method: 'GET', path: '/partner' });
    expect(await page.text()).not.toContain(fixture.org1);
  });
});
