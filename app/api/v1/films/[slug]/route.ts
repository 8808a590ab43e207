import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { notFound, ok, withErrors } from '@/web/api/respond';
import { serializeFilmDetail } from '@/web/api/serialize';

export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const festival = await requireCurrentFestival();
  const film = await getFilmBySlug(festival, (await params).slug);
  if (!film) return notFound('Film');
  return ok(serializeFilmDetail(film, festival.timeZone));
});
