import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getCheckInSummary, listCheckInConflicts } from '@/domain/check-in/queries';
import { noStore, serializeSummary, type CheckInSummaryBody } from '@/web/api/check-in';
import { notFound, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { apiUserWith } from '@/web/api/session';

/** Live door counts of a screening (admitted / expected, duplicates, refusals) and its cross-device conflicts. */
export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return notFound('Screening');
  const db = getDb();
  const summary = await getCheckInSummary(db, id);
  if (!summary) return notFound('Screening');
  return NextResponse.json<CheckInSummaryBody>(serializeSummary(summary, await listCheckInConflicts(db, id), summary.timeZone), { headers: noStore });
});
