import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { refundFromDesk } from '@/domain/desk/refund';
import { getOrderSettings } from '@/domain/payments/checkout';
import { DeskRefundRequest, type DeskRefundCreated } from '@/web/api/desk';
import { deskRefundFailureResponse } from '@/web/api/desk-failures';
import { apiError, badRequest, notFound, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { apiUserWith } from '@/web/api/session';

/**
 * Staff refund an order, in full or in part. The request key (the Idempotency-Key header, or `requestKey` in the body)
 * is required: a client retrying after a lost response gets the first refund back, never a second one.
 */
export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const caller = await apiUserWith('refunds.issue');
  if ('response' in caller) return caller.response;
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return notFound('Order');
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "reason": "…", "ticketIds": ["…"], "amountCents": 1200, "includeDonation": false }');
  const parsed = DeskRefundRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { requestKey: bodyKey, ...rest } = parsed.data;
  const header = request.headers.get('idempotency-key')?.trim();
  const requestKey = bodyKey ?? (header && header.length >= 8 && header.length <= 200 ? header : undefined);
  if (!requestKey) return apiError(400, 'bad_request', 'Send an Idempotency-Key header (8 to 200 characters) or a requestKey field, so that a retry cannot refund twice.');
  const result = await refundFromDesk(getDb(), caller.user, { orderId: id, ...rest, requestKey }, getOrderSettings());
  if (!result.ok) return deskRefundFailureResponse(result);
  return NextResponse.json<DeskRefundCreated>(
    { refundId: result.refundId, amountCents: result.amountCents, status: result.status },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
