import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orders } from './orders';
import { refunds } from './payments';
import { screenings } from './screenings';

/** running: the job is emailing holders and refunding; finished: every order reached an end state. */
export const cancellationStatus = pgEnum('cancellation_status', ['running', 'finished']);
/**
 * One order of a cancelled screening. pending: not yet emailed. offered: emailed, waiting for the holder's choice
 * (or the refund deadline). refund_pending: a refund row exists and the job is getting the money back.
 * refunded / exchanged / donated / closed ($0 tickets: nothing to give back) are the end states.
 */
export const cancellationOrderState = pgEnum('cancellation_order_state', [
  'pending',
  'offered',
  'refund_pending',
  'refunded',
  'exchanged',
  'donated',
  'closed',
]);

/** A screening's cancellation: who, why, when, and the job's progress (counts read off cancellation_orders). */
export const screeningCancellations = pgTable('screening_cancellations', {
  screeningId: uuid()
    .primaryKey()
    .references(() => screenings.id, { onDelete: 'cascade' }),
  status: cancellationStatus().notNull().default('running'),
  reason: text().notNull(),
  cancelledById: text().references(() => users.id, { onDelete: 'set null' }),
  /** Holders who have not chosen by then are refunded. */
  refundDeadline: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});

/** Each order of the cancelled screening and where it stands: the job resumes from here after a crash. */
export const cancellationOrders = pgTable(
  'cancellation_orders',
  {
    screeningId: uuid()
      .notNull()
      .references(() => screeningCancellations.screeningId, { onDelete: 'cascade' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    state: cancellationOrderState().notNull().default('pending'),
    /** sha256 of the secret in the holder's email link that lets them choose. */
    choiceTokenHash: text().notNull(),
    refundId: uuid().references(() => refunds.id, { onDelete: 'set null' }),
    /** The order an exchange made. */
    exchangeOrderId: uuid(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    offeredAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.screeningId, t.orderId] }),
    index('cancellation_orders_state_idx').on(t.screeningId, t.state),
    check('cancellation_orders_attempts_nonnegative', sql`${t.attempts} >= 0`),
  ],
);

export type ScreeningCancellation = typeof screeningCancellations.$inferSelect;
export type CancellationOrder = typeof cancellationOrders.$inferSelect;
export type CancellationOrderState = (typeof cancellationOrderState.enumValues)[number];
