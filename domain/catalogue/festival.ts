import 'server-only';
import { cache } from 'react';
import { asc, eq, sql } from 'drizzle-orm';
import { getEnv } from '@/platform/env';
import { daysBetween } from '@/lib/time';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { festivals, sections, venues } from '@/db/schema';
import { accessibilityFeature } from '@/db/schema/screenings';
import { FEATURE_LABEL_SHORT } from '@/domain/catalogue/features';

export interface FestivalSummary {
  id: string;
  slug: string;
  name: string;
  edition: string;
  tagline: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  currency: string;
  /** Every festival day, YYYY-MM-DD in the festival's zone. */
  days: string[];
}

/** The festival this site shows (FESTIVAL_SLUG), or null before it is set up. */
export const getCurrentFestival = cache(async (): Promise<FestivalSummary | null> => {
  const [row] = await getDb().select().from(festivals).where(eq(festivals.slug, getEnv().FESTIVAL_SLUG));
  if (!row) return null;
  return { ...row, days: daysBetween(row.startsOn, row.endsOn) };
});

export async function requireCurrentFestival(): Promise<FestivalSummary> {
  const festival = await getCurrentFestival();
  if (!festival) throw new Error('The festival is not set up: run `npm run db:migrate` to seed it.');
  return festival;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface ProgrammeFilterOptions {
  days: string[];
  sections: FilterOption[];
  venues: FilterOption[];
  countries: FilterOption[];
  languages: FilterOption[];
  features: FilterOption[];
}


export const listProgrammeFilterOptions = cache(async (festival: FestivalSummary): Promise<ProgrammeFilterOptions> => {
  const db = getDb();
  const [sectionRows, venueRows, facets] = await Promise.all([
    db.select({ value: sections.slug, label: sections.name }).from(sections).where(eq(sections.festivalId, festival.id)).orderBy(asc(sections.position)),
    db.select({ value: venues.slug, label: venues.name }).from(venues).where(eq(venues.festivalId, festival.id)).orderBy(asc(venues.name)),
    // Countries and languages are free text on films; offer only values that occur.
    rows<{ kind: 'country' | 'language'; value: string }>(db, sqlFacets(festival.id)),
  ]);
  const countries = facets.filter((f) => f.kind === 'country').map((f) => ({ value: f.value, label: f.value }));
  const languages = facets.filter((f) => f.kind === 'language').map((f) => ({ value: f.value, label: f.value }));
  return {
    days: festival.days,
    sections: sectionRows,
    venues: venueRows,
    countries,
    languages,
    features: accessibilityFeature.enumValues.map((value) => ({ value, label: FEATURE_LABEL_SHORT[value].long })),
  };
});

function sqlFacets(festivalId: string) {
  return sql`
    SELECT DISTINCT 'country' AS kind, unnest(countries) AS value FROM films WHERE festival_id = ${festivalId}
    UNION
    SELECT DISTINCT 'language' AS kind, unnest(languages) AS value FROM films WHERE festival_id = ${festivalId}
    ORDER BY kind, value`;
}
