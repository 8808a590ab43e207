import { sql } from 'drizzle-orm';
import { check, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orders } from './orders';
import { screenings } from './screenings';

/** open: handing out numbers. calling: places computed, numbers called in order. closed: reconciled. */
export const rushLineStatus = pgEnum('rush_line_status', ['open', 'calling', 'closed']);
/** waiting: holds a number. called: offered a place. sold: bought one (or more). turned_away: no place reached them. */
export const rushNumberStatus = pgEnum('rush_number_status', ['waiting', 'called', 'sold', 'turned_away']);

/** A sold-out screening's rush line: one per screening. */
export const rushLines = pgTable(
  'rush_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    status: rushLineStatus().notNull().default('open'),
    /** When, before the start, the console computes the places and starts calling numbers. */
    callMinutesBefore: integer().notNull().default(15),
    /** Places computed at calling time (capacity − checked in − kept tickets + released and returned places). */
    placesToSell: integer(),
    /** Valid unscanned tickets staff chose to release at calling time. */
    releasedTickets: integer().notNull().default(0),
    openedById: text().references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rush_lines_screening_key').on(t.screeningId),
    check('rush_lines_minutes_valid', sql`${t.callMinutesBefore} >= 0 AND ${t.callMinutesBefore} <= 180`),
  ],
);

/** Queue numbers, handed out in order; a number, not a name, is what the line knows. */
export const rushNumbers = pgTable(
  'rush_numbers',
  {
    id: uuid().primaryKey().defaultRandom(),
    rushLineId: uuid()
      .notNull()
      .references(() => rushLines.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    status: rushNumberStatus().notNull().default('waiting'),
    /** How many places this person wants (usually 1 or 2). */
    partySize: integer().notNull().default(1),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rush_numbers_line_number_key').on(t.rushLineId, t.number),
    check('rush_numbers_party_valid', sql`${t.partySize} >= 1 AND ${t.partySize} <= 4`),
    check('rush_numbers_number_positive', sql`${t.number} > 0`),
  ],
);

export type RushLine = typeof rushLines.$inferSelect;
export type RushNumber = typeof rushNumbers.$inferSelect;
export type RushLineStatus = (typeof rushLineStatus.enumValues)[number];
