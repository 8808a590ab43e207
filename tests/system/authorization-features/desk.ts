import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { firstRow } from '@/db/sql';
import { issueTickets } from '@/domain/orders/issue-tickets';
import { refundOrder } from '@/domain/refunds/refund-order';
import { getEnv } from '@/platform/env';
import { createGaScreening, getFestivalSummary } from '../../support/factories';
import { get, withPermission, type FeatureRules, type Outcome, type SetupContext } from '../authorization-kit';

const sellers = withPermission('door.sell');
const readers = withPermission('orders.read_any');
const refunders = withPermission('refunds.issue');

/** Reached the refund command (whatever it answered): only the session and permission checks refuse. */
const pastTheGuard = (res: Response): Outcome => (res.status === 401 || res.status === 403 ? 'denied' : 'allowed');

/** A cash order whose refund (a cancellation's, made by the system) waits for the desk to pay it out. */
async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const env = getEnv();
  const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const screeningId = await createGaScreening(db, 20, { festival: await getFestivalSummary(db, ctx.festivalId) });
  const type = await firstRow<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${screeningId} AND code = 'adult'`);
  const sold = await db.transaction((tx) =>
    issueTickets(
      tx,
      {
        screeningId,
        pool: 'standard',
        lines: [{ ticketTypeId: type!.id, quantity: 1 }],
        buyer: { name: 'Matrix Cash', email: 'matrix-cash@example.org' },
        source: 'door',
        payment: { method: 'cash', amountCents: 1500 },
        sendEmail: false,
      },
      settings,
    ),
  );
  if (!sold.ok) throw new Error(`desk setup: ${sold.message}`);
  const refund = await refundOrder(db, null, { orderId: sold.orderId, reason: 'Screening cancelled', source: 'automatic', requestKey: `matrix-cash-${sold.orderId}` }, settings);
  if (!refund.ok || refund.status !== 'pending') throw new Error('desk setup: the cash refund should wait for the desk');
  return { cashRefundOrder: sold.orderId };
}

/** The desk (issue 9): walk-up sales, order lookup, an order's page, refunds; pages, API and server actions. */
export const desk: FeatureRules = {
  setup,
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
    // Marks a waiting cash refund paid out: the first allowed principal does; later ones are told it is no longer waiting.
    'ACTION confirmDeskRefundAction': { allow: refunders, page: (f) => `/box-office/orders/${f.extra.cashRefundOrder}`, source: 'staff', fields: {} },
    'ACTION emailTicketsAction': { allow: sellers, page: (f) => `/box-office/orders/${f.paidOrderA}`, source: 'staff', fields: { email: 'not-an-address' } },
  },
};
