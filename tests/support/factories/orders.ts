import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { orders } from '@/db/schema';
import { beginCheckout, fulfilOrder, type OrderSettings } from '@/domain/payments/orders';
import { applyStripeEvent } from '@/domain/payments/payments';
import { createHold, type HoldInput } from './holds';
import { sessionObject, stripeEvent } from './stripe-events';

/** The order settings of the tests: emails are stored (the dev outbox), not sent. */
export const TEST_ORDER_SETTINGS: OrderSettings = {
  appSecret: 'integration-test-secret-integration-test-secret',
  baseUrl: 'http://tickets.test',
  holdMinutes: 10,
  emailStatus: 'stored',
};

export const TEST_BUYER = { name: 'Ada Buyer', email: 'ada@example.org' };

export interface OrderInput extends HoldInput {
  buyer?: { name: string; email: string; userId?: string | null };
}

/**
 * A hold turned into a pending order by the commands, as if the buyer were
 * now on Stripe's page (no session is created: the tests that need one go
 * through startCheckout and the emulator).
 */
export async function createPendingOrder(db: Database, screeningId: string, o: OrderInput = {}) {
  const hold = await createHold(db, screeningId, o);
  const order = await beginCheckout(db, hold.holdId, hold.holdToken, o.buyer ?? TEST_BUYER, { holdMinutes: o.holdMinutes ?? TEST_ORDER_SETTINGS.holdMinutes });
  if (!order.ok) throw new Error(`createPendingOrder: ${order.reason}`);
  return { screeningId, orderId: order.orderId, holdId: hold.holdId, holdToken: hold.holdToken, seats: hold.seats, totalCents: hold.totalCents };
}

export interface PaymentInput {
  settings?: OrderSettings;
  /** fulfilOrder by default; 'stripe-event' goes the verified webhook's way, a completed Checkout Session for the order's total. */
  via?: 'fulfil' | 'stripe-event';
  /** The Stripe payment the order records (a refund names it); none by default through fulfilOrder. */
  paymentIntentId?: string;
}

/** A paid order with its tickets: a pending order whose payment is then confirmed (see PaymentInput). */
export async function createPaidOrder(db: Database, screeningId: string, o: OrderInput & PaymentInput = {}) {
  const settings = o.settings ?? TEST_ORDER_SETTINGS;
  const order = await createPendingOrder(db, screeningId, o);
  if (o.via === 'stripe-event') {
    const session = sessionObject(order.orderId, { amountTotal: order.totalCents, paymentIntent: o.paymentIntentId });
    await applyStripeEvent(db, stripeEvent('checkout.session.completed', session), settings);
  } else {
    const fulfilled = await db.transaction((tx) => fulfilOrder(tx, order.orderId, o.paymentIntentId ?? null, settings));
    if (!fulfilled.ok || fulfilled.outcome !== 'issued') throw new Error('createPaidOrder: fulfilment issued no tickets');
  }
  const [paid] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
  if (paid?.status !== 'paid') throw new Error(`createPaidOrder: the order is ${paid?.status ?? 'missing'}, not paid`);
  return order;
}
