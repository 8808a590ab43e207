import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { festivals } from './festivals';
import { accessScheme } from './screenings';

/**
 * A festival's rules for each access scheme: the share of a new screening's house it sets aside (basis points, so
 * 500 = 5%), when unclaimed places go back on general sale, and how many tickets one person may claim (Indigenous
 * Access; null = no limit). Staff edit them on /box-office/allocations; createScreening reads them.
 */
export const accessSchemeSettings = pgTable(
  'access_scheme_settings',
  {
    festivalId: uuid()
      .notNull()
      .references(() => festivals.id, { onDelete: 'cascade' }),
    scheme: accessScheme().notNull(),
    defaultShareBasisPoints: integer().notNull().default(0),
    /** Unclaimed places return to general sale this many hours before the screening starts. */
    releaseHoursBefore: integer().notNull().default(24),
    perScreeningLimit: integer(),
    perFestivalLimit: integer(),
    /** How long a waiting-list offer keeps its places for the person offered them. */
    offerMinutes: integer().notNull().default(120),
  },
  (t) => [
    primaryKey({ columns: [t.festivalId, t.scheme] }),
    check('access_scheme_settings_share_valid', sql`${t.defaultShareBasisPoints} BETWEEN 0 AND 10000`),
    check('access_scheme_settings_release_valid', sql`${t.releaseHoursBefore} >= 0`),
    check('access_scheme_settings_limits_valid', sql`coalesce(${t.perScreeningLimit}, 1) >= 1 AND coalesce(${t.perFestivalLimit}, 1) >= 1`),
    check('access_scheme_settings_offer_valid', sql`${t.offerMinutes} >= 5`),
  ],
);

export type AccessSchemeSettings = typeof accessSchemeSettings.$inferSelect;
