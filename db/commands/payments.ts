import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Database } from '../client';
import { endUnpaidOrder, findOrderIdByPaymentIntent, findOrderIdBySession, fulfilOrder, markOrderRefunded, type OrderSettings } from './orders';

type Row = Record<string, unknown>;

export type EventOutcome =
  | { applied: false; reason: 'duplicate' | 'ignored' | 'unknown_order' }
  | { applied: true; effect: string; refundDue?: string };

function paymentIntentId(value: string | Stripe.PaymentIntent | null): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  return session.metadata?.order_id ?? session.client_reference_id ?? null;
}

/**
 * Applies one verified Stripe event exactly once: its id is recorded in the
 * same transaction as its effects, so a redelivery is skipped and a crash
 * mid-way leaves nothing behind for Stripe's retry to trip over.
 */
export async function applyStripeEvent(db: Database, event: Stripe.Event, settings: OrderSettings): Promise<EventOutcome> {
  return db.transaction(async (tx) => {
    const fresh = await tx.execute<Row>(sql`
      INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING RETURNING id`);
    if (fresh.length === 0) return { applied: false, reason: 'duplicate' } as const;

    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object;
        const orderId = orderIdOf(session) ?? (await findOrderIdBySession(tx, session.id));
        if (!orderId) return { applied: false, reason: 'unknown_order' } as const;
        const pi = paymentIntentId(session.payment_intent);
        if (pi) await tx.execute(sql`UPDATE orders SET stripe_payment_intent_id = ${pi} WHERE id = ${orderId} AND stripe_payment_intent_id IS NULL`);
        // A delayed payment method completes the session unpaid; tickets wait for async_payment_succeeded.
        if (session.payment_status !== 'paid') return { applied: true, effect: 'awaiting_payment' } as const;
        const result = await fulfilOrder(tx, orderId, pi, settings);
        if (!result.ok) return { applied: false, reason: 'unknown_order' } as const;
        if (result.outcome === 'refund_due') return { applied: true, effect: 'refund_due', refundDue: orderId } as const;
        return { applied: true, effect: result.outcome } as const;
      }
      case 'checkout.session.expired':
      case 'checkout.session.async_payment_failed': {
        const session = event.data.object;
        const orderId = orderIdOf(session) ?? (await findOrderIdBySession(tx, session.id));
        if (!orderId) return { applied: false, reason: 'unknown_order' } as const;
        const { ended } = await endUnpaidOrder(tx, orderId, event.type === 'checkout.session.expired' ? 'expired' : 'failed');
        return { applied: true, effect: ended ? 'places_released' : 'no_change' } as const;
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const pi = paymentIntentId(charge.payment_intent as string | Stripe.PaymentIntent | null);
        const orderId = pi ? await findOrderIdByPaymentIntent(tx, pi) : null;
        if (!orderId) return { applied: false, reason: 'unknown_order' } as const;
        // Partial refunds (a staff decision) keep the tickets; only a full refund voids them.
        if (charge.amount_refunded < charge.amount) return { applied: true, effect: 'partial_refund_noted' } as const;
        const { changed } = await markOrderRefunded(tx, orderId, settings);
        return { applied: true, effect: changed ? 'refunded' : 'no_change' } as const;
      }
      default:
        return { applied: false, reason: 'ignored' } as const;
    }
  });
}
