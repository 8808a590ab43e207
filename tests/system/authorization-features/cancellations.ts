import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { firstRow } from '@/db/sql';
import { cancelScreening } from '@/domain/cancellations/cancel-screening';
import { cancellationChoiceToken } from '@/domain/cancellations/choice-token';
import { runCancellationJob } from '@/domain/cancellations/job';
import { getEnv } from '@/platform/env';
import { createGaScreening, createPaidOrder, getFestivalSummary } from '../../support/factories';
import { all, get, withPermission, type FeatureRules, type Outcome, type SetupContext } from '../authorization-kit';

/**
 * Cancelling a screening and exchanging tickets (issue 9): the staff pages ask for screenings.cancel and door.sell; the
 * holder's choice page is public and opened only by its private token (a wrong one is a 404 for everyone).
 */

const cancellers = withPermission('screenings.cancel');
const sellers = withPermission('door.sell');

async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const env = getEnv();
  const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
  const festival = await getFestivalSummary(db, ctx.festivalId);
  // A screening to cancel, with three paid orders (one for each of the holder's actions, which really run); a screening
  // left for the cancel form, which is also where both exchange forms go (same price, so the holder's form lists it);
  // and a paid order of a third screening for the desk's exchange form.
  const cancelled = await createGaScreening(db, 50, { festival });
  const cancellable = await createGaScreening(db, 50, { festival });
  const target = await createGaScreening(db, 50, { festival });
  const buyer = (n: number) => ({ name: 'Matrix Holder', email: `matrix-cancel-${n}@example.org` });
  const orders: { orderId: string }[] = [];
  for (let n = 0; n < 3; n++) orders.push(await createPaidOrder(db, cancelled, { clientKey: `matrix-cancel-${n}`, holdMinutes: 30, quantity: 1, buyer: buyer(n), settings }));
  const exchangeable = await createPaidOrder(db, target, { clientKey: 'matrix-exchange', holdMinutes: 30, quantity: 1, buyer: buyer(9), settings });
  const done = await cancelScreening(db, { id: ctx.users.staff.id, role: 'staff' }, { screeningId: cancelled, reason: 'Matrix check', refundDeadline: new Date(Date.now() + 7 * 86_400_000) }, settings);
  if (!done.ok) throw new Error(`cancellations setup: ${done.message}`);
  await runCancellationJob(db, settings, { screeningId: cancelled });
  const number = await firstRow<{ number: string }>(db, sql`SELECT number FROM orders WHERE id = ${exchangeable.orderId}`);
  const token = (i: number) => cancellationChoiceToken(cancelled, orders[i]!.orderId, env.APP_SECRET);
  return {
    cancelledScreening: cancelled,
    cancellableScreening: cancellable,
    exchangeTarget: cancellable,
    exchangeOrderNumber: number!.number,
    choiceRefund: token(0),
    choiceDonation: token(1),
    choiceExchange: token(2),
  };
}

/** Only a 404 counts as refused for the wrong token: the page must not even admit that the link shape exists. */
const notFoundOnly = (res: Response): Outcome => (res.status === 404 ? 'denied' : 'allowed');

export const cancellations: FeatureRules = {
  setup,
  rules: {
    'PAGE /box-office/cancellations': { allow: cancellers, request: get(() => '/box-office/cancellations') },
    'PAGE /box-office/cancellations/new': { allow: cancellers, request: get((f) => `/box-office/cancellations/new?screening=${f.extra.cancellableScreening}`) },
    'PAGE /box-office/cancellations/[screeningId]': { allow: cancellers, request: get((f) => `/box-office/cancellations/${f.extra.cancelledScreening}`) },
    'PAGE /box-office/exchanges/new': { allow: sellers, request: get((f) => `/box-office/exchanges/new?order=${f.extra.exchangeOrderNumber}`) },
    // A token that opens nothing: 404 for everyone, signed in or not. (The real links are opened by the actions below.)
    'PAGE /cancellations/choose/[token]': { allow: [], classify: notFoundOnly, request: get(() => `/cancellations/choose/${'A'.repeat(43)}`) },
  },
  actionRules: {
    // An unreadable deadline: an allowed run is refused by the form's own check, after the guard, and cancels nothing.
    'ACTION cancelScreeningAction': {
      allow: cancellers,
      page: (f) => `/box-office/cancellations/new?screening=${f.extra.cancellableScreening}`,
      source: 'staff',
      fields: { reason: 'Matrix check', refundDeadline: 'not-a-date' },
    },
    // No quantities posted (they are not hidden fields): refused by the form's check after the guard.
    'ACTION exchangeTicketsAction': {
      allow: sellers,
      page: (f) => `/box-office/exchanges/new?order=${f.extra.exchangeOrderNumber}&to=${f.extra.exchangeTarget}`,
      source: 'staff',
      fields: {},
    },
    // The holder's link is the credential: whoever has it may choose (the first run decides, later ones are told so).
    'ACTION chooseRefundAction': { allow: all, page: (f) => `/cancellations/choose/${f.extra.choiceRefund}`, source: 'anonymous', fields: {} },
    'ACTION chooseDonationAction': { allow: all, page: (f) => `/cancellations/choose/${f.extra.choiceDonation}`, source: 'anonymous', fields: {} },
    'ACTION chooseExchangeAction': { allow: all, page: (f) => `/cancellations/choose/${f.extra.choiceExchange}`, source: 'anonymous', fields: {} },
  },
};
