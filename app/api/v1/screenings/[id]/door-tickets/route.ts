import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getDoorScreening, searchDoorTickets } from '@/domain/check-in/queries';
import { DoorSearchQuery, noStore, serializeSearch, type DoorSearchBody } from '@/web/api/check-in';
import { badRequest, notFound, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { apiUserWith } from '@/web/api/session';

/** The door's name search: valid tickets of this screening by holder or buyer name, at most 20, no scheme shown. */
export const GET = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return notFound('Screening');
  const query = DoorSearchQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return badRequest(query.error.issues);
  const db = getDb();
  if (!(await getDoorScreening(db, id))) return notFound('Screening');
  return NextResponse.json<DoorSearchBody>(serializeSearch(await searchDoorTickets(db, id, query.data.q)), { headers: noStore });
});
