/**
 * The JSON shapes the emulator returns: the subset of Stripe's real objects
 * that the app reads, with the same field names and value types.
 */
export type Metadata = Record<string, string>;

export interface CheckoutSessionObject {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  /** Only set while the session can still be paid, as in Stripe. */
  url: string | null;
  metadata: Metadata;
  client_reference_id: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  expires_at: number;
  payment_intent: string | null;
  created: number;
  livemode: false;
  success_url: string;
  cancel_url: string | null;
}

/** Kept beside the session (Stripe only returns line items through a separate endpoint). */
export interface LineItem {
  description: string;
  currency: string;
  unit_amount: number;
  quantity: number;
  amount_total: number;
}

export interface PaymentError {
  type: 'card_error';
  code: string;
  message: string;
}

export interface PaymentIntentObject {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'processing' | 'succeeded' | 'requires_payment_method';
  latest_charge: string | null;
  last_payment_error: PaymentError | null;
  metadata: Metadata;
  payment_method_types: ['card'];
  description: string | null;
  created: number;
  livemode: false;
}

export interface ChargeObject {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  paid: boolean;
  captured: boolean;
  refunded: boolean;
  failure_code: string | null;
  failure_message: string | null;
  payment_intent: string;
  metadata: Metadata;
  billing_details: { name: string | null; email: string | null };
  payment_method_details: { type: 'card'; card: { brand: 'visa'; last4: string; exp_month: number; exp_year: number } };
  created: number;
  livemode: false;
}

export interface RefundObject {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  currency: string;
  payment_intent: string;
  reason: RefundReason | null;
  status: 'succeeded';
  metadata: Metadata;
  created: number;
}

export const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export type StripeObject = CheckoutSessionObject | PaymentIntentObject | ChargeObject | RefundObject;

export type EventType =
  | 'checkout.session.completed'
  | 'checkout.session.expired'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'charge.refunded';

export interface EventObject {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  type: EventType;
  data: { object: StripeObject };
  pending_webhooks: 1;
  request: { id: null; idempotency_key: null };
}
