import type Stripe from 'stripe';

let eventCounter = 0;

/** A Stripe event object as the verified webhook hands it over (the signature is tested over HTTP). */
export function stripeEvent(type: string, object: Record<string, unknown>): Stripe.Event {
  eventCounter += 1;
  return {
    id: `evt_test_${Date.now()}_${eventCounter}_${Math.random().toString(36).slice(2, 8)}`,
    object: 'event',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

/** A Checkout Session for an order; a paid one must carry the order's total and currency to pay for it. */
export function sessionObject(
  orderId: string,
  o: { paymentStatus?: 'paid' | 'unpaid'; status?: string; paymentIntent?: string; amountTotal?: number; currency?: string } = {},
) {
  return {
    id: `cs_test_${orderId.slice(0, 8)}`,
    amount_total: o.amountTotal ?? null,
    currency: o.currency ?? 'cad',
    object: 'checkout.session',
    status: o.status ?? 'complete',
    payment_status: o.paymentStatus ?? 'paid',
    payment_intent: o.paymentIntent ?? `pi_test_${orderId.slice(0, 8)}`,
    metadata: { order_id: orderId },
    client_reference_id: orderId,
  };
}
