import { FEATURES } from './authorization-features';
import { all, get, signedIn, withPermission, type ActionRule, type Rule } from './authorization-kit';

/**
 * The authorization matrix's rules (tests/system/authorization.test.ts runs
 * them): the principals, each principal's role, and who may reach every page,
 * route handler and server action.
 */

export * from './authorization-kit';

/** An order's buyer, and whoever reads any order. */
const orderReaders = ['audienceA', ...withPermission('orders.read_any')] as const;

/** One rule per route; the test below fails when a route has none. The feature files' rules are added at the end. */
const CORE_RULES: Record<string, Rule> = {
  'PAGE /': { allow: all, request: get(() => '/') },
  'PAGE /access': { allow: all, request: get(() => '/access') },
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
  'PAGE /box-office': { allow: withPermission('access.reports'), request: get(() => '/box-office') },
  // The dev outbox is off in a production build unless asked for: nobody reads it here.
  // The system stage runs local mode on loopback, where the outbox is this machine's; production's 404 is in server.test.ts.
  'PAGE /dev/outbox': { allow: all, request: get(() => '/dev/outbox') },
  'PAGE /dev/outbox/[id]': { allow: [], request: get(() => '/dev/outbox/00000000-0000-4000-8000-000000000000') },

  'GET /api/v1/films': { allow: all, request: get(() => '/api/v1/films') },
  'GET /api/v1/films/[slug]': { allow: all, request: get(() => '/api/v1/films/here') },
  'GET /api/v1/screenings': { allow: all, request: get(() => '/api/v1/screenings') },
  'GET /api/v1/screenings/[id]': { allow: all, request: get((f) => `/api/v1/screenings/${f.screeningId}`) },
  'GET /api/v1/openapi.json': { allow: all, request: get(() => '/api/v1/openapi.json') },
  'GET /api/health': { allow: all, request: get(() => '/api/health') },
  'GET /api/v1/availability': { allow: all, request: get((f) => `/api/v1/availability?screenings=${f.screeningId}`) },
  // Everyone may ask who they are; a stranger is told nobody (tests/system/page-cache.test.ts).
  'GET /api/v1/me': { allow: all, request: get(() => '/api/v1/me') },
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

const CORE_ACTION_RULES: Record<string, ActionRule> = {
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

export const RULES: Record<string, Rule> = Object.assign({}, CORE_RULES, ...FEATURES.map((f) => f.rules));
export const ACTION_RULES: Record<string, ActionRule> = Object.assign({}, CORE_ACTION_RULES, ...FEATURES.map((f) => f.actionRules));
