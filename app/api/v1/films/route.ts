import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listFilms } from '@/domain/catalogue/films';
import { apiError, badRequest, ok, withErrors } from '@/web/api/respond';
import { decodeCursor, encodeCursor, PageQuery } from '@/web/api/pagination';
import { serializeFilmCard } from '@/web/api/serialize';
import type { FilmList } from '@/web/api/openapi/schemas';
import { parseProgrammeFilters } from '@/domain/catalogue/programme-filters';

/** A film list cursor carries the position after the page: the programme is a few hundred films, ordered by title. */
const FilmCursor = z.tuple([z.literal('after'), z.number().int().min(0).max(100_000)]);

export const GET = withErrors(async (request: NextRequest) => {
  const params = request.nextUrl.searchParams;
  const parsed = parseProgrammeFilters(params);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const page = PageQuery.safeParse({ limit: params.get('limit') ?? undefined, cursor: params.get('cursor') ?? undefined });
  if (!page.success) return badRequest(page.error.issues);
  const key = page.data.cursor === undefined ? undefined : FilmCursor.safeParse(decodeCursor(page.data.cursor));
  if (key && !key.success) return apiError(400, 'bad_request', 'cursor must be a cursor returned by this endpoint', [{ path: 'cursor', message: 'must be a cursor returned by this endpoint' }]);
  const start = key?.success ? key.data[1] : 0;
  const festival = await requireCurrentFestival();
  const films = await listFilms(festival, parsed.data);
  const slice = films.slice(start, start + page.data.limit);
  const end = start + slice.length;
  return ok<FilmList>({
    festival: festival.slug,
    count: slice.length,
    nextCursor: end < films.length ? encodeCursor(['after', end]) : null,
    films: slice.map(serializeFilmCard),
  });
});
