import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export interface FilmographyEntry {
  title: string;
  year: number;
}

export const people = pgTable('people', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  bio: text(),
  filmography: jsonb().$type<FilmographyEntry[]>().notNull().default([]),
});

export type Person = typeof people.$inferSelect;
