import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { festivals } from './festivals';
import { films } from './films';
import { venues } from './venues';

export const screeningStatus = pgEnum('screening_status', ['scheduled', 'on_sale', 'off_sale', 'cancelled']);

export const accessibilityFeature = pgEnum('accessibility_feature', [
  'open_captions',
  'closed_captions',
  'audio_description',
  'relaxed',
  'asl',
]);

/**
 * The access schemes: places set aside at every screening, free to the people each scheme serves. Their values are
 * also the kinds of their inventory pools (pool_kind); their URL slugs, labels and texts are in
 * domain/catalogue/access-schemes.ts. "Programme" means the festival's line-up only.
 */
export const accessScheme = pgEnum('access_scheme', ['indigenous_access', 'community_access', 'donated']);

export const screenings = pgTable(
  'screenings',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    venueId: uuid()
      .notNull()
      .references(() => venues.id, { onDelete: 'restrict' }),
    /** Set for a shorts programme (several films); a single-film screening uses the film's title. */
    programmeTitle: text(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    status: screeningStatus().notNull().default('scheduled'),
    /** When a scheduled screening goes on sale by itself. */
    onSaleAt: timestamp({ withTimezone: true }),
    /** When online sales stop (null: at the start); the desk may still sell until the start. */
    offSaleAt: timestamp({ withTimezone: true }),
    hasQa: boolean().notNull().default(false),
    guestNote: text(),
    features: accessibilityFeature().array().notNull().default(sql`'{}'::accessibility_feature[]`),
    cancellationNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('screenings_festival_starts_idx').on(t.festivalId, t.startsAt),
    index('screenings_venue_starts_idx').on(t.venueId, t.startsAt),
    check('screenings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The films a screening shows, in running order: one row for a feature, several for a shorts programme. */
export const screeningFilms = pgTable(
  'screening_films',
  {
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    filmId: uuid()
      .notNull()
      .references(() => films.id, { onDelete: 'restrict' }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.screeningId, t.filmId] }), index('screening_films_film_idx').on(t.filmId)],
);

/** The price list of a screening: all-in prices in cents. */
export const ticketTypes = pgTable(
  'ticket_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    description: text(),
    priceCents: integer().notNull(),
    position: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    /** Set on the $0 type each access scheme issues its tickets under; such a type is never on the public price list. */
    scheme: accessScheme(),
  },
  (t) => [
    uniqueIndex('ticket_types_screening_code_key').on(t.screeningId, t.code),
    uniqueIndex('ticket_types_screening_scheme_key')
      .on(t.screeningId, t.scheme)
      .where(sql`${t.scheme} IS NOT NULL`),
    check('ticket_types_price_nonnegative', sql`${t.priceCents} >= 0`),
  ],
);

/** Places set aside per screening for each access scheme. */
export const accessAllocations = pgTable(
  'access_allocations',
  {
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id, { onDelete: 'cascade' }),
    scheme: accessScheme().notNull(),
    quantity: integer().notNull(),
    /** When the scheme's unclaimed places went back on general sale (the cut-off job; once). */
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.screeningId, t.scheme] }),
    check('access_allocations_quantity_nonnegative', sql`${t.quantity} >= 0`),
  ],
);

export type Screening = typeof screenings.$inferSelect;
export type TicketType = typeof ticketTypes.$inferSelect;
export type AccessAllocation = typeof accessAllocations.$inferSelect;
export type ScreeningStatus = (typeof screeningStatus.enumValues)[number];
export type AccessibilityFeature = (typeof accessibilityFeature.enumValues)[number];
export type AccessScheme = (typeof accessScheme.enumValues)[number];
