import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { holds } from './holds';
import { accessScheme, screenings } from './screenings';

/**
 * waiting: in line. offered: places are kept for them by a hold until offer_expires_at (the claim link's life).
 * claimed: they took the offer. lapsed: the offer ran out. withdrawn: they left the list.
 */
export const waitlistStatus = pgEnum('waitlist_status', ['waiting', 'offered', 'claimed', 'lapsed', 'withdrawn']);

/** "Tell me if places come back": people waiting for an access scheme's places at one screening, first come first offered. */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    scheme: accessScheme().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    status: waitlistStatus().notNull().default('waiting'),
    /** The hold that keeps the offered places. */
    offerHoldId: uuid().references(() => holds.id, { onDelete: 'set null' }),
    /** sha256 of the claim link's secret. */
    offerTokenHash: text(),
    offerExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('waitlist_entries_line_idx').on(t.screeningId, t.scheme, t.createdAt),
    // One place in line per person per screening and scheme.
    uniqueIndex('waitlist_entries_one_live_key')
      .on(t.screeningId, t.scheme, t.userId)
      .where(sql`${t.status} IN ('waiting', 'offered')`),
    check('waitlist_entries_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type WaitlistStatus = (typeof waitlistStatus.enumValues)[number];
