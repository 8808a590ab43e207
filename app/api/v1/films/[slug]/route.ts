import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/db/queries/festival';
import { getFilmBySlug } from '@/db/queries/films';
import { notFound, ok, withErrors } from '@/lib/api/respond';
import { serializeFilmDetail } from '@/lib/api/serialize';

export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const festival = await requireCurrentFestival();
  const film = await getFilmBySlug(festival, (await params).slug);
  if (!film) return notFound('Film');
  return ok(serializeFilmDetail(film, festival.timeZone));
});
