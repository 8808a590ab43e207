import { getDb } from '@/db/client';
import { createReservedVenue } from '../../support/factories';
import { get, withPermission, type FeatureRules } from '../authorization-kit';

const editors = withPermission('programme.edit');

/**
 * Venues and seat maps (issue 9): staff who edit the programme only. An allowed run of each action changes nothing: the
 * venue form posts no fields (refused by the command's validation), the seat map posts the layout it was given
 * (unchanged: no write), the import asks for a preview without a file.
 */
export const venues: FeatureRules = {
  setup: async (ctx) => {
    const venue = await createReservedVenue(getDb(), ctx.festivalId, 2, 4);
    return { venueId: venue.id };
  },
  rules: {
    'PAGE /box-office/venues': { allow: editors, request: get(() => '/box-office/venues') },
    'PAGE /box-office/venues/new': { allow: editors, request: get(() => '/box-office/venues/new') },
    'PAGE /box-office/venues/[venueId]': { allow: editors, request: get((f) => `/box-office/venues/${f.extra.venueId}`) },
    'PAGE /box-office/venues/[venueId]/seat-map': { allow: editors, request: get((f) => `/box-office/venues/${f.extra.venueId}/seat-map`) },
    'PAGE /box-office/venues/[venueId]/import': { allow: editors, request: get((f) => `/box-office/venues/${f.extra.venueId}/import`) },
    'GET /box-office/venues/[venueId]/seat-map.csv': { allow: editors, request: get((f) => `/box-office/venues/${f.extra.venueId}/seat-map.csv`) },
    'GET /box-office/venues/[venueId]/seat-map.json': { allow: editors, request: get((f) => `/box-office/venues/${f.extra.venueId}/seat-map.json`) },
  },
  actionRules: {
    'ACTION createVenueAction': { allow: editors, page: () => '/box-office/venues/new', source: 'staff', fields: {} },
    'ACTION updateVenueAction': { allow: editors, page: (f) => `/box-office/venues/${f.extra.venueId}`, source: 'staff', fields: {} },
    'ACTION saveSeatLayoutAction': { allow: editors, page: (f) => `/box-office/venues/${f.extra.venueId}/seat-map`, source: 'staff', fields: {} },
    'ACTION importLayoutAction': { allow: editors, page: (f) => `/box-office/venues/${f.extra.venueId}/import`, source: 'staff', fields: {} },
  },
};
