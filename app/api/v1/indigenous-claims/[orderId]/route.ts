import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { cancelIndigenousClaim } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { indigenousFailureResponse } from '@/web/api/failures';
import { CancelClaimRequest, type IndigenousClaimCancelled } from '@/web/api/indigenous';
import { Uuid } from '@/web/api/schemas';
import { getCurrentUser } from '@/web/auth/guards';

/** Cancels the signed-in person's own claim (all its tickets, or those named): the places return to the allocation. */
export const DELETE = withErrors(async (request: NextRequest, { params }: { params: Promise<{ orderId: string }> }) => {
  const { orderId } = await params;
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to cancel your tickets.');
  if (!Uuid.safeParse(orderId).success) return apiError(404, 'not_found', 'Claim not found.');
  const text = await request.text();
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return apiError(400, 'bad_request', 'The body, if any, must be JSON: { "tickets": ["<ticket id>"] }');
    }
  }
  const parsed = CancelClaimRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await cancelIndigenousClaim(getDb(), user, orderId, getOrderSettings(), parsed.data.tickets);
  if (!result.ok) return indigenousFailureResponse(result);
  return NextResponse.json<IndigenousClaimCancelled>({ cancelled: result.voided, orderCancelled: result.orderCancelled }, { headers: { 'Cache-Control': 'no-store' } });
});
