import { z } from 'zod';
import { isIsoDate } from '@/lib/time';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "lumen-cinema"').max(100);

/** Query of `GET /api/v1/screenings`. */
export const ScreeningQuery = z
  .object({
    date: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').optional(),
    venue: slug.optional(),
    film: slug.optional(),
  })
  .strict();

export function parseScreeningQuery(params: URLSearchParams) {
  return ScreeningQuery.safeParse(Object.fromEntries(params.entries()));
}

export { UUID_PATTERN as UUID } from '@/lib/ids';
