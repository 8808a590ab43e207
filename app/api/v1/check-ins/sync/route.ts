import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { syncCheckIns } from '@/domain/check-in/sync';
import { noStore, serializeSync, type SyncResultBody } from '@/web/api/check-in';
import { apiError, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** An offline device's admissions, sent on reconnecting; idempotent by clientScanId; double admissions reported. */
export const POST = withErrors(async (request: NextRequest) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "deviceLabel", "scans": [{ "clientScanId", "screeningId", "code", "scannedAt" }] }');
  const festival = await requireCurrentFestival();
  const result = await syncCheckIns(getDb(), auth.user, body, festival.timeZone);
  if (!result.ok) return apiError(result.reason === 'forbidden' ? 403 : 400, result.reason === 'forbidden' ? 'forbidden' : 'bad_request', result.message);
  return NextResponse.json<SyncResultBody>(serializeSync(result), { headers: noStore });
});
