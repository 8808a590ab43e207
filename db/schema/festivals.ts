import { date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const festivals = pgTable('festivals', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  edition: text().notNull(),
  tagline: text(),
  startsOn: date({ mode: 'string' }).notNull(),
  endsOn: date({ mode: 'string' }).notNull(),
  /** IANA zone; every time on the site is shown in it. */
  timeZone: text().notNull(),
  currency: text().notNull().default('CAD'),
});

export const sections = pgTable(
  'sections',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('sections_festival_slug_key').on(t.festivalId, t.slug)],
);

export type Festival = typeof festivals.$inferSelect;
export type Section = typeof sections.$inferSelect;
