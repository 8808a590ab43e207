// Over 300 lines on purpose: one class owns the emulated account's maps and timers, and every
// state change (pay, expire, refund, delayed settlement) must run synchronously on them so a request
// is atomic; splitting it would expose those maps to other modules. Object shapes live in objects.ts,
// parameter parsing in session-params.ts and form.ts, card outcomes in cards.ts.
import { type CardOutcome, DECLINED_MESSAGE, UNKNOWN_CARD_MESSAGE, findTestCard } from './cards';
import { StripeApiError, invalidRequest, noSuch } from './errors';
import { type FormObject, optionalInteger, optionalMetadata, optionalString } from './form';
import { newId, nowSeconds } from './ids';
import { formatAmount } from './money';
import {
  type ChargeObject,
  type CheckoutSessionObject,
  type EventType,
  type LineItem,
  type Metadata,
  type PaymentIntentObject,
  REFUND_REASONS,
  type RefundObject,
  type RefundReason,
  type StripeObject,
} from './objects';
import { parseSessionParams } from './session-params';

/**
 * The emulator's in-memory Stripe account: checkout sessions, payment
 * intents, charges and refunds, and the state changes that emit events.
 * Every method is synchronous, so a request's changes are atomic with
 * respect to other requests (which matters for idempotency keys).
 */
export interface StateOptions {
  /** Base of the hosted checkout URLs; known only once the server listens. */
  publicUrl: () => string;
  asyncPaymentDelayMs: number;
  /** Called with a snapshot-safe object; the dispatcher copies it into the event. */
  emit: (type: EventType, object: StripeObject, sessionId: string | undefined) => void;
}

export interface CardDetails {
  number: string;
  name?: string;
  expMonth?: number;
  expYear?: number;
}

export type PayResult = { ok: true; session: CheckoutSessionObject } | { ok: false; error: StripeApiError };

interface SessionRecord {
  session: CheckoutSessionObject;
  lineItems: LineItem[];
  /** `payment_intent_data[metadata]`, merged into the intent when it is created. */
  intentMetadata: Metadata;
  expiryTimer: NodeJS.Timeout | undefined;
}

type PaidOutcome = Exclude<CardOutcome, 'declined'>;

export class EmulatorState {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly intents = new Map<string, PaymentIntentObject>();
  private readonly charges = new Map<string, ChargeObject>();
  private readonly refunds = new Map<string, RefundObject>();
  /** Refund events belong to the session that created the intent, so they keep its delivery order. */
  private readonly sessionOfIntent = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: StateOptions) {}

  // ---- checkout sessions ----------------------------------------------------

  createSession(params: FormObject): CheckoutSessionObject {
    const created = nowSeconds();
    const input = parseSessionParams(params, created);
    const id = newId('cs_test');
    const session: CheckoutSessionObject = {
      id,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: input.amountTotal,
      amount_total: input.amountTotal,
      currency: input.currency,
      url: `${this.options.publicUrl()}/checkout/${id}`,
      metadata: input.metadata,
      client_reference_id: input.clientReferenceId,
      customer_email: input.customerEmail,
      customer_details: null,
      expires_at: input.expiresAt,
      payment_intent: null,
      created,
      livemode: false,
      success_url: input.successUrl.replaceAll('{CHECKOUT_SESSION_ID}', id),
      cancel_url: input.cancelUrl,
    };
    const record: SessionRecord = { session, lineItems: input.lineItems, intentMetadata: input.intentMetadata, expiryTimer: undefined };
    // The timer is the eager path; requireSession() also checks lazily in case it has not fired yet.
    record.expiryTimer = this.after(input.expiresAt * 1000 - Date.now(), () => this.expireIfDue(record));
    this.sessions.set(id, record);
    return session;
  }

  getSession(id: string): CheckoutSessionObject {
    return this.requireSession(id).session;
  }

  /** Oldest first, for the `GET /_emulator/sessions` control. */
  listSessions(): Array<Pick<CheckoutSessionObject, 'id' | 'status' | 'payment_status' | 'amount_total' | 'client_reference_id'>> {
    return [...this.sessions.values()].map((record) => {
      this.expireIfDue(record);
      const { id, status, payment_status, amount_total, client_reference_id } = record.session;
      return { id, status, payment_status, amount_total, client_reference_id };
    });
  }

  /** What the hosted page shows. */
  describeSession(id: string): { session: CheckoutSessionObject; lineItems: readonly LineItem[] } {
    const record = this.requireSession(id);
    return { session: record.session, lineItems: record.lineItems };
  }

  /** `POST /v1/checkout/sessions/:id/expire` and the `expire-now` control. */
  expireSession(id: string): CheckoutSessionObject {
    const record = this.requireSession(id);
    if (record.session.status !== 'open') {
      throw invalidRequest('Only Checkout Sessions with a status in [open] can be expired.', { param: 'session' });
    }
    this.expire(record);
    return record.session;
  }

  /** What submitting the hosted form (or the `pay` control) does with a card. */
  pay(id: string, card: CardDetails): PayResult {
    const record = this.requireSession(id);
    if (record.session.status !== 'open') {
      return { ok: false, error: invalidRequest(`This Checkout Session is ${record.session.status} and can no longer be paid.`, { param: 'session' }) };
    }
    const testCard = findTestCard(card.number);
    if (!testCard) {
      return { ok: false, error: new StripeApiError(400, UNKNOWN_CARD_MESSAGE, { type: 'card_error', code: 'incorrect_number', param: 'card' }) };
    }
    if (testCard.outcome === 'declined') {
      return { ok: false, error: new StripeApiError(402, DECLINED_MESSAGE, { type: 'card_error', code: 'card_declined' }) };
    }
    return { ok: true, session: this.completePayment(record, testCard.outcome, { ...card, number: testCard.number }) };
  }

  // ---- payment intents, charges, refunds ------------------------------------

  getPaymentIntent(id: string): PaymentIntentObject {
    const intent = this.intents.get(id);
    if (!intent) throw noSuch('payment_intent', id, 'intent');
    return intent;
  }

  getCharge(id: string): ChargeObject {
    const charge = this.charges.get(id);
    if (!charge) throw noSuch('charge', id, 'id');
    return charge;
  }

  getRefund(id: string): RefundObject {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id, 'id');
    return refund;
  }

  createRefund(params: FormObject): RefundObject {
    const charge = this.refundableCharge(params);
    const remaining = charge.amount - charge.amount_refunded;
    const amount = optionalInteger(params, 'amount') ?? remaining;
    if (amount <= 0) throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        { code: 'amount_too_large', param: 'amount' },
      );
    }
    const refund: RefundObject = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: charge.payment_intent,
      reason: parseRefundReason(optionalString(params, 'reason')),
      status: 'succeeded',
      metadata: optionalMetadata(params, 'metadata'),
      created: nowSeconds(),
    };
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.options.emit('charge.refunded', charge, this.sessionOfIntent.get(charge.payment_intent));
    return refund;
  }

  /** Resolves an id of any kind, for `expand[]`. */
  lookup(id: string): StripeObject | undefined {
    return this.sessions.get(id)?.session ?? this.intents.get(id) ?? this.charges.get(id) ?? this.refunds.get(id);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- internals ------------------------------------------------------------

  private requireSession(id: string): SessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw noSuch('checkout.session', id, 'session');
    this.expireIfDue(record);
    return record;
  }

  private expireIfDue(record: SessionRecord): void {
    if (record.session.status === 'open' && nowSeconds() >= record.session.expires_at) this.expire(record);
  }

  private expire(record: SessionRecord): void {
    this.cancelTimer(record.expiryTimer);
    record.expiryTimer = undefined;
    record.session.status = 'expired';
    record.session.url = null;
    this.options.emit('checkout.session.expired', record.session, record.session.id);
  }

  private completePayment(record: SessionRecord, outcome: PaidOutcome, card: CardDetails): CheckoutSessionObject {
    const { session } = record;
    const settled = outcome === 'succeeds';
    const created = nowSeconds();
    // Stripe copies only payment_intent_data.metadata; the app relies on the
    // session's metadata being on the intent too, so both are merged here.
    const metadata = { ...session.metadata, ...record.intentMetadata };
    const intentId = newId('pi');
    const charge: ChargeObject = {
      id: newId('ch'),
      object: 'charge',
      amount: session.amount_total,
      amount_captured: settled ? session.amount_total : 0,
      amount_refunded: 0,
      currency: session.currency,
      status: settled ? 'succeeded' : 'pending',
      paid: settled,
      captured: settled,
      refunded: false,
      failure_code: null,
      failure_message: null,
      payment_intent: intentId,
      metadata: { ...metadata },
      billing_details: { name: card.name ?? null, email: session.customer_email },
      payment_method_details: {
        type: 'card',
        card: { brand: 'visa', last4: card.number.slice(-4), exp_month: card.expMonth ?? 12, exp_year: card.expYear ?? new Date().getUTCFullYear() + 5 },
      },
      created,
      livemode: false,
    };
    const intent: PaymentIntentObject = {
      id: intentId,
      object: 'payment_intent',
      amount: session.amount_total,
      amount_received: settled ? session.amount_total : 0,
      currency: session.currency,
      status: settled ? 'succeeded' : 'processing',
      latest_charge: charge.id,
      last_payment_error: null,
      metadata,
      payment_method_types: ['card'],
      description: null,
      created,
      livemode: false,
    };
    this.charges.set(charge.id, charge);
    this.intents.set(intent.id, intent);
    this.sessionOfIntent.set(intent.id, session.id);

    this.cancelTimer(record.expiryTimer);
    record.expiryTimer = undefined;
    session.status = 'complete';
    session.payment_status = settled ? 'paid' : 'unpaid';
    session.payment_intent = intent.id;
    session.url = null;
    session.customer_details = { email: session.customer_email, name: card.name ?? null };
    this.options.emit('checkout.session.completed', session, session.id);

    if (!settled) {
      const succeeds = outcome === 'succeeds_after_delay';
      this.after(this.options.asyncPaymentDelayMs, () => this.settleDelayedPayment(record, intent, charge, succeeds));
    }
    return session;
  }

  private settleDelayedPayment(record: SessionRecord, intent: PaymentIntentObject, charge: ChargeObject, succeeds: boolean): void {
    const { session } = record;
    if (succeeds) {
      Object.assign(charge, { status: 'succeeded', paid: true, captured: true, amount_captured: charge.amount });
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
      session.payment_status = 'paid';
      this.options.emit('checkout.session.async_payment_succeeded', session, session.id);
      return;
    }
    Object.assign(charge, { status: 'failed', failure_code: 'card_declined', failure_message: DECLINED_MESSAGE });
    intent.status = 'requires_payment_method';
    intent.last_payment_error = { type: 'card_error', code: 'card_declined', message: DECLINED_MESSAGE };
    this.options.emit('checkout.session.async_payment_failed', session, session.id);
  }

  private refundableCharge(params: FormObject): ChargeObject {
    const intentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    if (!intentId && !chargeId) {
      throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
    }
    const charge = chargeId ? this.getCharge(chargeId) : this.latestChargeOf(this.getPaymentIntent(intentId ?? ''));
    if (!charge || charge.status !== 'succeeded') {
      const subject = chargeId ? `Charge ${chargeId}` : `This PaymentIntent (${intentId})`;
      throw invalidRequest(`${subject} does not have a successful charge to refund.`, { code: 'charge_not_refundable' });
    }
    if (charge.amount_refunded >= charge.amount) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
    }
    return charge;
  }

  private latestChargeOf(intent: PaymentIntentObject): ChargeObject | undefined {
    return intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
  }

  /** Timers never keep the process alive and are all cleared by stop(). */
  private after(delayMs: number, callback: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      callback();
    }, Math.max(0, delayMs));
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private cancelTimer(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

function parseRefundReason(reason: string | undefined): RefundReason | null {
  if (reason === undefined) return null;
  const known = REFUND_REASONS.find((r) => r === reason);
  if (!known) throw invalidRequest(`Invalid reason: must be one of ${REFUND_REASONS.join(', ')}`, { param: 'reason' });
  return known;
}
