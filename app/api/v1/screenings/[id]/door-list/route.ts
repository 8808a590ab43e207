import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getDoorList } from '@/domain/check-in/queries';
import { getOrderSettings } from '@/domain/payments/checkout';
import { noStore, serializeDoorList, type DoorListBody } from '@/web/api/check-in';
import { notFound, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { apiUserWith } from '@/web/api/session';

/** The offline door list of a screening: keyed hashes of valid tickets' codes, admitted state and seats; no names, no codes. */
export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return notFound('Screening');
  const list = await getDoorList(getDb(), id, getOrderSettings().appSecret);
  if (!list) return notFound('Screening');
  return NextResponse.json<DoorListBody>(serializeDoorList(list, list.timeZone), { headers: noStore });
});
