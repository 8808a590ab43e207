import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisationKind = pgEnum('organisation_kind', ['community_partner', 'sponsor', 'distributor']);
/** applied: a community partner asked to join and waits for staff; verified: it may receive allotments and donated tickets. */
export const organisationStatus = pgEnum('organisation_status', ['applied', 'verified', 'declined']);

export const organisations = pgTable('organisations', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: organisationKind().notNull().default('community_partner'),
  status: organisationStatus().notNull().default('verified'),
  description: text().notNull().default(''),
  website: text(),
  /** Who the organisation serves, in its own words (its application). */
  serves: text().notNull().default(''),
  contactName: text(),
  contactEmail: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** When staff verified or declined it, who did (a user id; no foreign key so the organisation table stays first), and why. */
  reviewedAt: timestamp({ withTimezone: true }),
  reviewedBy: text(),
  reviewNote: text(),
});

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationStatus = (typeof organisationStatus.enumValues)[number];
