import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisationKind = pgEnum('organisation_kind', ['community_partner', 'sponsor', 'distributor']);

export const organisations = pgTable('organisations', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  kind: organisationKind().notNull().default('community_partner'),
  description: text().notNull().default(''),
  website: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Organisation = typeof organisations.$inferSelect;
