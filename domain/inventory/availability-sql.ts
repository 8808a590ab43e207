import { sql, type SQL } from 'drizzle-orm';

/**
 * `isSelling` (availability.ts) inside a statement, for the hold command's
 * single read: the screening has not started, its off-sale time (if any) has
 * not passed, and it is on sale, or scheduled with its on-sale time passed. Kept out of availability.ts, which client
 * components import, so drizzle stays out of their bundle;
 * tests/integration/on-sale-rule.test.ts checks that the two agree.
 *
 * `screening` is the SQL alias of a `screenings` row, e.g. sql`s`.
 */
export function sellingNowSql(screening: SQL): SQL {
  return sql`(${screening}.starts_at > now() AND (${screening}.off_sale_at IS NULL OR ${screening}.off_sale_at > now()) AND (${screening}.status = 'on_sale' OR (${screening}.status = 'scheduled' AND ${screening}.on_sale_at <= now())))`;
}
