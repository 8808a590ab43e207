import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { applyStripeEvent } from '@/domain/payments/payments';
import { getOrderSettings, refundOrderPayment, refundPaymentMismatch } from '@/domain/payments/checkout';
import { verifyWebhook } from '@/platform/stripe';

/**
 * Stripe webhooks: the signature is checked on the raw body; each event is
 * applied once (its id is recorded with its effects). A transient failure
 * answers 500 so Stripe delivers the event again.
 */
export async function POST(request: NextRequest) {
  const raw = await request.text();
  const verified = verifyWebhook(raw, request.headers.get('stripe-signature'));
  if (!verified.ok) return NextResponse.json({ error: 'bad_signature', message: verified.message }, { status: 400 });
  try {
    const outcome = await applyStripeEvent(getDb(), verified.event, getOrderSettings());
    if (outcome.ok && outcome.refundDue) {
      // Best effort now; the worker retries until Stripe confirms.
      await refundOrderPayment(outcome.refundDue).catch(() => false);
    }
    if (outcome.ok && outcome.mismatchRefundDue) {
      // A payment that pays for no order (recorded for staff): refunded now if Stripe answers, else by the worker.
      await refundPaymentMismatch(outcome.mismatchRefundDue).catch(() => false);
    }
    // The body keeps its published shape: `applied` is the outcome's `ok`.
    const { ok, ...rest } = outcome;
    return NextResponse.json({ received: true, applied: ok, ...rest });
  } catch (error) {
    console.error('[stripe webhook]', verified.event.id, error);
    return NextResponse.json({ error: 'temporary_failure', message: 'Could not apply the event; Stripe will retry.' }, { status: 500 });
  }
}
