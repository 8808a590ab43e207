import { sql } from 'drizzle-orm';
import type { accessSchemeSettings } from '@/db/schema';
import { accessScheme, type AccessScheme } from '@/db/schema/screenings';
import { rows, type ColumnsOf, type SqlRunner } from '@/db/sql';

export interface SchemeSettings {
  scheme: AccessScheme;
  /** Share of a new screening's house set aside, in basis points (500 = 5%). */
  defaultShareBasisPoints: number;
  releaseHoursBefore: number;
  perScreeningLimit: number | null;
  perFestivalLimit: number | null;
  offerMinutes: number;
}

/**
 * What a festival without its own rows gets: no share set aside by default (staff choose), Indigenous Access
 * places back on sale 24 h before the screening and 2 per person per screening, partner allotments and donated
 * places 48 h before.
 */
export const DEFAULT_SCHEME_SETTINGS: Record<AccessScheme, Omit<SchemeSettings, 'scheme'>> = {
  indigenous_access: { defaultShareBasisPoints: 0, releaseHoursBefore: 24, perScreeningLimit: 2, perFestivalLimit: 8, offerMinutes: 120 },
  community_access: { defaultShareBasisPoints: 0, releaseHoursBefore: 48, perScreeningLimit: null, perFestivalLimit: null, offerMinutes: 120 },
  donated: { defaultShareBasisPoints: 0, releaseHoursBefore: 48, perScreeningLimit: null, perFestivalLimit: null, offerMinutes: 120 },
};

/** The festival's settings for every scheme, in the site's order, its own rows over the defaults. */
export async function listSchemeSettings(db: SqlRunner, festivalId: string): Promise<SchemeSettings[]> {
  const saved = await rows<ColumnsOf<typeof accessSchemeSettings>>(db, sql`
    SELECT * FROM access_scheme_settings WHERE festival_id = ${festivalId}`);
  return accessScheme.enumValues.map((scheme) => {
    const row = saved.find((r) => r.scheme === scheme);
    if (!row) return { scheme, ...DEFAULT_SCHEME_SETTINGS[scheme] };
    return {
      scheme,
      defaultShareBasisPoints: row.default_share_basis_points,
      releaseHoursBefore: row.release_hours_before,
      perScreeningLimit: row.per_screening_limit,
      perFestivalLimit: row.per_festival_limit,
      offerMinutes: row.offer_minutes,
    };
  });
}

export async function getSchemeSettings(db: SqlRunner, festivalId: string, scheme: AccessScheme): Promise<SchemeSettings> {
  return (await listSchemeSettings(db, festivalId)).find((s) => s.scheme === scheme)!;
}

/** The places a default share sets aside in a house: rounded down, so the defaults never take more than their share. */
export function defaultAllocation(house: number, shareBasisPoints: number): number {
  return Math.floor((house * shareBasisPoints) / 10_000);
}
