import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { endLiveHolds } from '@/domain/inventory/inventory';
import { applyStripeEvent } from '@/domain/payments/payments';
import {
  createGaScreening,
  createPaidOrder,
  createPendingOrder,
  createReservedScreening,
  TEST_ORDER_SETTINGS as settings,
  sessionObject as anySession,
  stripeEvent,
} from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { rows } from '@/db/sql';


/** A screening of `capacity` places: general admission, or one row of reserved seats. */
const screening = (kind: 'ga' | 'reserved', capacity = 10) =>
  kind === 'ga' ? createGaScreening(getDb(), capacity) : createReservedScreening(getDb(), 1, capacity);

const totals = new Map<string, number>();

/** The order's session as Stripe reports it: charged the order's total (see pendingOrder). */
function sessionObject(orderId: string, o: Parameters<typeof anySession>[1] = {}) {
  return anySession(orderId, { amountTotal: totals.get(orderId), ...o });
}

/** A pending order of Ada Buyer's (ada@example.org), its total noted for the session that pays it. */
async function pendingOrder(screeningId: string, quantity: number, seats?: string[]) {
  const order = await createPendingOrder(getDb(), screeningId, { quantity, seats, clientKey: 'buyer' });
  totals.set(order.orderId, order.totalCents);
  return order;
}

async function orderState(orderId: string) {
  const [o] = await rows<{ status: string; tickets: number; emails: number }>(getDb(), sql`
    SELECT o.status,
      (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets,
      (SELECT count(*)::int FROM emails e WHERE e."to" = o.buyer_email AND e.created_at >= o.created_at) AS emails
    FROM orders o WHERE o.id = ${orderId}`);
  return o!;
}

describe('Stripe events', () => {
  it('checkout.session.completed issues the tickets once, however often it is delivered', async () => {
    const id = await screening('reserved');
    const { orderId, seats } = await pendingOrder(id, 2);
    const event = stripeEvent('checkout.session.completed', sessionObject(orderId));
    const results = await Promise.all([applyStripeEvent(getDb(), event, settings), applyStripeEvent(getDb(), event, settings)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'duplicate')).toHaveLength(1);
    // A replay later, and a second distinct event for the same payment, change nothing either.
    expect(await applyStripeEvent(getDb(), event, settings)).toEqual({ ok: false, reason: 'duplicate' });
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(orderId)), settings)).toEqual({
      ok: true,
      effect: 'already_done',
    });
    const state = await orderState(orderId);
    expect(state).toMatchObject({ status: 'paid', tickets: 2, emails: 1 });
    const ticketSeats = await rows<{ seat_id: string }>(getDb(), sql`SELECT seat_id FROM tickets WHERE order_id = ${orderId}`);
    expect(ticketSeats.map((t) => t.seat_id).sort()).toEqual(seats.map((s) => s.id).sort());
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a redelivered event is answered as a duplicate, recorded once, and has its effects once', async () => {
    const id = await screening('ga');
    const { orderId } = await pendingOrder(id, 3);
    const event = stripeEvent('checkout.session.completed', sessionObject(orderId));
    expect(await applyStripeEvent(getDb(), event, settings)).toEqual({ ok: true, effect: 'issued' });
    // The same event again (Stripe retries, replays): recognised by its id before anything is looked at.
    expect(await applyStripeEvent(getDb(), event, settings)).toEqual({ ok: false, reason: 'duplicate' });
    const [recorded] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM stripe_events WHERE id = ${event.id}`);
    expect(recorded?.n).toBe(1);
    expect(await orderState(orderId)).toMatchObject({ status: 'paid', tickets: 3, emails: 1 });
  });

  it('a delayed payment waits for async_payment_succeeded, in whichever order the two events arrive', async () => {
    const id = await screening('ga');
    const a = await pendingOrder(id, 1);
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(a.orderId, { paymentStatus: 'unpaid' })), settings)).toEqual({
      ok: true,
      effect: 'awaiting_payment',
    });
    expect((await orderState(a.orderId)).status).toBe('pending');
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.async_payment_succeeded', sessionObject(a.orderId)), settings);
    expect(await orderState(a.orderId)).toMatchObject({ status: 'paid', tickets: 1 });

    const b = await pendingOrder(id, 2);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.async_payment_succeeded', sessionObject(b.orderId)), settings);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(b.orderId, { paymentStatus: 'unpaid' })), settings);
    expect(await orderState(b.orderId)).toMatchObject({ status: 'paid', tickets: 2 });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('an expired session or a failed payment gives the places back and issues nothing', async () => {
    const id = await screening('reserved');
    const a = await pendingOrder(id, 2);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.expired', sessionObject(a.orderId, { status: 'expired', paymentStatus: 'unpaid' })), settings);
    expect(await orderState(a.orderId)).toMatchObject({ status: 'expired', tickets: 0 });
    const b = await pendingOrder(id, 1);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.async_payment_failed', sessionObject(b.orderId, { paymentStatus: 'unpaid' })), settings);
    expect(await orderState(b.orderId)).toMatchObject({ status: 'failed', tickets: 0 });
    const [pool] = await rows<{ held: number; sold: number }>(getDb(), sql`SELECT held, sold FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool).toMatchObject({ held: 0, sold: 0 });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a payment that succeeds after its hold was released takes the same seats again when they are free', async () => {
    const id = await screening('reserved');
    const { orderId, holdId, seats } = await pendingOrder(id, 2);
    await getDb().transaction((tx) => endLiveHolds(tx, [holdId], 'expired'));
    const outcome = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(orderId)), settings);
    expect(outcome).toEqual({ ok: true, effect: 'issued' });
    expect(await orderState(orderId)).toMatchObject({ status: 'paid', tickets: 2 });
    const ticketSeats = await rows<{ seat_id: string }>(getDb(), sql`SELECT seat_id FROM tickets WHERE order_id = ${orderId}`);
    expect(ticketSeats.map((t) => t.seat_id).sort()).toEqual(seats.map((s) => s.id).sort());
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a late payment finds other seats when its own were sold in the meantime', async () => {
    const id = await screening('reserved', 6);
    const first = await pendingOrder(id, 2);
    await getDb().transaction((tx) => endLiveHolds(tx, [first.holdId], 'expired'));
    const second = await pendingOrder(id, 2, first.seats.map((s) => s.id));
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(second.orderId)), settings);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(first.orderId)), settings);
    expect(await orderState(first.orderId)).toMatchObject({ status: 'paid', tickets: 2 });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a late payment with no places left is marked for refund, never left without tickets or money', async () => {
    const id = await screening('ga', 2);
    const late = await pendingOrder(id, 2);
    await getDb().transaction((tx) => endLiveHolds(tx, [late.holdId], 'expired'));
    await createPaidOrder(getDb(), id, { quantity: 2, clientKey: 'buyer', via: 'stripe-event' });

    const outcome = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject(late.orderId, { paymentIntent: 'pi_late_1' })), settings);
    expect(outcome).toEqual({ ok: true, effect: 'refund_due', refundDue: late.orderId });
    expect(await orderState(late.orderId)).toMatchObject({ status: 'refund_due', tickets: 0 });

    // Stripe confirms the refund: the order closes and the buyer is told.
    await applyStripeEvent(getDb(), stripeEvent('charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: 'pi_late_1', amount: 3000, amount_refunded: 3000 }), settings);
    const state = await orderState(late.orderId);
    expect(state.status).toBe('refunded');
    const [mail] = await rows<{ subject: string; text: string }>(getDb(), sql`
      SELECT subject, text FROM emails WHERE "to" = 'ada@example.org' ORDER BY created_at DESC LIMIT 1`);
    expect(`${mail?.subject} ${mail?.text}`).toMatch(/refund/i);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a full refund of a paid order voids its tickets and returns its seats', async () => {
    const id = await screening('reserved');
    const { orderId } = await createPaidOrder(getDb(), id, { quantity: 3, clientKey: 'buyer', via: 'stripe-event', paymentIntentId: 'pi_refund_me' });
    await applyStripeEvent(getDb(), stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', payment_intent: 'pi_refund_me', amount: 4500, amount_refunded: 1500 }), settings);
    expect(await orderState(orderId)).toMatchObject({ status: 'paid', tickets: 3 });
    await applyStripeEvent(getDb(), stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', payment_intent: 'pi_refund_me', amount: 4500, amount_refunded: 4500 }), settings);
    expect(await orderState(orderId)).toMatchObject({ status: 'refunded', tickets: 0 });
    const [pool] = await rows<{ sold: number }>(getDb(), sql`SELECT sold FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.sold).toBe(0);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('events for orders it does not know are recorded and ignored', async () => {
    const unknown = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', sessionObject('00000000-0000-4000-8000-000000000000')), settings);
    expect(unknown).toEqual({ ok: false, reason: 'unknown_order' });
    expect(await applyStripeEvent(getDb(), stripeEvent('customer.created', { id: 'cus_1' }), settings)).toEqual({ ok: false, reason: 'ignored' });
  });
});
