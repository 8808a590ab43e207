import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listScreenings } from '@/domain/catalogue/screenings';
import { badRequest, ok, withErrors } from '@/web/api/respond';
import { parseScreeningQuery } from '@/web/api/screening-query';
import { serializeScreening } from '@/web/api/serialize';
import type { ScreeningList } from '@/web/api/openapi/schemas';

export const GET = withErrors(async (request: NextRequest) => {
  const parsed = parseScreeningQuery(request.nextUrl.searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const { date, venue, film } = parsed.data;
  const screenings = await listScreenings(festival, { day: date, venue, filmSlug: film });
  return ok<ScreeningList>({ festival: festival.slug, timeZone: festival.timeZone, count: screenings.length, screenings: screenings.map((s) => serializeScreening(s, festival.timeZone)) });
});
