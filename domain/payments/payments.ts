import { eq, sql, type SQL } from 'drizzle-orm';
import type Stripe from 'stripe';
import { isUuid } from '@/lib/ids';
import type { Database, Transaction } from '@/db/client';
import { orders, type donations, type paymentMismatches, type stripeEvents } from '@/db/schema';
import type { PaymentMismatchReason } from '@/db/schema/payment-mismatches';
import { firstRow, rows, type ColumnsOf } from '@/db/sql';
import { creditDonation, refundDonation } from '@/domain/access-fund/donations';
import { endUnpaidOrder, findOrderIdByPaymentIntent, findOrderIdBySession, fulfilOrder, markOrderRefunded, type FulfilResult, type OrderSettings } from './orders';

export type EventOutcome =
  | { ok: false; reason: 'duplicate' | 'ignored' | 'unknown_order' | 'foreign_session' }
  | { ok: true; effect: string; refundDue?: string; mismatchRefundDue?: string };

function paymentIntentId(value: string | Stripe.PaymentIntent | null): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** What fulfilment reads of a Checkout Session, whether it came in an event or from the API. */
export type PaidSession = Pick<Stripe.Checkout.Session, 'id' | 'amount_total' | 'currency' | 'metadata' | 'payment_status' | 'payment_intent'>;

export type SessionBinding =
  | { ok: true; orderId: string }
  | { ok: false; reason: 'unknown_order' }
  /** ownSession: the session is the order's recorded one, so it is spent and can never pay the order. */
  | { ok: false; reason: PaymentMismatchReason; orderId: string; ownSession: boolean };

/**
 * Whether a completed Checkout Session pays for an order: it must be the
 * order's own session (`orders.stripe_session_id`), or, if the order has none
 * recorded yet (saving it failed after Stripe created it), the session its
 * metadata names, which is then recorded; and it must have charged exactly
 * the order's total in the order's currency. Metadata and
 * client_reference_id alone prove nothing: anyone who can create a session
 * can write them. Locks the order row.
 */
export async function bindSessionToOrder(tx: Transaction, session: PaidSession): Promise<SessionBinding> {
  const lockOrder = async (where: SQL) => {
    const [found] = await tx
      .select({ id: orders.id, totalCents: orders.totalCents, currency: orders.currency, stripeSessionId: orders.stripeSessionId })
      .from(orders)
      .where(where)
      .for('update');
    return found;
  };
  let order = await lockOrder(eq(orders.stripeSessionId, session.id));
  let own = Boolean(order);
  if (!order) {
    const named = session.metadata?.order_id;
    if (!named || !isUuid(named)) return { ok: false, reason: 'unknown_order' };
    order = await lockOrder(eq(orders.id, named));
    if (!order) return { ok: false, reason: 'unknown_order' };
    if (order.stripeSessionId !== null) return { ok: false, reason: 'foreign_session', orderId: order.id, ownSession: false };
    own = false;
  }
  if ((session.currency ?? '').toLowerCase() !== order.currency.toLowerCase()) {
    return { ok: false, reason: 'currency_mismatch', orderId: order.id, ownSession: own };
  }
  if (session.amount_total !== order.totalCents) return { ok: false, reason: 'amount_mismatch', orderId: order.id, ownSession: own };
  // Recorded only once it has proved itself, so a bad session can never take the place of the order's real one.
  if (!own) await tx.execute(sql`UPDATE orders SET stripe_session_id = ${session.id} WHERE id = ${order.id} AND stripe_session_id IS NULL`);
  return { ok: true, orderId: order.id };
}

/** Records money that pays for nothing, for staff and for the worker to refund; once per payment intent. */
export async function recordPaymentMismatch(
  tx: Transaction,
  session: PaidSession,
  orderId: string | null,
  reason: PaymentMismatchReason,
): Promise<{ recorded: boolean; paymentIntent: string | null }> {
  const pi = paymentIntentId(session.payment_intent);
  if (!pi) {
    // A paid session always has one; without it there is nothing to refund against.
    console.error('[payments] a mismatched paid session has no payment intent', session.id);
    return { recorded: false, paymentIntent: null };
  }
  const inserted = await rows<Pick<ColumnsOf<typeof paymentMismatches>, 'id'>>(tx, sql`
    INSERT INTO payment_mismatches (stripe_session_id, stripe_payment_intent_id, order_id, amount_cents, currency, reason)
    VALUES (${session.id}, ${pi}, ${orderId}, ${session.amount_total ?? 0}, ${(session.currency ?? '').toLowerCase()}, ${reason}::payment_mismatch_reason)
    ON CONFLICT (stripe_payment_intent_id) DO NOTHING RETURNING id`);
  if (inserted.length > 0) console.warn(`[payments] payment ${pi} (session ${session.id}) does not pay order ${orderId ?? '?'}: ${reason}; refund due`);
  return { recorded: inserted.length > 0, paymentIntent: pi };
}

export type PaidSessionOutcome =
  | { kind: 'unknown_order' }
  | { kind: 'awaiting_payment'; orderId: string }
  | { kind: 'mismatch'; reason: PaymentMismatchReason; orderId: string; paymentIntent: string | null }
  | { kind: 'mismatch_unpaid'; reason: PaymentMismatchReason; orderId: string }
  | { kind: 'fulfilled'; orderId: string; result: FulfilResult }
  | { kind: 'donation'; effect: 'donation_credited' | 'already_done' | 'awaiting_payment' }
  | { kind: 'donation_mismatch'; reason: PaymentMismatchReason; paymentIntent: string | null };

/**
 * A completed (or asynchronously paid) session, from the webhook or from the
 * worker's retrieve: the one fulfilment path, with the binding check first.
 */
export async function applyCompletedSession(tx: Transaction, session: PaidSession, settings: OrderSettings): Promise<PaidSessionOutcome> {
  const binding = await bindSessionToOrder(tx, session);
  const paid = session.payment_status === 'paid';
  // Not an order's session: it may be a gift's from the donation page.
  if (!binding.ok && binding.reason === 'unknown_order') return applyDonationSession(tx, session, settings);
  if (!binding.ok) {
    // A delayed payment method: no money yet; async_payment_succeeded brings it back here.
    if (!paid) return { kind: 'mismatch_unpaid', reason: binding.reason, orderId: binding.orderId };
    const { paymentIntent } = await recordPaymentMismatch(tx, session, binding.orderId, binding.reason);
    // The order's own session paid the wrong sum: that session is spent, so the order ends and its places come back.
    // A foreign session leaves the order alone: its buyer may still pay its real session.
    if (binding.ownSession) await endUnpaidOrder(tx, binding.orderId, 'failed');
    return { kind: 'mismatch', reason: binding.reason, orderId: binding.orderId, paymentIntent };
  }
  const pi = paymentIntentId(session.payment_intent);
  if (pi) await tx.execute(sql`UPDATE orders SET stripe_payment_intent_id = ${pi} WHERE id = ${binding.orderId} AND stripe_payment_intent_id IS NULL`);
  // A delayed payment method completes the session unpaid; tickets wait for async_payment_succeeded.
  if (!paid) return { kind: 'awaiting_payment', orderId: binding.orderId };
  return { kind: 'fulfilled', orderId: binding.orderId, result: await fulfilOrder(tx, binding.orderId, pi, settings) };
}

type DonationBinding = { ok: true; donationId: string } | { ok: false; reason: 'unknown_order' } | { ok: false; reason: PaymentMismatchReason; donationId: string; ownSession: boolean };

/**
 * bindSessionToOrder's twin for a donation-page gift: the donation's own recorded session, or the one its metadata
 * names while none is recorded (then recorded), for exactly the donation's amount and currency. Locks the donation.
 */
export async function bindSessionToDonation(tx: Transaction, session: Pick<PaidSession, 'id' | 'metadata' | 'amount_total' | 'currency'>): Promise<DonationBinding> {
  type Row = Pick<ColumnsOf<typeof donations>, 'id' | 'amount_cents' | 'currency' | 'stripe_session_id'>;
  let donation = await firstRow<Row>(tx, sql`
    SELECT id, amount_cents, currency, stripe_session_id FROM donations WHERE stripe_session_id = ${session.id} AND order_id IS NULL FOR UPDATE`);
  let own = Boolean(donation);
  if (!donation) {
    const named = session.metadata?.donation_id;
    if (!named || !isUuid(named)) return { ok: false, reason: 'unknown_order' };
    donation = await firstRow<Row>(tx, sql`
      SELECT id, amount_cents, currency, stripe_session_id FROM donations WHERE id = ${named} AND order_id IS NULL FOR UPDATE`);
    if (!donation) return { ok: false, reason: 'unknown_order' };
    if (donation.stripe_session_id !== null) return { ok: false, reason: 'foreign_session', donationId: donation.id, ownSession: false };
    own = false;
  }
  if ((session.currency ?? '').toLowerCase() !== donation.currency.toLowerCase()) return { ok: false, reason: 'currency_mismatch', donationId: donation.id, ownSession: own };
  if (session.amount_total !== donation.amount_cents) return { ok: false, reason: 'amount_mismatch', donationId: donation.id, ownSession: own };
  if (!own) await tx.execute(sql`UPDATE donations SET stripe_session_id = ${session.id} WHERE id = ${donation.id} AND stripe_session_id IS NULL`);
  return { ok: true, donationId: donation.id };
}

/** A completed session of the donation page: the gift is credited to the fund once, and only for its exact amount. */
async function applyDonationSession(tx: Transaction, session: PaidSession, settings: OrderSettings): Promise<PaidSessionOutcome> {
  const binding = await bindSessionToDonation(tx, session);
  if (!binding.ok && binding.reason === 'unknown_order') return { kind: 'unknown_order' };
  const paid = session.payment_status === 'paid';
  if (!binding.ok) {
    if (!paid) return { kind: 'donation', effect: 'awaiting_payment' };
    // Money that pays for no gift goes back, as for orders; the donation's own spent session ends it.
    const { paymentIntent } = await recordPaymentMismatch(tx, session, null, binding.reason);
    if (binding.ownSession) await tx.execute(sql`UPDATE donations SET status = 'expired' WHERE id = ${binding.donationId} AND status = 'pending'`);
    return { kind: 'donation_mismatch', reason: binding.reason, paymentIntent };
  }
  const pi = paymentIntentId(session.payment_intent);
  if (pi) await tx.execute(sql`UPDATE donations SET stripe_payment_intent_id = ${pi} WHERE id = ${binding.donationId} AND stripe_payment_intent_id IS NULL`);
  if (!paid) return { kind: 'donation', effect: 'awaiting_payment' };
  const credit = await creditDonation(tx, binding.donationId, pi, settings);
  return { kind: 'donation', effect: credit.credited ? 'donation_credited' : 'already_done' };
}

/** The donation page's session ended unpaid: the donation is expired (only its own session, or the named one while none is recorded). */
async function endDonationSession(tx: Transaction, session: Pick<PaidSession, 'id' | 'metadata'>): Promise<EventOutcome> {
  let ended = await rows<Pick<ColumnsOf<typeof donations>, 'id'>>(tx, sql`
    UPDATE donations SET status = 'expired' WHERE stripe_session_id = ${session.id} AND order_id IS NULL AND status = 'pending' RETURNING id`);
  if (ended.length === 0) {
    const named = session.metadata?.donation_id;
    if (!named || !isUuid(named)) return { ok: false, reason: 'unknown_order' };
    const recorded = await firstRow<Pick<ColumnsOf<typeof donations>, 'stripe_session_id'>>(tx, sql`
      SELECT stripe_session_id FROM donations WHERE id = ${named} AND order_id IS NULL`);
    if (!recorded) return { ok: false, reason: 'unknown_order' };
    if (recorded.stripe_session_id !== null && recorded.stripe_session_id !== session.id) return { ok: false, reason: 'foreign_session' };
    ended = await rows<Pick<ColumnsOf<typeof donations>, 'id'>>(tx, sql`
      UPDATE donations SET status = 'expired' WHERE id = ${named} AND status = 'pending' RETURNING id`);
  }
  return { ok: true, effect: ended.length ? 'donation_expired' : 'no_change' };
}

/**
 * Applies one verified Stripe event exactly once: its id is recorded in the
 * same transaction as its effects, so a redelivery is skipped and a crash
 * mid-way leaves nothing behind for Stripe's retry to trip over.
 */
export async function applyStripeEvent(db: Database, event: Stripe.Event, settings: OrderSettings): Promise<EventOutcome> {
  return db.transaction(async (tx) => {
    const fresh = await rows<Pick<ColumnsOf<typeof stripeEvents>, 'id'>>(tx, sql`
      INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING RETURNING id`);
    if (fresh.length === 0) return { ok: false, reason: 'duplicate' } as const;

    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        return eventOutcomeOf(await applyCompletedSession(tx, event.data.object, settings));
      }
      case 'checkout.session.expired':
      case 'checkout.session.async_payment_failed': {
        const session = event.data.object;
        const orderId = await findOrderIdBySession(tx, session.id);
        if (!orderId) {
          // Only the order's own session ends it: one with no session recorded yet may be ended by the session its metadata names.
          const named = session.metadata?.order_id;
          if (!named || !isUuid(named)) return endDonationSession(tx, session);
          const [order] = await tx.select({ stripeSessionId: orders.stripeSessionId }).from(orders).where(eq(orders.id, named));
          if (!order) return { ok: false, reason: 'unknown_order' } as const;
          if (order.stripeSessionId !== null) return { ok: false, reason: 'foreign_session' } as const;
          const { ended } = await endUnpaidOrder(tx, named, event.type === 'checkout.session.expired' ? 'expired' : 'failed');
          return { ok: true, effect: ended ? 'places_released' : 'no_change' } as const;
        }
        const { ended } = await endUnpaidOrder(tx, orderId, event.type === 'checkout.session.expired' ? 'expired' : 'failed');
        return { ok: true, effect: ended ? 'places_released' : 'no_change' } as const;
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const pi = paymentIntentId(charge.payment_intent as string | Stripe.PaymentIntent | null);
        if (!pi) return { ok: false, reason: 'unknown_order' } as const;
        const fullyRefunded = charge.amount_refunded >= charge.amount;
        const mismatch = await rows<Pick<ColumnsOf<typeof paymentMismatches>, 'id'>>(tx, sql`
          UPDATE payment_mismatches SET status = 'refunded', refunded_at = coalesce(refunded_at, now())
          WHERE stripe_payment_intent_id = ${pi} AND ${fullyRefunded} RETURNING id`);
        if (mismatch.length > 0) return { ok: true, effect: 'mismatch_refunded' } as const;
        const orderId = await findOrderIdByPaymentIntent(tx, pi);
        if (!orderId) return refundDonationPayment(tx, pi, fullyRefunded);
        // Partial refunds (a staff decision) keep the tickets; only a full refund voids them.
        if (!fullyRefunded) return { ok: true, effect: 'partial_refund_noted' } as const;
        const { changed } = await markOrderRefunded(tx, orderId, settings);
        return { ok: true, effect: changed ? 'refunded' : 'no_change' } as const;
      }
      default:
        return { ok: false, reason: 'ignored' } as const;
    }
  });
}

/** A gift's payment went back (charge.refunded): only a full refund refunds the gift and reverses its credit. */
async function refundDonationPayment(tx: Transaction, paymentIntent: string, fullyRefunded: boolean): Promise<EventOutcome> {
  const donation = await firstRow<Pick<ColumnsOf<typeof donations>, 'id'>>(tx, sql`
    SELECT id FROM donations WHERE stripe_payment_intent_id = ${paymentIntent} AND order_id IS NULL`);
  if (!donation) return { ok: false, reason: 'unknown_order' };
  if (!fullyRefunded) return { ok: true, effect: 'partial_refund_noted' };
  const outcome = await refundDonation(tx, donation.id);
  if (!outcome.refunded) return { ok: true, effect: 'no_change' };
  return { ok: true, effect: outcome.credited && outcome.reversedCents < outcome.amountCents ? 'donation_refunded_shortfall' : 'donation_refunded' };
}

function eventOutcomeOf(outcome: PaidSessionOutcome): EventOutcome {
  switch (outcome.kind) {
    case 'donation':
      return { ok: true, effect: outcome.effect };
    case 'donation_mismatch':
      return outcome.paymentIntent
        ? { ok: true, effect: `payment_mismatch:${outcome.reason}`, mismatchRefundDue: outcome.paymentIntent }
        : { ok: true, effect: `payment_mismatch:${outcome.reason}` };
    case 'unknown_order':
      return { ok: false, reason: 'unknown_order' };
    case 'awaiting_payment':
      return { ok: true, effect: 'awaiting_payment' };
    case 'mismatch_unpaid':
      return { ok: true, effect: `payment_mismatch_unpaid:${outcome.reason}` };
    case 'mismatch':
      return outcome.paymentIntent
        ? { ok: true, effect: `payment_mismatch:${outcome.reason}`, mismatchRefundDue: outcome.paymentIntent }
        : { ok: true, effect: `payment_mismatch:${outcome.reason}` };
    case 'fulfilled': {
      const result = outcome.result;
      if (!result.ok) return { ok: false, reason: 'unknown_order' };
      if (result.outcome === 'refund_due') return { ok: true, effect: 'refund_due', refundDue: outcome.orderId };
      return { ok: true, effect: result.outcome };
    }
  }
}
