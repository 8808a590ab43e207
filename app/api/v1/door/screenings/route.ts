import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listDoorScreenings } from '@/domain/check-in/queries';
import { DoorDateQuery, doorDate, noStore, serializeDoorScreenings, type DoorScreeningList } from '@/web/api/check-in';
import { badRequest, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** The door's screenings of one festival day (today by default), with expected and admitted counts. */
export const GET = withErrors(async (request: NextRequest) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const query = DoorDateQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error.issues);
  const festival = await requireCurrentFestival();
  const date = doorDate(query.data, festival.timeZone);
  const list = await listDoorScreenings(getDb(), festival, date);
  return NextResponse.json<DoorScreeningList>(serializeDoorScreenings(date, festival.timeZone, list), { headers: noStore });
});
