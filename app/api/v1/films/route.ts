import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/db/queries/festival';
import { listFilms } from '@/db/queries/films';
import { badRequest, ok, withErrors } from '@/lib/api/respond';
import { serializeFilmCard } from '@/lib/api/serialize';
import { parseProgrammeFilters } from '@/lib/programme-filters';

export const GET = withErrors(async (request: NextRequest) => {
  const parsed = parseProgrammeFilters(request.nextUrl.searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const films = await listFilms(festival, parsed.data);
  return ok({ festival: festival.slug, count: films.length, films: films.map(serializeFilmCard) });
});
