import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { festivals } from './festivals';

export const seatingMode = pgEnum('seating_mode', ['reserved', 'general_admission']);
export const seatKind = pgEnum('seat_kind', ['standard', 'wheelchair', 'companion', 'aisle']);

export const venues = pgTable(
  'venues',
  {
    id: uuid().primaryKey().defaultRandom(),
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    addressLine: text().notNull(),
    city: text().notNull(),
    postalCode: text(),
    description: text().notNull().default(''),
    accessibilityInfo: text().notNull().default(''),
    stepFree: boolean().notNull().default(false),
    hearingLoop: boolean().notNull().default(false),
    seating: seatingMode().notNull(),
    /** General-admission capacity; null for reserved venues, whose capacity is their seats. */
    capacity: integer(),
    /** Minutes between one screening's end and the next one's start in this venue (cleaning, seating). */
    changeoverMinutes: integer().notNull().default(15),
  },
  (t) => [
    uniqueIndex('venues_festival_slug_key').on(t.festivalId, t.slug),
    check('venues_changeover_valid', sql`${t.changeoverMinutes} >= 0 AND ${t.changeoverMinutes} <= 240`),
    check(
      'venues_capacity_matches_seating',
      sql`(${t.seating} = 'general_admission' AND ${t.capacity} > 0) OR (${t.seating} = 'reserved' AND ${t.capacity} IS NULL)`,
    ),
  ],
);

export const seatSections = pgTable(
  'seat_sections',
  {
    id: uuid().primaryKey().defaultRandom(),
    venueId: uuid()
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('seat_sections_venue_name_key').on(t.venueId, t.name)],
);

export const seats = pgTable(
  'seats',
  {
    id: uuid().primaryKey().defaultRandom(),
    venueId: uuid()
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    sectionId: uuid()
      .notNull()
      .references(() => seatSections.id, { onDelete: 'cascade' }),
    rowLabel: text().notNull(),
    seatNumber: integer().notNull(),
    kind: seatKind().notNull().default('standard'),
    /** Grid position for the seat map (column and row in seat units). */
    x: integer().notNull(),
    y: integer().notNull(),
    /** Never sold (a broken seat, a camera position): new screenings start with it blocked. */
    blocked: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex('seats_venue_label_key').on(t.venueId, t.sectionId, t.rowLabel, t.seatNumber),
    uniqueIndex('seats_venue_position_key').on(t.venueId, t.x, t.y),
    index('seats_venue_idx').on(t.venueId),
  ],
);

export type Venue = typeof venues.$inferSelect;
export type SeatSection = typeof seatSections.$inferSelect;
export type Seat = typeof seats.$inferSelect;
export type SeatKind = (typeof seatKind.enumValues)[number];
