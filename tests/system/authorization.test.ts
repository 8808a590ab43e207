import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { createInvitation } from '@/domain/accounts/auth';
import { roleCan, type Permission } from '@/domain/accounts/permissions';
import { holdSeats } from '@/domain/booking/holds';
import { beginCheckout, fulfilOrder } from '@/domain/payments/orders';
import type { UserRole } from '@/db/schema/auth';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createTestScreening, getFestivalSummary, uniq } from '../support/factories';
import { discoverRoutes } from '../support/routes';
import { sessionCookie } from '../support/sessions';
import { rows } from '@/db/sql';

const app = inject('appUrls')[0]!;

const PRINCIPALS = ['anonymous', 'audienceA', 'audienceB', 'partnerOrg1', 'partnerOrg2', 'staff', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];
const SIGNED_IN = PRINCIPALS.filter((p) => p !== 'anonymous');
type SignedIn = (typeof SIGNED_IN)[number];
/** Each signed-in principal's account; the partners are their organisation's admins (org 1 and org 2, in slug order). */
const ROLE_OF = { audienceA: 'audience', audienceB: 'audience', partnerOrg1: 'partner', partnerOrg2: 'partner', staff: 'staff', admin: 'admin' } as const satisfies Record<SignedIn, UserRole>;

interface Fixture {
  cookies: Record<Principal, string>;
  users: Record<Exclude<Principal, 'anonymous'>, { id: string; email: string }>;
  screeningId: string;
  orderA: string;
  /** Audience A's paid order, with tickets: what tickets.pdf and calendar.ics serve. */
  paidOrderA: string;
  ticketCode: string;
  holdA: string;
  spareHoldA: string;
  apiHoldA: string;
  invitationToken: string;
  org1: string;
}

type Outcome = 'allowed' | 'denied';

interface Rule {
  /** Who may: everyone else must be refused (401, 403, 404, or sent to sign in). */
  allow: readonly Principal[];
  classify?: (res: Response) => Outcome;
  request: (f: Fixture, who: Principal) => { method: string; path: string; body?: string; headers?: Record<string, string> };
}

const all = PRINCIPALS;
const signedIn = SIGNED_IN;
/**
 * Where a rule is a permission, its principals come from the permission table
 * (domain/accounts/permissions.ts): changing who holds a permission changes
 * what this matrix expects, and the app must follow.
 */
const withPermission = (permission: Permission): Principal[] => SIGNED_IN.filter((who) => roleCan(ROLE_OF[who], permission));
/** An order's buyer, and whoever reads any order. */
const orderReaders = ['audienceA', ...withPermission('orders.read_any')] as const;
const get = (p: (f: Fixture) => string) => (f: Fixture) => ({ method: 'GET', path: p(f) });

/** One rule per route; the test below fails when a route has none. */
const RULES: Record<string, Rule> = {
  'PAGE /': { allow: all, request: get(() => '/') },
  'PAGE /access': { allow: all, request: get(() => '/access') },
  'PAGE /access/[scheme]': { allow: all, request: get(() => '/access/indigenous') },
  'PAGE /films/[slug]': { allow: all, request: get(() => '/films/here') },
  'PAGE /schedule': { allow: all, request: get(() => '/schedule') },
  'PAGE /venues': { allow: all, request: get(() => '/venues') },
  'PAGE /venues/[slug]': { allow: all, request: get(() => '/venues/lumen-cinema') },
  'PAGE /screenings/[id]': { allow: all, request: get((f) => `/screenings/${f.screeningId}`) },
  'PAGE /screenings/[id]/book': { allow: all, request: get((f) => `/screenings/${f.screeningId}/book`) },
  'PAGE /signin': { allow: all, request: get(() => '/signin') },
  'PAGE /signin/check-email': { allow: all, request: get(() => '/signin/check-email') },
  // Capabilities: the hold cookie, the ticket code, the invitation token are the authority, not the session.
  'PAGE /checkout/[holdId]': { allow: ['audienceA'], request: get((f) => `/checkout/${f.holdA}`) },
  'PAGE /tickets/[code]': { allow: all, request: get((f) => `/tickets/${f.ticketCode}`) }, // the code is the capability
  'PAGE /invite/[token]': { allow: all, request: get((f) => `/invite/${f.invitationToken}`) },
  'PAGE /orders/[id]': { allow: orderReaders, request: get((f) => `/orders/${f.orderA}`) },
  'PAGE /account': { allow: signedIn, request: get(() => '/account') },
  'PAGE /account/tickets': { allow: signedIn, request: get(() => '/account/tickets') },
  'PAGE /account/requests': { allow: signedIn, request: get(() => '/account/requests') },
  'PAGE /partner': { allow: withPermission('partner.portal'), request: get(() => '/partner') },
  'PAGE /admin/users': { allow: withPermission('users.manage'), request: get(() => '/admin/users') },
  // The dev outbox is off in a production build unless asked for: nobody reads it here.
  // The system stage runs local mode on loopback, where the outbox is this machine's; production's 404 is in server.test.ts.
  'PAGE /dev/outbox': { allow: all, request: get(() => '/dev/outbox') },
  'PAGE /dev/outbox/[id]': { allow: [], request: get(() => '/dev/outbox/00000000-0000-4000-8000-000000000000') },

  'GET /api/v1/films': { allow: all, request: get(() => '/api/v1/films') },
  'GET /api/v1/films/[slug]': { allow: all, request: get(() => '/api/v1/films/here') },
  'GET /api/v1/screenings': { allow: all, request: get(() => '/api/v1/screenings') },
  'GET /api/v1/screenings/[id]': { allow: all, request: get((f) => `/api/v1/screenings/${f.screeningId}`) },
  'GET /api/v1/openapi.json': { allow: all, request: get(() => '/api/v1/openapi.json') },
  'POST /api/v1/screenings/[id]/holds': {
    allow: all, // guest checkout: anyone may hold places
    request: (f) => ({ method: 'POST', path: `/api/v1/screenings/${f.screeningId}/holds`, body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }] }) }),
  },
  'DELETE /api/v1/holds/[id]': { allow: ['audienceA'], request: (f) => ({ method: 'DELETE', path: `/api/v1/holds/${f.spareHoldA}` }) },
  'POST /api/v1/holds/[id]/checkout': {
    allow: ['audienceA'],
    request: (f) => ({ method: 'POST', path: `/api/v1/holds/${f.apiHoldA}/checkout`, body: JSON.stringify({ name: 'X', email: 'x@example.org' }) }),
  },
  'GET /api/v1/orders/[id]': { allow: orderReaders, request: get((f) => `/api/v1/orders/${f.orderA}`) },
  'GET /api/v1/[...path]': { allow: [], request: get(() => '/api/v1/nothing') },
  'POST /api/v1/[...path]': { allow: [], request: () => ({ method: 'POST', path: '/api/v1/nothing', body: '{}' }) },
  'PUT /api/v1/[...path]': { allow: [], request: () => ({ method: 'PUT', path: '/api/v1/nothing', body: '{}' }) },
  'PATCH /api/v1/[...path]': { allow: [], request: () => ({ method: 'PATCH', path: '/api/v1/nothing', body: '{}' }) },
  'DELETE /api/v1/[...path]': { allow: [], request: () => ({ method: 'DELETE', path: '/api/v1/nothing' }) },
  'POST /api/stripe/webhook': { allow: [], request: () => ({ method: 'POST', path: '/api/stripe/webhook', body: '{}' }) },
  'GET /api/auth/[...nextauth]': { allow: all, request: get(() => '/api/auth/session') },
  // Auth.js's own CSRF token is missing: it refuses with a redirect to its error page.
  'POST /api/auth/[...nextauth]': {
    allow: [],
    request: () => ({ method: 'POST', path: '/api/auth/signin/password', body: 'email=a@b.c&password=x' }),
    classify: (res) => (res.status >= 400 || /error=/.test(res.headers.get('location') ?? '') ? 'denied' : 'allowed'),
  },
  // A paid order, so that its buyer and staff really get the files and a refusal is the access check's doing.
  'GET /orders/[id]/tickets.pdf': { allow: orderReaders, request: get((f) => `/orders/${f.paidOrderA}/tickets.pdf`) },
  'GET /orders/[id]/calendar.ics': { allow: orderReaders, request: get((f) => `/orders/${f.paidOrderA}/calendar.ics`) },
  'GET /tickets/[code]/ticket.pdf': { allow: all, request: get((f) => `/tickets/${f.ticketCode}/ticket.pdf`) },
};

/** Server actions, driven as a browser without JavaScript drives them: a form post with the action's hidden fields. */
interface ActionRule {
  allow: readonly Principal[];
  /** The page that renders the form, and a principal who can see it. */
  page: (f: Fixture) => string;
  source: Principal;
  fields: Record<string, string>;
}

const ACTION_RULES: Record<string, ActionRule> = {
  'ACTION updateProfileAction': { allow: signedIn, page: () => '/account', source: 'audienceA', fields: { name: 'Renamed' } },
  'ACTION inviteUserAction': { allow: withPermission('users.manage'), page: () => '/admin/users', source: 'admin', fields: { email: 'invitee@example.org', role: 'staff', organisationId: '' } },
  'ACTION changeRoleAction': { allow: withPermission('users.manage'), page: () => '/admin/users', source: 'admin', fields: { role: 'audience', organisationId: '' } },
  // Scoped to the organisation the form is bound to (org 1): its own admin, and whoever invites into any.
  'ACTION inviteColleagueAction': { allow: ['partnerOrg1', ...withPermission('organisations.invite_any')], page: () => '/partner', source: 'partnerOrg1', fields: { email: 'colleague@example.org' } },
  'ACTION signOutAction': { allow: signedIn, page: () => '/account', source: 'audienceB', fields: {} },
  'ACTION requestSignInLinkAction': { allow: all, page: () => '/signin', source: 'anonymous', fields: { email: 'someone@example.org' } },
  'ACTION passwordSignInAction': { allow: all, page: () => '/signin', source: 'anonymous', fields: { email: 'nobody@example.org', password: 'wrong' } },
  'ACTION acceptInvitationAction': { allow: all, page: (f) => `/invite/${f.invitationToken}`, source: 'anonymous', fields: { name: '' } },
  'ACTION holdSeatsAction': { allow: all, page: (f) => `/screenings/${f.screeningId}/book`, source: 'anonymous', fields: { qty_adult: '1', mode: 'best' } },
  'ACTION checkoutAction': { allow: ['audienceA'], page: (f) => `/checkout/${f.holdA}`, source: 'audienceA', fields: { name: 'A', email: 'a@example.org' } },
  'ACTION releaseHoldAction': { allow: ['audienceA'], page: (f) => `/checkout/${f.holdA}`, source: 'audienceA', fields: {} },
};

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
  const secret = getEnv().APP_SECRET;
  const [org1, org2] = await rows<{ id: string }>(db, sql`SELECT id FROM organisations ORDER BY slug LIMIT 2`);
  const ids = {} as Record<Principal, string>;
  const users = {} as Fixture['users'];
  const orgOf: Partial<Record<SignedIn, string>> = { partnerOrg1: org1!.id, partnerOrg2: org2!.id };
  const roles = Object.fromEntries(SIGNED_IN.map((who) => [who, [ROLE_OF[who], orgOf[who] ?? null]])) as Record<SignedIn, [UserRole, string | null]>;
  const cookies = { anonymous: '' } as Record<Principal, string>;
  for (const [who, [role, org]] of Object.entries(roles) as [SignedIn, [UserRole, string | null]][]) {
    const id = crypto.randomUUID();
    const email = `${uniq(who.toLowerCase())}@example.org`;
    await db.execute(sql`INSERT INTO users (id, email, name, role, organisation_id, org_role)
      VALUES (${id}, ${email}, ${who}, ${role}::user_role, ${org}, ${org ? 'admin' : null}::org_role)`);
    ids[who] = id;
    users[who] = { id, email };
    cookies[who] = (await sessionCookie(db, { id, email }, secret)).cookie;
  }
  // The site shows the demo festival: the matrix's screening must belong to it.
  const [demo] = await rows<{ id: string }>(db, sql`SELECT id FROM festivals WHERE slug = ${getEnv().FESTIVAL_SLUG}`);
  const festival = await getFestivalSummary(db, demo!.id);
  const venue = await createGaVenue(db, festival.id, 100);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
  const held = await holdSeats(db, screeningId, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'matrix', { holdMinutes: 30, maxPerOrder: 8 });
  if (!held.ok) throw new Error('hold failed');
  const ordered = await holdSeats(db, screeningId, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'matrix', { holdMinutes: 30, maxPerOrder: 8 });
  if (!ordered.ok) throw new Error('hold failed');
  const order = await beginCheckout(db, ordered.holdId, ordered.holdToken, { name: 'A', email: 'a-order@example.org', userId: ids.audienceA }, { holdMinutes: 30 });
  if (!order.ok) throw new Error('order failed');
  const toPay = await holdSeats(db, screeningId, { items: [{ ticketType: 'adult', quantity: 2 }] }, 'matrix', { holdMinutes: 30, maxPerOrder: 8 });
  if (!toPay.ok) throw new Error('hold failed');
  const paidOrder = await beginCheckout(db, toPay.holdId, toPay.holdToken, { name: 'A', email: 'a-paid@example.org', userId: ids.audienceA }, { holdMinutes: 30 });
  if (!paidOrder.ok) throw new Error('order failed');
  const settings = { appSecret: secret, baseUrl: getEnv().PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const fulfilled = await db.transaction((tx) => fulfilOrder(tx, paidOrder.orderId, null, settings));
  if (!fulfilled.ok || fulfilled.outcome !== 'issued') throw new Error('fulfilment failed');
  const [ticket] = await rows<{ code: string }>(db, sql`SELECT code FROM tickets WHERE order_id = ${paidOrder.orderId} LIMIT 1`);
  const spare = await holdSeats(db, screeningId, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'matrix', { holdMinutes: 30, maxPerOrder: 8 });
  const viaApi = await holdSeats(db, screeningId, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'matrix', { holdMinutes: 30, maxPerOrder: 8 });
  if (!spare.ok || !viaApi.ok) throw new Error('hold failed');
  // Audience A's browser holds the cookies of its own holds: for the site's checkout, the API's checkout, the API's release.
  for (const h of [held, spare, viaApi]) cookies.audienceA += `; marquee_hold_${h.holdId}=${h.holdToken}`;
  const invitation = await createInvitation(db, { email: 'invited@example.org', role: 'partner', organisationId: org1!.id, orgRole: 'member', invitedBy: ids.admin });
  if (!invitation.ok) throw new Error('invitation refused');
  fixture = { cookies, users, screeningId, orderA: order.orderId, paidOrderA: paidOrder.orderId, ticketCode: ticket!.code, holdA: held.holdId, spareHoldA: spare.holdId, apiHoldA: viaApi.holdId, invitationToken: invitation.token, org1: org1!.id };
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
    const mine = await holdSeats(getDb(), fixture.screeningId, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'idor', { holdMinutes: 30, maxPerOrder: 8 });
    if (!mine.ok) throw new Error('hold failed');
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
