import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { admitTicket } from '@/domain/check-in/admit';
import { scanResponse } from '@/web/api/check-in';
import { apiError, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** One scan at the door: admitted once, then "already admitted at … by …"; void and other screenings' tickets refused. */
export const POST = withErrors(async (request: NextRequest) => {
  const auth = await apiUserWith('door.check_in');
  if ('response' in auth) return auth.response;
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined || typeof body !== 'object' || body === null) {
    return apiError(400, 'bad_request', 'The body must be JSON: { "screeningId", "code" or "ticketId", "deviceLabel", "method": "qr" | "code" | "name" }');
  }
  return scanResponse(await admitTicket(getDb(), auth.user, body));
});
