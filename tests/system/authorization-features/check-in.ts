import { getDb } from '@/db/client';
import { createApiToken } from '@/domain/accounts/api-tokens';
import { get, withPermission, type FeatureRules, type Outcome } from '../authorization-kit';

/**
 * Check-in at the door (issue 9): the door pages, the door API and the device tokens. Scans name a code no ticket has,
 * so an allowed request reaches the command (404 unknown_ticket, or a sync answering "unknown") and changes nothing.
 */

const door = withPermission('door.check_in');
/** 404 is the command's answer about the code, not a refusal of the caller: refused means 401/403 or sent to sign in. */
const reachedCommand = (res: Response): Outcome => (res.status === 401 || res.status === 403 || (res.status >= 300 && res.status < 400) ? 'denied' : 'allowed');
const NO_TICKET = 'ZZZZ-ZZZZ-ZZZZ';

export const checkIn: FeatureRules = {
  setup: async (ctx) => {
    // A live token of the staff member, so the devices page renders its revoke form.
    const token = await createApiToken(getDb(), { id: ctx.users.staff.id, email: ctx.users.staff.email, name: 'staff', role: 'staff', organisationId: null, orgRole: null }, { label: 'Matrix door phone' });
    if (!token.ok) throw new Error(`check-in setup: ${token.message}`);
    return { doorToken: token.id };
  },
  rules: {
    'PAGE /box-office/check-in': { allow: door, request: get((f) => `/box-office/check-in?screening=${f.screeningId}`) },
    'PAGE /box-office/check-in/devices': { allow: door, request: get(() => '/box-office/check-in/devices') },
    'GET /api/v1/door/screenings': { allow: door, request: get(() => '/api/v1/door/screenings') },
    'GET /api/v1/screenings/[id]/door-list': { allow: door, request: get((f) => `/api/v1/screenings/${f.screeningId}/door-list`) },
    'GET /api/v1/screenings/[id]/check-ins/summary': { allow: door, request: get((f) => `/api/v1/screenings/${f.screeningId}/check-ins/summary`) },
    'GET /api/v1/screenings/[id]/door-tickets': { allow: door, request: get((f) => `/api/v1/screenings/${f.screeningId}/door-tickets?q=Matrix`) },
    'POST /api/v1/check-ins': {
      allow: door,
      classify: reachedCommand,
      request: (f, who) => ({ method: 'POST', path: '/api/v1/check-ins', body: JSON.stringify({ screeningId: f.screeningId, code: NO_TICKET, deviceLabel: `Matrix ${who}`, method: 'code' }) }),
    },
    'POST /api/v1/check-ins/sync': {
      allow: door,
      classify: reachedCommand,
      request: (f, who) => ({
        method: 'POST',
        path: '/api/v1/check-ins/sync',
        body: JSON.stringify({ deviceLabel: `Matrix ${who}`, scans: [{ clientScanId: `matrix-${who}-sync`, screeningId: f.screeningId, code: NO_TICKET, scannedAt: new Date().toISOString() }] }),
      }),
    },
  },
  actionRules: {
    'ACTION createDoorTokenAction': { allow: door, page: () => '/box-office/check-in/devices', source: 'staff', fields: { label: 'Matrix token', days: '1' } },
    // The staff member's token: an admin may revoke anyone's; after the first allowed run it is already revoked (a redirect with a message).
    'ACTION revokeDoorTokenAction': { allow: door, page: () => '/box-office/check-in/devices', source: 'staff', fields: {} },
  },
};
