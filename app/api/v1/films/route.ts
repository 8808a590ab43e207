import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listFilms } from '@/domain/catalogue/films';
import { badRequest, ok, withErrors } from '@/web/api/respond';
import { serializeFilmCard } from '@/web/api/serialize';
import type { FilmList } from '@/web/api/openapi/schemas';
import { parseProgrammeFilters } from '@/domain/catalogue/programme-filters';

export const GET = withErrors(async (request: NextRequest) => {
  const parsed = parseProgrammeFilters(request.nextUrl.searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const films = await listFilms(festival, parsed.data);
  return ok<FilmList>({ festival: festival.slug, count: films.length, films: films.map(serializeFilmCard) });
});
