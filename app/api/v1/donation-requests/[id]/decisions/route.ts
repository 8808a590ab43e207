import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can } from '@/domain/accounts/permissions';
import { approveDonationRequest, declineDonationRequest } from '@/domain/donation-requests/requests';
import { getOrderSettings } from '@/domain/payments/checkout';
import { DonationDecision, type DonationDecisionResult } from '@/web/api/donation-requests';
import { requestFailureResponse } from '@/web/api/failures';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { getCurrentUser } from '@/web/auth/guards';

/** Staff decide a donation request: approve (tickets per screening, from the Donated allocation or general sale) or decline with a reason. */
export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in as festival staff.');
  if (!can(user, 'access.review')) return apiError(403, 'forbidden', 'Only festival staff decide donation requests.');
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(404, 'not_found', 'Donation request not found');
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "decision": "approve", "grants": [{ "screeningId": "…", "quantity": 2, "source": "donated" }] } or { "decision": "decline", "reason": "…" }');
  const parsed = DonationDecision.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const settings = getOrderSettings();
  if (parsed.data.decision === 'decline') {
    const declined = await declineDonationRequest(getDb(), user, { requestId: id, reason: parsed.data.reason }, settings);
    if (!declined.ok) return requestFailureResponse(declined);
    return NextResponse.json<DonationDecisionResult>({ id, status: 'declined', issued: 0, orders: [] }, { headers: { 'Cache-Control': 'no-store' } });
  }
  const approved = await approveDonationRequest(getDb(), user, { requestId: id, grants: parsed.data.grants, message: parsed.data.message }, settings);
  if (!approved.ok) return requestFailureResponse(approved);
  return NextResponse.json<DonationDecisionResult>({ id, status: approved.status, issued: approved.issued, orders: approved.orders }, { headers: { 'Cache-Control': 'no-store' } });
});
