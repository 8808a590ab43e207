import { completePendingRefunds } from '@/domain/refunds/refund-order';
import { eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { getDb, type Transaction } from '@/db/client';
import { orders, paymentMismatches, type donations, type holds, type orderItems } from '@/db/schema';
import { firstRow, rows, type ColumnsOf } from '@/db/sql';
import { releaseHold, type ReleaseResult } from '@/domain/booking/holds';
import { endLiveHolds } from '@/domain/inventory/inventory';
import { beginCheckout, endUnpaidOrder, markOrderRefunded, orderUrl, type OrderSettings } from '@/domain/payments/orders';
import { applyCompletedSession } from '@/domain/payments/payments';
import { getEnv } from '@/platform/env';
import { getStripe } from '@/platform/stripe';
import { orderAccessToken } from '@/platform/tokens';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import type { GiftInput } from '@/domain/access-fund/donations';

export function getOrderSettings(): OrderSettings {
  const env = getEnv();
  return { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: env.HOLD_MINUTES, emailStatus: env.SMTP_URL ? 'pending' : 'stored' };
}

export type StartCheckoutResult =
  | { ok: true; orderId: string; orderToken: string; checkoutUrl: string }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'hold_ended' | 'hold_expired' | 'invalid_gift' | 'payment_unavailable' };

/** Stripe's minimum lifetime for a Checkout Session, plus a margin for clock skew. */
const SESSION_SECONDS = 31 * 60;

/**
 * Creates (or finds again) the order and its Stripe Checkout Session. A
 * double click, a retry after a timeout or thirty concurrent requests all get
 * the very same session: its creation is serialised on the order's row.
 */
export async function startCheckout(
  holdId: string,
  token: string | null,
  buyer: { name: string; email: string; userId?: string | null },
  gift?: GiftInput | null,
): Promise<StartCheckoutResult> {
  const settings = getOrderSettings();
  const begun = await beginCheckout(getDb(), holdId, token, buyer, settings, gift);
  if (!begun.ok) return begun;
  const orderToken = orderAccessToken(begun.orderId, settings.appSecret);
  if (begun.checkoutUrl) return { ok: true, orderId: begun.orderId, orderToken, checkoutUrl: begun.checkoutUrl };
  try {
    const session = await ensureCheckoutSession(begun.orderId);
    return { ok: true, orderId: begun.orderId, orderToken, checkoutUrl: session.url };
  } catch (error) {
    console.error('[checkout] could not create the Stripe session', error);
    return { ok: false, reason: 'payment_unavailable' };
  }
}

/**
 * The order's Checkout Session, created at most once. The order row is locked
 * while Stripe is asked, and the session is recorded in the same transaction:
 * concurrent callers wait on the lock, then find the recorded session. (Two
 * concurrent requests with one idempotency key are refused by Stripe, so the
 * key alone cannot serialise them.)
 */
async function ensureCheckoutSession(orderId: string): Promise<{ id: string; url: string }> {
  const settings = getOrderSettings();
  return getDb().transaction(async (tx) => {
    const [order] = await tx
      .select({ stripeSessionId: orders.stripeSessionId, checkoutUrl: orders.checkoutUrl, holdId: orders.holdId })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for('update');
    if (!order) throw new Error(`order ${orderId} vanished`);
    // Bound by a webhook after a failed save: its page is gone, the order page tells the buyer what happened.
    if (order.stripeSessionId) return { id: order.stripeSessionId, url: order.checkoutUrl ?? orderUrl(orderId, settings) };
    const begun = await beginCheckoutLines(tx, orderId);
    const session = await createSession(orderId, order.holdId, begun.email, begun.currency, begun.lines, begun.title);
    await tx.execute(sql`UPDATE orders SET stripe_session_id = ${session.id}, checkout_url = ${session.url} WHERE id = ${orderId}`);
    return { id: session.id, url: session.url ?? orderUrl(orderId, settings) };
  });
}

/** A Checkout line; `ownName` lines (the gift) are not about the screening, so its title is not put before them. */
type SessionLine = { name: string; quantity: number; unitPriceCents: number; ownName?: boolean };

function createSession(orderId: string, holdId: string, email: string, currency: string, lines: SessionLine[], title: string) {
  const settings = getOrderSettings();
  const back = orderUrl(orderId, settings);
  return getStripe().checkout.sessions.create(
    {
      mode: 'payment',
      customer_email: email,
      client_reference_id: orderId,
      metadata: { order_id: orderId, hold_id: holdId },
      payment_intent_data: { metadata: { order_id: orderId } },
      expires_at: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
      line_items: lines.map((l) => ({
        quantity: l.quantity,
        price_data: { currency: currency.toLowerCase(), unit_amount: l.unitPriceCents, product_data: { name: l.ownName ? l.name : `${title} — ${l.name}` } },
      })),
      success_url: `${back}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${settings.baseUrl}/checkout/${holdId}?cancelled=1`,
    },
    { idempotencyKey: `checkout:${orderId}` },
  );
}

/** Releases a hold; one in checkout has its Stripe session expired first (only a confirmed expiry gives places back). */
export async function releaseHoldAnywhere(holdId: string, token: string | null): Promise<ReleaseResult> {
  const result = await releaseHold(getDb(), holdId, token);
  if (result.ok || result.reason !== 'payment_pending') return result;
  const [order] = await getDb().select({ id: orders.id }).from(orders).where(eq(orders.holdId, holdId));
  if (!order) return result;
  const outcome = await settleCheckout(order.id);
  return outcome === 'released' ? { ok: true, released: true } : result;
}

type Settlement = 'released' | 'fulfilled' | 'waiting' | 'error';

function isNotOpenError(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError;
}

/**
 * Ends the Stripe side of an order whose hold has run out: expire the session
 * through the API; if Stripe says it already completed, fulfil from the
 * session itself; on any other failure keep the places and try again later.
 */
export async function settleCheckout(orderId: string): Promise<Settlement> {
  const db = getDb();
  const settings = getOrderSettings();
  const [order] = await db.select({ stripeSessionId: orders.stripeSessionId, status: orders.status }).from(orders).where(eq(orders.id, orderId));
  if (!order || order.status !== 'pending') return 'waiting';
  let sessionId = order.stripeSessionId;
  try {
    // The session may exist even though saving its id failed: the idempotency key finds it again.
    sessionId ??= (await ensureCheckoutSession(orderId)).id;
  } catch {
    return 'error';
  }
  try {
    await getStripe().checkout.sessions.expire(sessionId);
    await db.transaction((tx) => endUnpaidOrder(tx, orderId, 'expired'));
    return 'released';
  } catch (error) {
    if (!isNotOpenError(error)) return 'error';
  }
  try {
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    if (session.status === 'expired') {
      await db.transaction((tx) => endUnpaidOrder(tx, orderId, 'expired'));
      return 'released';
    }
    if (session.status === 'complete' && session.payment_status === 'paid') {
      // The same binding check as the webhook's: the amount and currency must be the order's.
      const outcome = await db.transaction((tx) => applyCompletedSession(tx, session, settings));
      if (outcome.kind === 'mismatch') {
        if (outcome.paymentIntent) await refundPaymentMismatch(outcome.paymentIntent);
        return 'released';
      }
      if (outcome.kind === 'fulfilled' && outcome.result.ok && outcome.result.outcome === 'refund_due') await refundOrderPayment(orderId);
      return 'fulfilled';
    }
    return 'waiting'; // completed with a delayed payment method: the async events settle it
  } catch (error) {
    // A session Stripe does not know can never be paid (an emulator restarted in development, say): end the order.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && (error.statusCode === 404 || error.code === 'resource_missing')) {
      await db.transaction((tx) => endUnpaidOrder(tx, orderId, 'expired'));
      return 'released';
    }
    return 'error';
  }
}

async function beginCheckoutLines(tx: Transaction, orderId: string) {
  const o = await firstRow<Pick<ColumnsOf<typeof orders>, 'buyer_email' | 'currency'> & { title: string }>(tx, sql`
    SELECT o.buyer_email, o.currency, ${screeningTitleSql(sql`s`)} AS title
    FROM orders o JOIN screenings s ON s.id = o.screening_id WHERE o.id = ${orderId}`);
  if (!o) throw new Error(`order ${orderId} vanished`);
  const lines = await rows<Pick<ColumnsOf<typeof orderItems>, 'name' | 'quantity' | 'unit_price_cents'>>(tx, sql`
    SELECT name, quantity, unit_price_cents FROM order_items WHERE order_id = ${orderId} ORDER BY unit_price_cents DESC`);
  const gift = await firstRow<Pick<ColumnsOf<typeof donations>, 'amount_cents' | 'tickets'>>(tx, sql`
    SELECT amount_cents, tickets FROM donations WHERE order_id = ${orderId}`);
  const sessionLines: SessionLine[] = lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPriceCents: l.unit_price_cents }));
  // Its own line item, so the buyer sees on Stripe's page what is a ticket and what is a gift; the sum is the order's total.
  if (gift) sessionLines.push({ name: giftLineName(gift.tickets), quantity: 1, unitPriceCents: gift.amount_cents, ownName: true });
  return { email: o.buyer_email, currency: o.currency, title: o.title, lines: sessionLines };
}

function giftLineName(tickets: number): string {
  if (tickets <= 0) return 'Gift to the access fund';
  return `Gift to the access fund (${tickets === 1 ? 'one donated ticket' : `${tickets} donated tickets`})`;
}

/**
 * Refunds a payment that paid for nothing (recorded in payment_mismatches),
 * idempotent per payment intent, then marks it refunded. Returns false to be
 * retried by the worker.
 */
export async function refundPaymentMismatch(paymentIntentId: string): Promise<boolean> {
  const db = getDb();
  const [row] = await db
    .select({ status: paymentMismatches.status, orderId: paymentMismatches.orderId, reason: paymentMismatches.reason })
    .from(paymentMismatches)
    .where(eq(paymentMismatches.stripePaymentIntentId, paymentIntentId));
  if (!row) return false;
  if (row.status === 'refunded') return true;
  try {
    await getStripe().refunds.create(
      { payment_intent: paymentIntentId, metadata: { cause: `payment_mismatch:${row.reason}`, order_id: row.orderId ?? '' } },
      { idempotencyKey: `mismatch-refund:${paymentIntentId}` },
    );
  } catch (error) {
    // Already refunded (a retry after the API call succeeded) is success too.
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError && /refunded/i.test(error.message))) {
      console.error(`[refund] refund of mismatched payment ${paymentIntentId} failed; will retry: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
  await db.execute(sql`UPDATE payment_mismatches SET status = 'refunded', refunded_at = coalesce(refunded_at, now())
    WHERE stripe_payment_intent_id = ${paymentIntentId}`);
  return true;
}

/**
 * Refunds a refund_due order through Stripe (idempotent per order), then
 * closes it and tells the buyer. Returns false to be retried later.
 */
export async function refundOrderPayment(orderId: string): Promise<boolean> {
  const db = getDb();
  const [order] = await db.select({ status: orders.status, paymentIntentId: orders.stripePaymentIntentId }).from(orders).where(eq(orders.id, orderId));
  if (!order || order.status !== 'refund_due' || !order.paymentIntentId) return order?.status !== 'refund_due';
  try {
    await getStripe().refunds.create(
      { payment_intent: order.paymentIntentId, reason: 'requested_by_customer', metadata: { order_id: orderId, cause: 'no_places_after_late_payment' } },
      { idempotencyKey: `refund:${orderId}` },
    );
  } catch (error) {
    // Already refunded (a retry after the API call succeeded) is success too.
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError && /refunded/i.test(error.message))) {
      console.error('[refund] Stripe refund failed; will retry', error);
      return false;
    }
  }
  await db.transaction((tx) => markOrderRefunded(tx, orderId, getOrderSettings()));
  return true;
}

export interface SweepReport {
  expiredHolds: number;
  settled: Record<Settlement, number>;
  refunded: number;
}

/** The worker's periodic pass over everything time has run out on. */
export async function sweep(limit = 100): Promise<SweepReport> {
  const db = getDb();
  const expiredHolds = await db.transaction(async (tx) => {
    const due = await rows<Pick<ColumnsOf<typeof holds>, 'id'>>(tx, sql`
      SELECT id FROM holds WHERE status = 'active' AND expires_at <= now() ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
    return (await endLiveHolds(tx, due.map((d) => d.id), 'expired')).length;
  });
  const settled: Record<Settlement, number> = { released: 0, fulfilled: 0, waiting: 0, error: 0 };
  const dueCheckouts = await rows<Pick<ColumnsOf<typeof orders>, 'id'>>(db, sql`
    SELECT o.id FROM orders o JOIN holds h ON h.id = o.hold_id
    WHERE o.status = 'pending' AND h.status = 'checkout' AND h.expires_at <= now() ORDER BY h.expires_at LIMIT ${limit}`);
  for (const o of dueCheckouts) settled[await settleCheckout(o.id)] += 1;
  const refundDue = await db.select({ id: orders.id }).from(orders).where(eq(orders.status, 'refund_due')).limit(limit);
  let refunded = 0;
  for (const o of refundDue) if (await refundOrderPayment(o.id)) refunded += 1;
  const mismatches = await rows<{ pi: ColumnsOf<typeof paymentMismatches>['stripe_payment_intent_id'] }>(db, sql`
    SELECT stripe_payment_intent_id AS pi FROM payment_mismatches WHERE status = 'refund_due' ORDER BY created_at LIMIT ${limit}`);
  for (const m of mismatches) if (await refundPaymentMismatch(m.pi)) refunded += 1;
  // Box-office and cancellation refunds whose Stripe step was not confirmed (a crash between commit and Stripe, an outage).
  refunded += await completePendingRefunds(limit, db);
  return { expiredHolds, settled, refunded };
}
