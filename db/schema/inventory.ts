import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { accessScheme, screenings } from './screenings';
import { seats } from './venues';

export const seatState = pgEnum('seat_state', ['available', 'held', 'sold', 'blocked']);
/** A screening's counted places: the standard (paid) pool, and one pool per access scheme. */
export const poolKind = pgEnum('pool_kind', ['standard', ...accessScheme.enumValues]);

/** One row per seat per screening of a reserved venue. */
export const screeningSeats = pgTable(
  'screening_seats',
  {
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    seatId: uuid()
      .notNull()
      .references(() => seats.id, { onDelete: 'restrict' }),
    state: seatState().notNull().default('available'),
    /** The hold that holds or bought the seat; no foreign key so that the hold table stays independent. */
    holdId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.screeningId, t.seatId] }),
    index('screening_seats_hold_idx').on(t.holdId),
    check('screening_seats_hold_matches_state', sql`(${t.state} IN ('held', 'sold')) = (${t.holdId} IS NOT NULL)`),
    index('screening_seats_available_idx')
      .on(t.screeningId)
      .where(sql`${t.state} = 'available'`),
  ],
);

/**
 * Counted places of a screening: general admission, and each access scheme's share.
 * The check makes over-selling impossible whatever the caller does.
 */
export const inventoryPools = pgTable(
  'inventory_pools',
  {
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    kind: poolKind().notNull(),
    capacity: integer().notNull(),
    held: integer().notNull().default(0),
    sold: integer().notNull().default(0),
    /** Places of an access scheme's pool granted to partner organisations (allotments.quantity, summed). */
    allotted: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.screeningId, t.kind] }),
    check('inventory_pools_counts_valid', sql`${t.held} >= 0 AND ${t.sold} >= 0 AND ${t.held} + ${t.sold} <= ${t.capacity}`),
    check('inventory_pools_allotted_valid', sql`${t.allotted} >= 0 AND ${t.allotted} <= ${t.capacity}`),
  ],
);

export type ScreeningSeat = typeof screeningSeats.$inferSelect;
export type InventoryPool = typeof inventoryPools.$inferSelect;
export type SeatState = (typeof seatState.enumValues)[number];
export type PoolKind = (typeof poolKind.enumValues)[number];
