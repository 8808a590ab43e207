import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from './orders';

/**
 * foreign_session: the paid Checkout Session is not the order's own session.
 * amount_mismatch / currency_mismatch: it is, but it did not charge the
 * order's total in the order's currency. Either way no tickets are issued.
 */
export const paymentMismatchReason = pgEnum('payment_mismatch_reason', ['foreign_session', 'amount_mismatch', 'currency_mismatch']);
export const paymentMismatchStatus = pgEnum('payment_mismatch_status', ['refund_due', 'refunded']);

/**
 * Money that arrived but could not pay for anything: recorded for staff and
 * refunded by the worker. One row per payment intent, so a redelivered or
 * replayed event records it once.
 */
export const paymentMismatches = pgTable(
  'payment_mismatches',
  {
    id: uuid().primaryKey().defaultRandom(),
    stripeSessionId: text().notNull(),
    stripePaymentIntentId: text().notNull().unique(),
    /** The order the session named or belongs to, if there is one. */
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    amountCents: integer().notNull(),
    currency: text().notNull(),
    reason: paymentMismatchReason().notNull(),
    status: paymentMismatchStatus().notNull().default('refund_due'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    refundedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('payment_mismatches_order_idx').on(t.orderId)],
);

export type PaymentMismatch = typeof paymentMismatches.$inferSelect;
export type PaymentMismatchReason = (typeof paymentMismatchReason.enumValues)[number];
