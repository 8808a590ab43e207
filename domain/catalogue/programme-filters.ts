import { z } from 'zod';
import { isIsoDate } from '@/lib/time';

const FEATURES = ['open_captions', 'closed_captions', 'audio_description', 'relaxed', 'asl'] as const;
const slug = z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "panorama"').max(100);
const label = z.string().trim().min(1).max(80);

/** Programme filters as they appear in the URL (and in the JSON API). */
export const ProgrammeFilters = z.object({
  day: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').optional(),
  section: slug.optional(),
  venue: slug.optional(),
  country: label.optional(),
  language: label.optional(),
  feature: z.enum(FEATURES, { message: `must be one of ${FEATURES.join(', ')}` }).optional(),
  q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
});

export type ProgrammeFilters = z.infer<typeof ProgrammeFilters>;

export const FILTER_KEYS = ['day', 'section', 'venue', 'country', 'language', 'feature', 'q'] as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function pick(raw: RawParams, key: string): string | undefined {
  const value = raw instanceof URLSearchParams ? (raw.get(key) ?? undefined) : raw[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === '' ? undefined : one;
}

/** Strict parse for the API: any bad value is an error. */
export function parseProgrammeFilters(raw: RawParams) {
  const input = Object.fromEntries(FILTER_KEYS.map((k) => [k, pick(raw, k)]));
  return ProgrammeFilters.safeParse(input);
}

/**
 * Lenient parse for pages: a bad value (an edited URL) is dropped and
 * reported, so the page still shows the rest of the programme.
 */
export function parseProgrammeFiltersLenient(raw: RawParams): { filters: ProgrammeFilters; invalid: string[] } {
  const filters: Record<string, string> = {};
  const invalid: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = pick(raw, key);
    if (value === undefined) continue;
    const one = ProgrammeFilters.shape[key].safeParse(value);
    if (one.success && one.data !== undefined && one.data !== '') filters[key] = one.data;
    else if (!one.success) invalid.push(key);
  }
  return { filters: filters as ProgrammeFilters, invalid };
}

export function hasScreeningFilters(f: ProgrammeFilters): boolean {
  return Boolean(f.day || f.venue || f.feature);
}

/** A URL query string for filters, leaving out empty values; `patch` overrides. */
export function filtersToQuery(f: ProgrammeFilters, patch: Partial<Record<keyof ProgrammeFilters, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = key in patch ? patch[key] : f[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
