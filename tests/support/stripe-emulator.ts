import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, expect } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { startCheckout } from '@/domain/payments/checkout';
import { applyStripeEvent } from '@/domain/payments/payments';
import { resetEnvCache } from '@/platform/env';
import { EMULATOR_API_KEY, getStripe } from '@/platform/stripe';
import { startStripeEmulator, type StripeEmulator } from '@/tools/stripe-emulator/server';
import { createHold, stripeEvent, TEST_ORDER_SETTINGS } from './factories';
import { uniq } from './factories/unique';

/**
 * The Stripe emulator for one integration test file: started before its tests, stopped after. Events are recorded,
 * not delivered: a test applies them itself, as the verified webhook would. Returns the emulator's URL, once started.
 */
export function emulatorForThisFile(): () => string {
  let emulator: StripeEmulator | undefined;
  beforeAll(async () => {
    emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: `whsec_integration_${uniq('file')}_0123456789`, webhookUrl: null });
    process.env.STRIPE_EMULATOR_URL = emulator.url;
    resetEnvCache();
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error('emulatorForThisFile: the emulator is not started yet');
    return emulator.url;
  };
}

export interface PaidOrder {
  orderId: string;
  totalCents: number;
  /** The Stripe payment intent that paid it: refunds name it. */
  paymentIntent: string;
}

/**
 * An order of `quantity` tickets (the screening's first paid type) checked out through the app, paid on the emulator's
 * hosted page with the test card, and fulfilled by applying the completed session as the verified webhook would.
 */
export async function payForOrderInEmulator(
  emulatorUrl: string,
  screeningId: string,
  o: { quantity: number; email: string; name?: string; giftDollars?: number },
): Promise<PaidOrder> {
  const hold = await createHold(getDb(), screeningId, { quantity: o.quantity, clientKey: uniq('buyer') });
  const started = await startCheckout(hold.holdId, hold.holdToken, { name: o.name ?? 'Test Buyer', email: o.email }, o.giftDollars ? { tickets: 0, dollars: o.giftDollars } : null);
  if (!started.ok) throw new Error(`checkout failed: ${started.reason}`);
  const [order] = await rows<{ stripe_session_id: string; total_cents: number }>(getDb(), sql`
    SELECT stripe_session_id, total_cents FROM orders WHERE id = ${started.orderId}`);
  const res = await fetch(`${emulatorUrl}/_emulator/sessions/${order!.stripe_session_id}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  expect(res.status).toBe(200);
  const session = await getStripe().checkout.sessions.retrieve(order!.stripe_session_id);
  const applied = await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', session as unknown as Record<string, unknown>), TEST_ORDER_SETTINGS);
  expect(applied).toMatchObject({ ok: true, effect: 'issued' });
  const intent = session.payment_intent;
  return { orderId: started.orderId, totalCents: order!.total_cents, paymentIntent: typeof intent === 'string' ? intent : (intent as Stripe.PaymentIntent).id };
}
