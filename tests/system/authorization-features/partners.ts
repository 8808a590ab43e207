import { getDb } from '@/db/client';
import { issueAccessCodes } from '@/domain/partners/access-codes';
import { claimAllotmentPlaces, grantAllotment, requestAllotment } from '@/domain/partners/allotments';
import { applyAsPartner, type Actor } from '@/domain/partners/organisations';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createTestScreening, getFestivalSummary } from '../../support/factories';
import { all, get, withPermission, type FeatureRules, type Outcome, type Principal } from '../authorization-kit';

/**
 * The partners feature's pages, route handlers and server actions (issue 8): Community Access through partner
 * organisations. The partner forms are bound to org 1's allotment, order, ticket or code (hidden fields): org 2's
 * partner replaying them gets a 404, like anyone naming something that is not theirs.
 */

/** For API operations whose refusals and outcomes share status codes: refused means 401 or 403 (or sent to sign in). */
const reachedCommand = (res: Response): Outcome => (res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400) ? 'denied' : 'allowed');

const partnerPrincipals = withPermission('partner.portal');
const org1Only: Principal[] = ['partnerOrg1'];

export const partners: FeatureRules = {
  setup: async (ctx) => {
    const db = getDb();
    const festival = await getFestivalSummary(db, ctx.festivalId);
    const venue = await createGaVenue(db, festival.id, 80);
    const film = await createFilm(db, festival.id);
    // Two screenings well before their cut-off, with Community Access places to grant.
    const startsAt = new Date(Date.now() + 10 * 86_400_000);
    const screening = (offsetHours: number) =>
      createTestScreening(db, festival, {
        venueId: venue.id,
        filmIds: [film.id],
        startsAt: new Date(startsAt.getTime() + offsetHours * 3_600_000),
        allocations: { community_access: 30 },
      });
    const screeningA = await screening(0);
    const screeningB = await screening(3);
    const actor = (who: 'staff' | 'partnerOrg1' | 'partnerOrg2'): Actor => ({
      id: ctx.users[who].id,
      email: ctx.users[who].email,
      name: who,
      role: who === 'staff' ? 'staff' : 'partner',
      organisationId: who === 'partnerOrg1' ? ctx.org1 : who === 'partnerOrg2' ? ctx.org2 : null,
      orgRole: who === 'staff' ? null : 'admin',
    });
    const settings = { appSecret: getEnv().APP_SECRET, baseUrl: getEnv().PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;

    const granted = await grantAllotment(db, actor('staff'), { screeningId: screeningA, organisationId: ctx.org1, quantity: 14 }, settings);
    if (!granted.ok) throw new Error(`matrix setup: grant refused (${granted.reason})`);
    const claim = await claimAllotmentPlaces(db, actor('partnerOrg1'), granted.allotmentId, { quantity: 3, holderNames: ['First', 'Second', 'Third'] }, settings);
    if (!claim.ok) throw new Error(`matrix setup: claim refused (${claim.reason})`);
    const codes = await issueAccessCodes(db, actor('partnerOrg1'), granted.allotmentId, 2, 'matrix');
    if (!codes.ok) throw new Error(`matrix setup: codes refused (${codes.reason})`);
    // Two requests waiting for the box office: one is granted by the matrix, the other declined.
    const r1 = await requestAllotment(db, actor('partnerOrg2'), { screeningId: screeningA, quantity: 2, note: 'matrix' });
    const r2 = await requestAllotment(db, actor('partnerOrg1'), { screeningId: screeningB, quantity: 2, note: 'matrix' });
    if (!r1.ok || !r2.ok) throw new Error('matrix setup: requests refused');
    await applyAsPartner(db, { name: 'Matrix Applicant', serves: 'People the matrix serves', website: null, contactName: 'M', contactEmail: 'matrix-applicant@example.org' });
    return { partnerScreeningA: screeningA, partnerScreeningB: screeningB, org1Allotment: granted.allotmentId, org1Order: claim.orderId };
  },

  rules: {
    'PAGE /partners/apply': { allow: all, request: get(() => '/partners/apply') },
    'PAGE /access/community': { allow: all, request: get(() => '/access/community') },
    'PAGE /screenings/[id]/redeem': { allow: all, request: get((f) => `/screenings/${f.extra.partnerScreeningA}/redeem`) },
    'PAGE /box-office/partners': { allow: withPermission('partners.verify'), request: get(() => '/box-office/partners') },
    'PAGE /box-office/partners/report': { allow: withPermission('access.reports'), request: get(() => '/box-office/partners/report') },
    'GET /box-office/partners/report.csv': { allow: withPermission('access.reports'), request: get(() => '/box-office/partners/report.csv') },
    'PAGE /box-office/allotments': { allow: withPermission('access.review'), request: get(() => '/box-office/allotments') },
    'PAGE /partner/allotments': { allow: partnerPrincipals, request: get(() => '/partner/allotments') },
    'PAGE /partner/tickets': { allow: partnerPrincipals, request: get(() => '/partner/tickets') },
    'GET /partner/tickets/report.csv': { allow: partnerPrincipals, request: get(() => '/partner/tickets/report.csv') },
    'GET /api/v1/partner/allotments': { allow: partnerPrincipals, request: get(() => '/api/v1/partner/allotments') },
    // Anyone may try a code (a wrong one is a 404 of the command's, a burst a 429): only 401/403 would be a refusal.
    'POST /api/v1/access-codes/redemptions': {
      allow: all,
      classify: reachedCommand,
      request: (f, who) => ({
        method: 'POST',
        path: '/api/v1/access-codes/redemptions',
        body: JSON.stringify({ code: 'ZZZZZ-ZZZZZ', screeningId: f.extra.partnerScreeningA, name: who, email: `${who}@example.org` }),
      }),
    },
    // Org 1's own allotment: org 2's partner gets a 404 like a missing one; staff are not partners (403).
    'POST /api/v1/partner/allotments/[id]/claims': {
      allow: org1Only,
      request: (f) => ({ method: 'POST', path: `/api/v1/partner/allotments/${f.extra.org1Allotment}/claims`, body: JSON.stringify({ quantity: 1, holderNames: ['API Guest'] }) }),
    },
    'POST /api/v1/allotments': {
      allow: withPermission('access.review'),
      classify: reachedCommand,
      request: (f) => ({ method: 'POST', path: '/api/v1/allotments', body: JSON.stringify({ screeningId: f.extra.partnerScreeningB, organisationId: f.org2, quantity: 1 }) }),
    },
  },

  actionRules: {
    'ACTION applyAsPartnerAction': {
      allow: all,
      page: () => '/partners/apply',
      source: 'anonymous',
      fields: { name: 'Replay Org', serves: 'People the replay serves', website: '', contactName: 'R', contactEmail: 'replay@example.org' },
    },
    'ACTION redeemAccessCodeAction': {
      allow: all,
      page: (f) => `/screenings/${f.extra.partnerScreeningA}/redeem`,
      source: 'anonymous',
      fields: { code: 'ZZZZZ-ZZZZZ', name: 'Someone', email: 'someone@example.org' },
    },
    'ACTION verifyPartnerAction': { allow: withPermission('partners.verify'), page: () => '/box-office/partners', source: 'staff', fields: { note: '' } },
    'ACTION declinePartnerAction': { allow: withPermission('partners.verify'), page: () => '/box-office/partners', source: 'staff', fields: { note: 'Replayed' } },
    'ACTION grantAllotmentAction': { allow: withPermission('access.review'), page: () => '/box-office/allotments', source: 'staff', fields: { quantity: '1' } },
    'ACTION declineAllotmentAction': { allow: withPermission('access.review'), page: () => '/box-office/allotments', source: 'staff', fields: { note: '' } },
    'ACTION assignAllotmentAction': { allow: withPermission('access.review'), page: () => '/box-office/allotments', source: 'staff', fields: { quantity: '1' } },
    // Not bound to anything of org 1's: any partner may ask for places for its own organisation.
    'ACTION requestAllotmentAction': { allow: partnerPrincipals, page: () => '/partner/allotments', source: 'partnerOrg1', fields: { quantity: '1' } },
    'ACTION claimPlacesAction': { allow: org1Only, page: () => '/partner/allotments', source: 'partnerOrg1', fields: { quantity: '1', names: 'Replay Guest' } },
    'ACTION returnPlacesAction': { allow: org1Only, page: () => '/partner/allotments', source: 'partnerOrg1', fields: { quantity: '1' } },
    'ACTION issueCodesAction': { allow: org1Only, page: () => '/partner/allotments', source: 'partnerOrg1', fields: { quantity: '1', label: '' } },
    'ACTION voidCodeAction': { allow: org1Only, page: () => '/partner/allotments', source: 'partnerOrg1', fields: {} },
    'ACTION renameHolderAction': { allow: org1Only, page: () => '/partner/tickets', source: 'partnerOrg1', fields: { holderName: 'Renamed Guest' } },
    'ACTION forwardTicketsAction': { allow: org1Only, page: () => '/partner/tickets', source: 'partnerOrg1', fields: { email: 'forward@example.org' } },
    'ACTION giveBackTicketAction': { allow: org1Only, page: () => '/partner/tickets', source: 'partnerOrg1', fields: {} },
  },
};
