import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { holds } from './holds';
import { organisations } from './organisations';
import { accessScheme, screenings, ticketTypes } from './screenings';
import { seats } from './venues';

/**
 * pending: waiting for payment. paid: tickets issued. refund_due: money
 * arrived but no places could be given; the worker refunds it. expired /
 * failed: no payment. refunded: money returned, tickets void. cancelled: a $0
 * access order whose tickets were all given back.
 */
export const orderStatus = pgEnum('order_status', ['pending', 'paid', 'refund_due', 'refunded', 'expired', 'failed', 'cancelled', 'exchanged']);
/**
 * Where an order began: online (a buyer's hold and Stripe Checkout, or an access claim), at the box-office desk
 * (walk-up sale or complimentary tickets, sold by a staff member), or as the new half of an exchange.
 */
export const orderSource = pgEnum('order_source', ['online', 'door', 'exchange']);
export const ticketStatus = pgEnum('ticket_status', ['valid', 'void']);

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Short reference people read out at the box office. */
    number: text().notNull().unique(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'restrict' }),
    holdId: uuid()
      .notNull()
      .references(() => holds.id, { onDelete: 'restrict' }),
    status: orderStatus().notNull().default('pending'),
    /** The signed-in buyer, if any; guests are matched to their account by email later. */
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    buyerName: text().notNull(),
    buyerEmail: text().notNull(),
    totalCents: integer().notNull(),
    currency: text().notNull(),
    stripeSessionId: text().unique(),
    stripePaymentIntentId: text(),
    checkoutUrl: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    note: text(),
    /** Set for a $0 order of an access scheme (its tickets' scheme, whatever pool the places came from). */
    scheme: accessScheme(),
    /** The partner organisation the tickets were issued to (allotment claims, donated tickets). */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'restrict' }),
    /** The Ticket Donation Request the tickets answer. */
    donationRequestId: uuid(),
    source: orderSource().notNull().default('online'),
    /** The staff member who made a door or exchange order. */
    createdById: text().references(() => users.id, { onDelete: 'set null' }),
    /** For an exchange: the order whose tickets it replaced. */
    exchangedFromOrderId: uuid(),
  },
  (t) => [
    uniqueIndex('orders_hold_key').on(t.holdId),
    index('orders_organisation_idx').on(t.organisationId),
    index('orders_scheme_user_idx').on(t.scheme, t.userId).where(sql`${t.scheme} IS NOT NULL`),
    index('orders_email_idx').on(t.buyerEmail),
    index('orders_user_idx').on(t.userId),
    index('orders_payment_intent_idx').on(t.stripePaymentIntentId),
    check('orders_total_nonnegative', sql`${t.totalCents} >= 0`),
  ],
);

export const orderItems = pgTable('order_items', {
  id: uuid().primaryKey().defaultRandom(),
  orderId: uuid()
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  ticketTypeId: uuid()
    .notNull()
    .references(() => ticketTypes.id, { onDelete: 'restrict' }),
  name: text().notNull(),
  quantity: integer().notNull(),
  unitPriceCents: integer().notNull(),
});

export const tickets = pgTable(
  'tickets',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Unguessable: it is the secret of the ticket page and what the QR code carries. */
    code: text().notNull().unique(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'restrict' }),
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'restrict' }),
    seatId: uuid().references(() => seats.id, { onDelete: 'restrict' }),
    status: ticketStatus().notNull().default('valid'),
    priceCents: integer().notNull(),
    holderName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('tickets_order_idx').on(t.orderId),
    // The backstop: one valid ticket per seat per screening.
    uniqueIndex('tickets_valid_seat_key')
      .on(t.screeningId, t.seatId)
      .where(sql`${t.status} = 'valid' AND ${t.seatId} IS NOT NULL`),
  ],
);

export type Order = typeof orders.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type OrderSource = (typeof orderSource.enumValues)[number];
export type Ticket = typeof tickets.$inferSelect;
