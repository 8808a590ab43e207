import { NextResponse, type NextRequest } from 'next/server';
import { holdTokenFrom } from '@/web/api/client';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { Buyer } from '@/web/api/schemas';
import type { CheckoutStarted } from '@/web/api/openapi/schemas';
import { startCheckout } from '@/domain/payments/checkout';

export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = Buyer.safeParse(body ?? {});
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await startCheckout(id, holdTokenFrom(request, id), parsed.data);
  if (!result.ok) {
    switch (result.reason) {
      case 'not_found':
        return apiError(404, 'not_found', 'Hold not found');
      case 'forbidden':
        return apiError(403, 'forbidden', 'This hold belongs to someone else (wrong or missing hold token).');
      case 'hold_expired':
        return apiError(410, 'hold_expired', 'The hold has expired and its places were released. Please start again.');
      case 'hold_ended':
        return apiError(409, 'hold_ended', 'The hold has ended.');
      case 'payment_unavailable':
        return apiError(503, 'payment_unavailable', 'The payment provider did not answer. Please try again.');
    }
  }
  return NextResponse.json<CheckoutStarted>({ orderId: result.orderId, orderToken: result.orderToken, checkoutUrl: result.checkoutUrl }, { status: 201 });
});
