import { NextResponse, type NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listSaleStates } from '@/domain/catalogue/screenings';
import { AVAILABILITY_CACHE_CONTROL, AvailabilityQuery, type AvailabilityBody } from '@/web/api/live';
import { badRequest, withErrors } from '@/web/api/respond';

/** The live badges of the cached pages: each named screening's sale state and places left, kept a few seconds. */
export const GET = withErrors(async (request: NextRequest) => {
  const parsed = AvailabilityQuery.safeParse({ screenings: request.nextUrl.searchParams.get('screenings') ?? '' });
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const screenings = await listSaleStates(festival, parsed.data.screenings);
  return NextResponse.json<AvailabilityBody>({ screenings }, { headers: { 'Cache-Control': AVAILABILITY_CACHE_CONTROL } });
});
