import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { poolKind } from './inventory';
import { screenings, ticketTypes } from './screenings';
import { seats } from './venues';

/**
 * active: places held, no payment started. checkout: a Stripe Checkout Session
 * is open ("payment pending"); only a confirmed expiry gives its places back.
 */
export const holdStatus = pgEnum('hold_status', ['active', 'checkout', 'converted', 'released', 'expired']);

export const holds = pgTable(
  'holds',
  {
    id: uuid().primaryKey(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    poolKind: poolKind().notNull().default('standard'),
    status: holdStatus().notNull().default('active'),
    quantity: integer().notNull(),
    /** sha256 of the secret the buyer's browser or API client holds. */
    tokenHash: text().notNull(),
    clientKey: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('holds_live_expiry_idx')
      .on(t.screeningId, t.expiresAt)
      .where(sql`${t.status} IN ('active', 'checkout')`),
    check('holds_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const holdItems = pgTable(
  'hold_items',
  {
    holdId: uuid()
      .notNull()
      .references(() => holds.id, { onDelete: 'cascade' }),
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'restrict' }),
    quantity: integer().notNull(),
    unitPriceCents: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.holdId, t.ticketTypeId] }), check('hold_items_quantity_positive', sql`${t.quantity} > 0`)],
);

/** The seats of a hold. The partial unique index is the backstop: no seat is in two live holds. */
export const holdSeats = pgTable(
  'hold_seats',
  {
    holdId: uuid()
      .notNull()
      .references(() => holds.id, { onDelete: 'cascade' }),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    seatId: uuid()
      .notNull()
      .references(() => seats.id, { onDelete: 'restrict' }),
    live: boolean().notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.holdId, t.seatId] }),
    uniqueIndex('hold_seats_live_seat_key')
      .on(t.screeningId, t.seatId)
      .where(sql`${t.live}`),
  ],
);

export type Hold = typeof holds.$inferSelect;
export type HoldStatus = (typeof holdStatus.enumValues)[number];
