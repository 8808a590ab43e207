import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { orders } from './orders';
import { organisations } from './organisations';
import { accessScheme, screenings } from './screenings';

/**
 * requested: a partner asked for places; granted: staff granted them (the places are the partner's to claim);
 * declined: staff said no; returned: every unused place went back (by the partner, or at the cut-off).
 */
export const allotmentStatus = pgEnum('allotment_status', ['requested', 'granted', 'declined', 'returned']);

/**
 * A verified partner organisation's share of a scheme's places at one screening (Community Access).
 * `quantity` places are the partner's; `used` of them are taken, by tickets claimed or access codes issued.
 * Granted allotments never add up to more than the scheme's pool (inventory_pools.allotted <= capacity).
 */
export const allotments = pgTable(
  'allotments',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    scheme: accessScheme().notNull().default('community_access'),
    status: allotmentStatus().notNull().default('requested'),
    /** What the partner asked for (a staff assignment asks for what it grants). */
    requestedQuantity: integer().notNull(),
    quantity: integer().notNull().default(0),
    used: integer().notNull().default(0),
    note: text(),
    requestedBy: text().references(() => users.id, { onDelete: 'set null' }),
    decidedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('allotments_screening_organisation_key').on(t.screeningId, t.organisationId, t.scheme),
    index('allotments_organisation_idx').on(t.organisationId),
    check('allotments_counts_valid', sql`${t.used} >= 0 AND ${t.used} <= ${t.quantity} AND ${t.requestedQuantity} > 0`),
  ],
);

export const accessCodeStatus = pgEnum('access_code_status', ['issued', 'redeemed', 'void']);

/** A single-use code a partner hands to one person, redeemed on the screening page for one $0 ticket. */
export const accessCodes = pgTable(
  'access_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    allotmentId: uuid()
      .notNull()
      .references(() => allotments.id, { onDelete: 'cascade' }),
    /** What the person types: short, unambiguous, unguessable (platform/tokens.ts). */
    code: text().notNull().unique(),
    status: accessCodeStatus().notNull().default('issued'),
    /** Optional, for the partner's own records. */
    label: text(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    redeemedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('access_codes_allotment_idx').on(t.allotmentId)],
);

export type Allotment = typeof allotments.$inferSelect;
export type AllotmentStatus = (typeof allotmentStatus.enumValues)[number];
export type AccessCode = typeof accessCodes.$inferSelect;
