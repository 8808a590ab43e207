import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { claimAllotmentPlaces } from '@/domain/partners/allotments';
import { getOrderSettings } from '@/domain/payments/checkout';
import { partnerFailureResponse } from '@/web/api/failures';
import { ClaimRequest, type ClaimCreated } from '@/web/api/partners';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { apiUserWith } from '@/web/api/session';
import { getEnv } from '@/platform/env';

/** The signed-in partner claims places of its own allotment: tickets issued at once, emailed to the partner. */
export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const auth = await apiUserWith('partner.portal');
  if ('response' in auth) return auth.response;
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(404, 'not_found', 'Allotment not found.');
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "quantity": 2, "holderNames": ["…", null] }');
  const parsed = ClaimRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await claimAllotmentPlaces(getDb(), auth.user, id, parsed.data, getOrderSettings());
  if (!result.ok) return partnerFailureResponse(result);
  const base = getEnv().PUBLIC_BASE_URL;
  return NextResponse.json<ClaimCreated>(
    { orderId: result.orderId, orderNumber: result.orderNumber, tickets: result.tickets.map((t) => ({ code: t.code, seat: t.seat, url: `${base}/tickets/${t.code}` })) },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
