import { sql, type SQL } from 'drizzle-orm';
import { accessScheme } from '@/db/schema/screenings';
import { DEFAULT_SCHEME_SETTINGS } from './settings';

/**
 * A scheme's cut-off as SQL: the screening's start minus the festival's release_hours_before for the scheme, or the
 * default of settings.ts when the festival has no row. For a statement that names the screening `s`, the allocation
 * `a` and LEFT JOINs `access_scheme_settings` as `st`; the page, the API and the release job all read it from here.
 */
export function cutOffAtSql(): SQL {
  const cases = accessScheme.enumValues.map((s) => sql`WHEN ${s}::access_scheme THEN ${DEFAULT_SCHEME_SETTINGS[s].releaseHoursBefore}::int`);
  return sql`(s.starts_at - make_interval(hours => coalesce(st.release_hours_before, CASE a.scheme ${sql.join(cases, sql` `)} END)))`;
}

/** The join that cutOffAtSql reads the festival's settings through. */
export const SETTINGS_JOIN = sql`LEFT JOIN access_scheme_settings st ON st.festival_id = s.festival_id AND st.scheme = a.scheme`;
