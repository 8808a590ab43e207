import { all, get, withPermission, type FeatureRules } from '../authorization-kit';

/** The donations feature's pages, route handlers and server actions (issue 8). */
export const donations: FeatureRules = {
  rules: {
    // Public by design: totals only, no identities.
    'PAGE /access/fund': { allow: all, request: get(() => '/access/fund') },
    'GET /api/v1/access-fund': { allow: all, request: get(() => '/api/v1/access-fund') },
    // Anyone may give, signed in or not; the thank-you page shows an amount and a status, never who gave.
    'PAGE /donate': { allow: all, request: get(() => '/donate') },
    'PAGE /donate/thanks': { allow: all, request: get(() => '/donate/thanks') },
    'PAGE /box-office/fund': { allow: withPermission('access.reports'), request: get(() => '/box-office/fund') },
    'GET /box-office/fund/ledger.csv': { allow: withPermission('access.reports'), request: get(() => '/box-office/fund/ledger.csv') },
  },
  actionRules: {
    'ACTION donateAction': { allow: all, page: () => '/donate', source: 'anonymous', fields: { giftTickets: '1', giftDollars: '', name: 'Matrix Donor', email: 'matrix-donor@example.org' } },
  },
};
