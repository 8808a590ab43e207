import { get, withPermission, type FeatureRules, type Outcome } from '../authorization-kit';

const sellers = withPermission('door.sell');
const readers = withPermission('orders.read_any');
const refunders = withPermission('refunds.issue');

/** Reached the refund command (whatever it answered): only the session and permission checks refuse. */
const pastTheGuard = (res: Response): Outcome => (res.status === 401 || res.status === 403 ? 'denied' : 'allowed');

/** The desk (issue 9): walk-up sales, order lookup, an order's page, refunds; pages, API and server actions. */
export const desk: FeatureRules = {
  rules: {
    'PAGE /box-office/sell': { allow: sellers, request: get((f) => `/box-office/sell?screening=${f.screeningId}`) },
    // The payment page of a sale on the buyer's phone: any order the desk may read (here a pending online one, without a link).
    'PAGE /box-office/sell/pay/[orderId]': { allow: sellers, request: get((f) => `/box-office/sell/pay/${f.orderA}`) },
    'PAGE /box-office/orders': { allow: readers, request: get(() => '/box-office/orders?q=a-paid@example.org') },
    'PAGE /box-office/orders/[id]': { allow: readers, request: get((f) => `/box-office/orders/${f.paidOrderA}`) },
    'GET /api/v1/box-office/orders': { allow: readers, request: get(() => '/api/v1/box-office/orders?q=a-paid@example.org') },
    'GET /api/v1/box-office/orders/[id]': { allow: readers, request: get((f) => `/api/v1/box-office/orders/${f.paidOrderA}`) },
    // A ticket that is not the order's: an allowed run is refused by the command, after the guard, and refunds nothing.
    'POST /api/v1/box-office/orders/[id]/refunds': {
      allow: refunders,
      classify: pastTheGuard,
      request: (f) => ({
        method: 'POST',
        path: `/api/v1/box-office/orders/${f.paidOrderA}/refunds`,
        body: JSON.stringify({ reason: 'Matrix check', ticketIds: ['00000000-0000-4000-8000-000000000000'], requestKey: 'matrix-check-refund' }),
      }),
    },
  },
  actionRules: {
    // No tickets chosen: an allowed run is refused by the form's own check, after the guard, and sells nothing.
    'ACTION sellAction': { allow: sellers, page: (f) => `/box-office/sell?screening=${f.screeningId}`, source: 'staff', fields: { method: 'cash', qty_adult: '0' } },
    // No reason: refused after the guard, refunds nothing.
    'ACTION refundAction': { allow: refunders, page: (f) => `/box-office/orders/${f.paidOrderA}`, source: 'staff', fields: { reason: '' } },
    // Not an address: refused after the guard, sends nothing.
    'ACTION emailTicketsAction': { allow: sellers, page: (f) => `/box-office/orders/${f.paidOrderA}`, source: 'staff', fields: { email: 'not-an-address' } },
  },
};
