import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { festivals } from './festivals';
import { orders, tickets } from './orders';

/** The festival's access fund: the balance is the sum of its ledger, kept on this row so a check can forbid overdrawing. */
export const accessFunds = pgTable(
  'access_funds',
  {
    festivalId: uuid()
      .primaryKey()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    balanceCents: integer().notNull().default(0),
  },
  (t) => [check('access_funds_balance_nonnegative', sql`${t.balanceCents} >= 0`)],
);

export const donationStatus = pgEnum('donation_status', ['pending', 'paid', 'refunded', 'expired']);

/**
 * A gift to the access fund: alone (the donation page, its own Stripe session) or added to a ticket order
 * (order_id set; paid with the order). `tickets` is how many "donate a ticket" it was, 0 for an amount.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    amountCents: integer().notNull(),
    tickets: integer().notNull().default(0),
    currency: text().notNull(),
    donorName: text().notNull(),
    donorEmail: text().notNull(),
    status: donationStatus().notNull().default('pending'),
    stripeSessionId: text().unique(),
    stripePaymentIntentId: text(),
    checkoutUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('donations_order_idx').on(t.orderId),
    index('donations_payment_intent_idx').on(t.stripePaymentIntentId),
    check('donations_amount_positive', sql`${t.amountCents} > 0 AND ${t.tickets} >= 0`),
  ],
);

/**
 * donation: a paid gift (credit). ticket: a donated ticket issued (debit at its face value).
 * donation_refund: a refunded gift (debit). ticket_void: a donated ticket voided before use (credit back).
 */
export const fundEntryKind = pgEnum('fund_entry_kind', ['donation', 'ticket', 'donation_refund', 'ticket_void']);

/** The access fund's ledger: append-only; amounts signed (credits positive). */
export const fundEntries = pgTable(
  'fund_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    kind: fundEntryKind().notNull(),
    amountCents: integer().notNull(),
    balanceAfterCents: integer().notNull(),
    donationId: uuid().references(() => donations.id, { onDelete: 'restrict' }),
    ticketId: uuid().references(() => tickets.id, { onDelete: 'restrict' }),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_entries_festival_idx').on(t.festivalId, t.createdAt),
    index('fund_entries_donation_idx').on(t.donationId),
    index('fund_entries_ticket_idx').on(t.ticketId),
    check('fund_entries_balance_nonnegative', sql`${t.balanceAfterCents} >= 0`),
    // Each event reaches the ledger once, however often the webhook or a command repeats.
    uniqueIndex('fund_entries_once_per_donation_key').on(t.donationId, t.kind).where(sql`${t.donationId} IS NOT NULL`),
    uniqueIndex('fund_entries_once_per_ticket_key').on(t.ticketId, t.kind).where(sql`${t.ticketId} IS NOT NULL`),
  ],
);

export type AccessFund = typeof accessFunds.$inferSelect;
export type Donation = typeof donations.$inferSelect;
export type FundEntry = typeof fundEntries.$inferSelect;
export type FundEntryKind = (typeof fundEntryKind.enumValues)[number];
