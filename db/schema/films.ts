import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { festivals, sections } from './festivals';
import { organisations } from './organisations';
import { people } from './people';

export const premiereStatus = pgEnum('premiere_status', [
  'world',
  'international',
  'north_american',
  'canadian',
  'regional',
  'none',
]);

export const ageRestriction = pgEnum('age_restriction', ['all_ages', '13_plus', '16_plus', '18_plus']);

export const creditRole = pgEnum('credit_role', [
  'director',
  'producer',
  'screenwriter',
  'cinematography',
  'editor',
  'production_design',
  'original_music',
]);

export const films = pgTable(
  'films',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    sectionId: uuid().references(() => sections.id, { onDelete: 'set null' }),
    slug: text().notNull(),
    title: text().notNull(),
    originalTitle: text(),
    logline: text().notNull().default(''),
    synopsis: text().notNull().default(''),
    countries: text().array().notNull().default(sql`'{}'::text[]`),
    year: integer(),
    runtimeMinutes: integer(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    subtitles: text(),
    premiereStatus: premiereStatus().notNull().default('none'),
    genres: text().array().notNull().default(sql`'{}'::text[]`),
    contentAdvisories: text().array().notNull().default(sql`'{}'::text[]`),
    ageRestriction: ageRestriction().notNull().default('all_ages'),
    note: text(),
    posterPath: text(),
    stillPath: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('films_festival_slug_key').on(t.festivalId, t.slug),
    index('films_section_idx').on(t.sectionId),
    check('films_runtime_positive', sql`${t.runtimeMinutes} IS NULL OR ${t.runtimeMinutes} > 0`),
    check('films_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const filmCredits = pgTable(
  'film_credits',
  {
    filmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: creditRole().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.role, t.personId] }), index('film_credits_person_idx').on(t.personId)],
);

export const filmCast = pgTable(
  'film_cast',
  {
    filmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    characterName: text(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.personId] }), index('film_cast_person_idx').on(t.personId)],
);

export const filmPartners = pgTable(
  'film_partners',
  {
    filmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.organisationId] })],
);

export const relatedFilms = pgTable(
  'related_films',
  {
    filmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    relatedFilmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.filmId, t.relatedFilmId] }),
    check('related_films_not_self', sql`${t.filmId} <> ${t.relatedFilmId}`),
  ],
);

export type Film = typeof films.$inferSelect;
export type FilmCredit = typeof filmCredits.$inferSelect;
export type FilmCastMember = typeof filmCast.$inferSelect;
