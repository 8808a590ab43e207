import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { firstRow } from '@/db/sql';
import { moveFund } from '@/domain/access-fund/ledger';
import { approveDonationRequest, submitDonationRequest, type Actor } from '@/domain/donation-requests/requests';
import { getEnv } from '@/platform/env';
import { all, get, withPermission, type FeatureRules, type Fixture, type SetupContext } from '../authorization-kit';

/** The Ticket Donation Requests feature's pages, route handlers and server actions (issue 8). */

const partners = withPermission('partner.portal');
const reviewers = withPermission('access.review');

async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const env = getEnv();
  const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const org1: Actor = { id: ctx.users.partnerOrg1.id, role: 'partner', organisationId: ctx.org1 };
  const org2: Actor = { id: ctx.users.partnerOrg2.id, role: 'partner', organisationId: ctx.org2 };
  const staff: Actor = { id: ctx.users.staff.id, role: 'staff', organisationId: null };
  // The demo festival's fund starts empty: a paid gift pays for the tickets approved here and by the matrix's staff.
  const donation = await firstRow<{ id: string }>(db, sql`
    INSERT INTO donations (festival_id, amount_cents, currency, donor_name, donor_email, status, paid_at)
    VALUES (${ctx.festivalId}, 100000, 'CAD', 'Matrix Donor', 'matrix-donor@example.org', 'paid', now()) RETURNING id`);
  await db.transaction((tx) => moveFund(tx, { festivalId: ctx.festivalId, kind: 'donation', amountCents: 100000, donationId: donation!.id }));
  const ask = (who: Actor, quantity: number) =>
    submitDonationRequest(db, who, ctx.festivalId, {
      screeningIds: [ctx.screeningId],
      quantity,
      audience: 'Matrix guests',
      accessibilityNeeds: '',
      contactName: 'Matrix Contact',
      contactEmail: 'matrix-contact@example.org',
      contactPhone: null,
    }).then((r) => {
      if (!r.ok) throw new Error(`requests setup: ${r.message}`);
      return r.requestId;
    });
  // Org 1: one request with a ticket issued (its give-back form on /partner/tickets), then one still submitted (its withdraw form, newest first).
  const issuedFor = await ask(org1, 2);
  const approved = await approveDonationRequest(db, staff, { requestId: issuedFor, grants: [{ screeningId: ctx.screeningId, quantity: 1, source: 'general' }] }, settings);
  if (!approved.ok) throw new Error(`requests setup: ${approved.message}`);
  await ask(org1, 1);
  // Org 2: requests for the staff queue's forms, the fair allocation's candidates and the API's decisions (one per allowed principal).
  for (let i = 0; i < 3; i++) await ask(org2, 1);
  return { decisionByStaff: await ask(org2, 1), decisionByAdmin: await ask(org2, 1) };
}

const ask = JSON.stringify({
  screeningIds: [],
  fromDate: '2000-01-01',
  toDate: '2000-01-02',
  quantity: 1,
  audience: 'Matrix',
  contactName: 'Matrix',
  contactEmail: 'matrix@example.org',
});

export const requests: FeatureRules = {
  setup,
  rules: {
    'PAGE /access/donation-requests': { allow: all, request: get(() => '/access/donation-requests?film=here') },
    'PAGE /partner/requests': { allow: partners, request: get(() => '/partner/requests') },
    'PAGE /partner/requests/new': { allow: partners, request: get(() => '/partner/requests/new') },
    'PAGE /box-office/requests': { allow: reviewers, request: get(() => '/box-office/requests') },
    'PAGE /box-office/requests/lottery': { allow: reviewers, request: get(() => '/box-office/requests/lottery') },
    'GET /api/v1/partner/donation-requests': { allow: partners, request: get(() => '/api/v1/partner/donation-requests') },
    // A well-formed request for days outside the festival: a partner is heard (422), everyone else refused before that.
    'POST /api/v1/partner/donation-requests': {
      allow: partners,
      request: () => ({ method: 'POST', path: '/api/v1/partner/donation-requests', body: ask }),
      classify: (res) => (res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400) ? 'denied' : 'allowed'),
    },
    'POST /api/v1/donation-requests/[id]/decisions': {
      allow: reviewers,
      request: (f: Fixture, who) => ({
        method: 'POST',
        path: `/api/v1/donation-requests/${who === 'admin' ? f.extra.decisionByAdmin : f.extra.decisionByStaff}/decisions`,
        body: JSON.stringify({ decision: 'decline', reason: 'Matrix: declined to test who may decide.' }),
      }),
    },
  },
  actionRules: {
    // Scoped to the partner's own organisation: org 2 replaying org 1's form finds nothing (404).
    'ACTION withdrawDonationRequestAction': { allow: ['partnerOrg1'], page: () => '/partner/requests', source: 'partnerOrg1', fields: {} },
    // Org 1's donated ticket, given back from its tickets page: org 2 replaying the form finds nothing (404).
    'ACTION giveBackDonatedTicketAction': { allow: ['partnerOrg1'], page: () => '/partner/tickets', source: 'partnerOrg1', fields: {} },
    'ACTION submitDonationRequestAction': {
      allow: partners,
      page: () => '/partner/requests/new',
      source: 'partnerOrg1',
      fields: { quantity: '1', audience: 'Matrix', contactName: 'Matrix', contactEmail: 'matrix@example.org' },
    },
    'ACTION approveDonationRequestAction': { allow: reviewers, page: () => '/box-office/requests', source: 'staff', fields: { quantity: '1', source: 'general' } },
    'ACTION declineDonationRequestAction': { allow: reviewers, page: () => '/box-office/requests', source: 'staff', fields: { reason: 'Matrix decline' } },
    'ACTION runFairAllocationAction': { allow: reviewers, page: () => '/box-office/requests/lottery', source: 'staff', fields: {} },
  },
};
