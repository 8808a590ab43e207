import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { applyStripeEvent } from '@/domain/payments/payments';
import { settleCheckout, startCheckout, sweep } from '@/domain/payments/checkout';
import { resetEnvCache } from '@/platform/env';
import { EMULATOR_API_KEY, getStripe } from '@/platform/stripe';
import { startStripeEmulator, type StripeEmulator } from '@/tools/stripe-emulator/server';
import { createGaScreening, createHold, TEST_ORDER_SETTINGS as settings, stripeEvent } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { rows } from '@/db/sql';

/**
 * Payment binding against a real (emulated) Stripe: sessions are created and
 * paid in the emulator, and their completed objects are applied as the
 * verified webhook would apply them. The refunds go through the SDK.
 */

let emulator: StripeEmulator;

beforeAll(async () => {
  // Events are recorded, not delivered: this file applies them itself.
  emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: 'whsec_integration_binding_0123456789', webhookUrl: null });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  resetEnvCache();
});

afterAll(async () => {
  await emulator.stop();
});

/** A hold checked out through the app: an order with its own session in the emulator. */
async function checkedOut(quantity: number) {
  const screeningId = await createGaScreening(getDb(), 10);
  const hold = await createHold(getDb(), screeningId, { quantity, clientKey: 'binding' });
  const started = await startCheckout(hold.holdId, hold.holdToken, { name: 'Ada Buyer', email: 'ada-binding@example.org' });
  if (!started.ok) throw new Error(`checkout failed: ${started.reason}`);
  const [order] = await rows<{ stripe_session_id: string; total_cents: number; currency: string }>(getDb(), sql`
    SELECT stripe_session_id, total_cents, currency FROM orders WHERE id = ${started.orderId}`);
  return { screeningId, holdId: hold.holdId, orderId: started.orderId, sessionId: order!.stripe_session_id, totalCents: order!.total_cents, currency: order!.currency };
}

/** A session the app did not create for this order, but whose metadata names it (as anyone with a key could write). */
async function sessionNaming(orderId: string, amount: number, currency: string) {
  return getStripe().checkout.sessions.create({
    mode: 'payment',
    client_reference_id: orderId,
    metadata: { order_id: orderId },
    line_items: [{ quantity: 1, price_data: { currency, unit_amount: amount, product_data: { name: 'Anything' } } }],
    success_url: 'http://tickets.test/ok',
  });
}

async function payInEmulator(sessionId: string): Promise<Stripe.Checkout.Session> {
  const res = await fetch(`${emulator.url}/_emulator/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  expect(res.status).toBe(200);
  return getStripe().checkout.sessions.retrieve(sessionId);
}

async function refundedIntents(): Promise<Set<string>> {
  const res = await fetch(`${emulator.url}/_emulator/events`);
  const { events } = (await res.json()) as { events: { id: string; type: string }[] };
  const intents = new Set<string>();
  for (const e of events.filter((ev) => ev.type === 'charge.refunded')) {
    const full = (await (await fetch(`${emulator.url}/_emulator/events/${e.id}`)).json()) as { data: { object: { payment_intent: string; amount_refunded: number; amount: number } } };
    if (full.data.object.amount_refunded === full.data.object.amount) intents.add(full.data.object.payment_intent);
  }
  return intents;
}

async function orderState(orderId: string) {
  const [o] = await rows<{ status: string; tickets: number; stripe_session_id: string | null; stripe_payment_intent_id: string | null }>(getDb(), sql`
    SELECT o.status, o.stripe_session_id, o.stripe_payment_intent_id,
      (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
    FROM orders o WHERE o.id = ${orderId}`);
  return o!;
}

async function mismatchesFor(pi: string) {
  return rows<{ order_id: string | null; reason: string; status: string; amount_cents: number; currency: string; stripe_session_id: string }>(getDb(), sql`
    SELECT order_id, reason, status, amount_cents, currency, stripe_session_id FROM payment_mismatches WHERE stripe_payment_intent_id = ${pi}`);
}

const intentOf = (s: Stripe.Checkout.Session) => (typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent!.id);

describe('payment binding: only the order’s own session, for the order’s total, pays for it', () => {
  it('a cheap session whose metadata names an expensive order is recorded, refunded, and issues nothing', async () => {
    const o = await checkedOut(4);
    expect(o.totalCents).toBe(6000);
    const cheap = await payInEmulator((await sessionNaming(o.orderId, 50, o.currency.toLowerCase())).id);
    const pi = intentOf(cheap);

    const outcome = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', cheap as unknown as Record<string, unknown>), settings);
    expect(outcome).toEqual({ ok: true, effect: 'payment_mismatch:foreign_session', mismatchRefundDue: pi });
    // A second event about the same payment records nothing more.
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.async_payment_succeeded', cheap as unknown as Record<string, unknown>), settings);
    const state = await orderState(o.orderId);
    expect(state).toMatchObject({ status: 'pending', tickets: 0, stripe_session_id: o.sessionId, stripe_payment_intent_id: null });
    expect(await mismatchesFor(pi)).toEqual([
      { order_id: o.orderId, reason: 'foreign_session', status: 'refund_due', amount_cents: 50, currency: o.currency.toLowerCase(), stripe_session_id: cheap.id },
    ]);

    // The worker refunds it through Stripe.
    await sweep();
    expect((await mismatchesFor(pi))[0]?.status).toBe('refunded');
    expect((await refundedIntents()).has(pi)).toBe(true);

    // The order's own session still pays for it.
    const own = await payInEmulator(o.sessionId);
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', own as unknown as Record<string, unknown>), settings)).toEqual({ ok: true, effect: 'issued' });
    expect(await orderState(o.orderId)).toMatchObject({ status: 'paid', tickets: 4 });
    expect(await inventoryProblems(getDb(), o.screeningId)).toEqual([]);
  });

  it('the order’s own session with the wrong amount or currency pays for nothing and is refunded', async () => {
    for (const [wrong, reason] of [
      [{ amount: 100, currency: null }, 'amount_mismatch'],
      [{ amount: null, currency: 'usd' }, 'currency_mismatch'],
    ] as const) {
      const o = await checkedOut(2);
      // The session the order recorded, but charged otherwise (the event as a tampered or mistaken session would carry it).
      const own = await payInEmulator(o.sessionId);
      const tampered = { ...own, amount_total: wrong.amount ?? own.amount_total, currency: wrong.currency ?? own.currency };
      const pi = intentOf(own);
      const outcome = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', tampered as unknown as Record<string, unknown>), settings);
      expect(outcome).toEqual({ ok: true, effect: `payment_mismatch:${reason}`, mismatchRefundDue: pi });
      const state = await orderState(o.orderId);
      expect(state.tickets).toBe(0);
      // The session is spent: the order ends unpaid and its places come back.
      expect(state.status).toBe('failed');
      expect((await mismatchesFor(pi)).map((m) => m.reason)).toEqual([reason]);
      await sweep();
      expect((await mismatchesFor(pi))[0]?.status).toBe('refunded');
      expect((await refundedIntents()).has(pi)).toBe(true);
      expect(await inventoryProblems(getDb(), o.screeningId)).toEqual([]);
    }
  });

  it('an order whose session was never recorded accepts only the session its metadata names, for its total, and records it', async () => {
    const o = await checkedOut(2);
    // As if saving the session id had failed after Stripe created the session.
    await getDb().execute(sql`UPDATE orders SET stripe_session_id = NULL WHERE id = ${o.orderId}`);
    const short = await payInEmulator((await sessionNaming(o.orderId, 1, o.currency.toLowerCase())).id);
    const first = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', short as unknown as Record<string, unknown>), settings);
    expect(first).toMatchObject({ ok: true, effect: 'payment_mismatch:amount_mismatch' });
    // The short payment did not become the order's session: the real one still can.
    expect(await orderState(o.orderId)).toMatchObject({ status: 'pending', stripe_session_id: null });
    const own = await payInEmulator(o.sessionId);
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', own as unknown as Record<string, unknown>), settings)).toEqual({ ok: true, effect: 'issued' });
    expect(await orderState(o.orderId)).toMatchObject({ status: 'paid', tickets: 2, stripe_session_id: o.sessionId });
  });

  it('the worker’s settlement of a run-out checkout applies the same check: a wrong amount is refunded, not fulfilled', async () => {
    const o = await checkedOut(3);
    // The order's own session, swapped for a cheaper one in Stripe's answer (the retrieve path reads Stripe, not an event).
    const cheap = await payInEmulator((await sessionNaming(o.orderId, 50, o.currency.toLowerCase())).id);
    await getDb().execute(sql`UPDATE orders SET stripe_session_id = ${cheap.id} WHERE id = ${o.orderId}`);
    await getDb().execute(sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${o.holdId}`);
    expect(await settleCheckout(o.orderId)).toBe('released');
    expect(await orderState(o.orderId)).toMatchObject({ status: 'failed', tickets: 0 });
    const pi = intentOf(cheap);
    expect(await mismatchesFor(pi)).toMatchObject([{ order_id: o.orderId, reason: 'amount_mismatch', status: 'refunded' }]);
    expect((await refundedIntents()).has(pi)).toBe(true);
    expect(await inventoryProblems(getDb(), o.screeningId)).toEqual([]);
  });
});

describe('concurrent checkouts of one hold', () => {
  it('thirty at once get the same order and the same session, and Stripe is asked once', async () => {
    const screeningId = await createGaScreening(getDb(), 10);
    const hold = await createHold(getDb(), screeningId, { quantity: 2, clientKey: 'double-click' });
    const sessions = getStripe().checkout.sessions;
    const create = sessions.create.bind(sessions);
    // Stripe takes a while to answer: the window in which concurrent requests would each ask for a session.
    const spy = vi.spyOn(sessions, 'create').mockImplementation(async (...args: Parameters<typeof create>) => {
      await new Promise((r) => setTimeout(r, 150));
      return create(...args);
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () => startCheckout(hold.holdId, hold.holdToken, { name: 'Ada', email: 'ada-double@example.org' })),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const ok = results.filter((r) => r.ok);
      expect(new Set(ok.map((r) => r.orderId)).size).toBe(1);
      expect(new Set(ok.map((r) => r.checkoutUrl)).size).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    const listed = (await (await fetch(`${emulator.url}/_emulator/sessions`)).json()) as { sessions: { client_reference_id: string | null }[] };
    const [order] = await rows<{ id: string }>(getDb(), sql`SELECT id FROM orders WHERE hold_id = ${hold.holdId}`);
    expect(listed.sessions.filter((s) => s.client_reference_id === order!.id)).toHaveLength(1);
  });
});
