import { all, get, withPermission, type FeatureRules } from '../authorization-kit';

const managers = withPermission('allocations.manage');

/** The allocations feature's pages, route handlers and server actions (issue 8). */
export const allocations: FeatureRules = {
  rules: {
    'PAGE /box-office/allocations': { allow: managers, request: get(() => '/box-office/allocations') },
    'PAGE /box-office/allocations/[screeningId]': { allow: managers, request: get((f) => `/box-office/allocations/${f.screeningId}`) },
    // Public figures, as the screening page shows them.
    'GET /api/v1/screenings/[id]/access': { allow: all, request: get((f) => `/api/v1/screenings/${f.screeningId}/access`) },
  },
  actionRules: {
    // The form's own defaults for Indigenous Access, written back: an allowed run changes nothing that matters.
    'ACTION updateDefaultsAction': {
      allow: managers,
      page: () => '/box-office/allocations',
      source: 'staff',
      fields: { share: '0', releaseHoursBefore: '24', perScreeningLimit: '2', perFestivalLimit: '8', offerMinutes: '120' },
    },
    // No screening chosen: an allowed run is refused by the form's own check, after the guard.
    'ACTION bulkAllocationAction': { allow: managers, page: () => '/box-office/allocations', source: 'staff', fields: { scheme: 'donated', mode: 'places', value: '0', reason: 'Matrix check' } },
    'ACTION changeAllocationAction': {
      allow: managers,
      page: (f) => `/box-office/allocations/${f.screeningId}`,
      source: 'staff',
      fields: { change: 'set', places: '0', reason: 'Matrix check' },
    },
  },
};
