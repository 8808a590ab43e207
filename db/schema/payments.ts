import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orders } from './orders';

/** Every Stripe event applied, by its id: a redelivered or replayed event is recognised and skipped. */
export const stripeEvents = pgTable('stripe_events', {
  id: text().primaryKey(),
  type: text().notNull(),
  processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * How money came in: Stripe (online checkout, or a card taken through Stripe at the desk), cash, an external card
 * terminal (recorded by hand: the terminal's own receipt is the proof), complimentary (no money, a reason required),
 * or credit carried over from an exchanged order.
 */
export const paymentMethod = pgEnum('payment_method', ['stripe', 'cash', 'card_terminal', 'complimentary', 'exchange_credit']);
/** Who asked for a refund: the buyer (through staff or a cancellation choice), staff on their own, or the system. */
export const refundSource = pgEnum('refund_source', ['buyer', 'staff', 'automatic']);
/** pending: recorded, money not yet confirmed back (a Stripe call to make or retry). */
export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

/** Money received for an order, one row per payment (an order may have a Stripe payment and an exchange credit). */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    method: paymentMethod().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    stripePaymentIntentId: text(),
    /** A card terminal's receipt number, or the order an exchange credit came from. */
    reference: text(),
    /** Why tickets were complimentary. */
    reason: text(),
    /** The staff member who took it at the desk; null online. */
    recordedById: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    uniqueIndex('payments_stripe_intent_key')
      .on(t.stripePaymentIntentId)
      .where(sql`${t.stripePaymentIntentId} IS NOT NULL`),
    check('payments_amount_nonnegative', sql`${t.amountCents} >= 0`),
    check('payments_comp_has_reason', sql`${t.method} <> 'complimentary' OR (${t.reason} IS NOT NULL AND ${t.amountCents} = 0)`),
  ],
);

/**
 * Money given back, one row per refund (several partial refunds may follow one payment). `requestKey` makes a
 * replayed form or a retried job step land once; `stripeRefundId` is set when Stripe confirmed it.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    paymentId: uuid().references(() => payments.id, { onDelete: 'restrict' }),
    method: paymentMethod().notNull(),
    amountCents: integer().notNull(),
    /** The part of amountCents that was a gift to the access fund (refunded only on purpose). */
    donationCents: integer().notNull().default(0),
    currency: text().notNull(),
    source: refundSource().notNull(),
    status: refundStatus().notNull().default('pending'),
    reason: text().notNull(),
    /** The tickets this refund voided (none for a price adjustment). */
    ticketIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    requestKey: text().notNull(),
    stripeRefundId: text(),
    requestedById: text().references(() => users.id, { onDelete: 'set null' }),
    failureMessage: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('refunds_order_idx').on(t.orderId),
    uniqueIndex('refunds_request_key').on(t.requestKey),
    index('refunds_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
    check('refunds_amount_valid', sql`${t.amountCents} >= 0 AND ${t.donationCents} >= 0 AND ${t.donationCents} <= ${t.amountCents}`),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
export type Refund = typeof refunds.$inferSelect;
export type RefundSource = (typeof refundSource.enumValues)[number];
export type RefundStatus = (typeof refundStatus.enumValues)[number];
