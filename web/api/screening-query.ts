import { isIsoDate } from '@/lib/time';
import { z } from '@/web/api/openapi/zod';
import { PageQuery } from '@/web/api/pagination';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug such as "lumen-cinema"').max(100);

/** Query of `GET /api/v1/screenings`. */
export const ScreeningQuery = z
  .object({
    // A refinement is invisible to the generator: the format is stated for the document.
    date: z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD').openapi({ format: 'date', param: { description: 'Festival-local date' } }).optional(),
    venue: slug.openapi({ param: { description: 'Venue slug' } }).optional(),
    film: slug.openapi({ param: { description: 'Film slug' } }).optional(),
  })
  .extend(PageQuery.shape)
  .strict();

export function parseScreeningQuery(params: URLSearchParams) {
  return ScreeningQuery.safeParse(Object.fromEntries(params.entries()));
}
