import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { grantAllotment } from '@/domain/partners/allotments';
import { getOrderSettings } from '@/domain/payments/checkout';
import { partnerFailureResponse } from '@/web/api/failures';
import { GrantRequest, type AllotmentGranted } from '@/web/api/partners';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** Staff grant Community Access places: answering a partner's request, or directly to a verified organisation. */
export const POST = withErrors(async (request: NextRequest) => {
  const auth = await apiUserWith('access.review');
  if ('response' in auth) return auth.response;
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "allotmentId", "quantity" } or { "screeningId", "organisationId", "quantity" }');
  const parsed = GrantRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await grantAllotment(getDb(), auth.user, parsed.data, getOrderSettings());
  if (!result.ok) return partnerFailureResponse(result);
  return NextResponse.json<AllotmentGranted>({ allotmentId: result.allotmentId, quantity: result.quantity }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
