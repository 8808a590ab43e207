import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listScreenings } from '@/domain/catalogue/screenings';
import { apiError, badRequest, ok, withErrors } from '@/web/api/respond';
import { decodeCursor, encodeCursor } from '@/web/api/pagination';
import { parseScreeningQuery } from '@/web/api/screening-query';
import { serializeScreening } from '@/web/api/serialize';
import type { ScreeningList } from '@/web/api/openapi/schemas';

const ScreeningCursor = z.tuple([z.iso.datetime({ offset: true }), z.string().max(200), z.guid()]);

export const GET = withErrors(async (request: NextRequest) => {
  const parsed = parseScreeningQuery(request.nextUrl.searchParams);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { date, venue, film, limit, cursor } = parsed.data;
  const key = cursor === undefined ? undefined : ScreeningCursor.safeParse(decodeCursor(cursor));
  if (key && !key.success) return apiError(400, 'bad_request', 'cursor must be a cursor returned by this endpoint', [{ path: 'cursor', message: 'must be a cursor returned by this endpoint' }]);
  const festival = await requireCurrentFestival();
  const after = key?.success ? { startsAt: key.data[0], venueName: key.data[1], id: key.data[2] } : undefined;
  // One more than the page, to know whether another page follows.
  const found = await listScreenings(festival, { day: date, venue, filmSlug: film, after, limit: limit + 1 });
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor([last.startsAt.toISOString(), last.venue.name, last.id]) : null;
  return ok<ScreeningList>({
    festival: festival.slug,
    timeZone: festival.timeZone,
    count: page.length,
    nextCursor,
    screenings: page.map((s) => serializeScreening(s, festival.timeZone)),
  });
});
