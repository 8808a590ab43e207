import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { festivals } from './festivals';
import { organisations } from './organisations';
import { screenings } from './screenings';

export const donationRequestStatus = pgEnum('donation_request_status', [
  'submitted',
  'approved',
  'partly_approved',
  'declined',
  'fulfilled',
]);

/** A partner organisation asks for donated tickets for the people it serves; staff decide. */
export const donationRequests = pgTable(
  'donation_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The screenings asked for; empty when the partner gave a date range instead. */
    screeningIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    fromDate: date({ mode: 'string' }),
    toDate: date({ mode: 'string' }),
    quantity: integer().notNull(),
    /** Who the tickets are for, in the partner's words. */
    audience: text().notNull(),
    accessibilityNeeds: text().notNull().default(''),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    contactPhone: text(),
    status: donationRequestStatus().notNull().default('submitted'),
    /** Tickets issued against it so far. */
    issued: integer().notNull().default(0),
    /** Staff's message to the partner (a decline's reason). */
    staffMessage: text(),
    submittedBy: text().references(() => users.id, { onDelete: 'set null' }),
    decidedBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('donation_requests_status_idx').on(t.festivalId, t.status, t.createdAt),
    index('donation_requests_organisation_idx').on(t.organisationId, t.createdAt),
    check('donation_requests_quantity_valid', sql`${t.quantity} > 0 AND ${t.issued} >= 0`),
    check(
      'donation_requests_target_given',
      sql`cardinality(${t.screeningIds}) > 0 OR (${t.fromDate} IS NOT NULL AND ${t.toDate} IS NOT NULL AND ${t.toDate} >= ${t.fromDate})`,
    ),
  ],
);

export interface FairAllocationOutcome {
  requestId: string;
  quantity: number;
  /** Its position in the seeded shuffle. */
  draw: number;
  granted: boolean;
}

/**
 * A fair allocation run: the seed, the places there were, the requests in the draw and what each got.
 * Re-running domain/access-fund's lottery with the same seed and inputs gives the same outcome.
 */
export const fairAllocations = pgTable('fair_allocations', {
  id: uuid().primaryKey().defaultRandom(),
  screeningId: uuid()
    .notNull()
    .references(() => screenings.id, { onDelete: 'cascade' }),
  seed: text().notNull(),
  places: integer().notNull(),
  outcome: jsonb().$type<FairAllocationOutcome[]>().notNull(),
  runBy: text().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type DonationRequest = typeof donationRequests.$inferSelect;
export type DonationRequestStatus = (typeof donationRequestStatus.enumValues)[number];
export type FairAllocation = typeof fairAllocations.$inferSelect;
