import { NextResponse, type NextRequest } from 'next/server';
import { holdTokenFrom } from '@/web/api/client';
import { badRequest, withErrors } from '@/web/api/respond';
import { failureResponse } from '@/web/api/failures';
import { CheckoutRequest } from '@/web/api/schemas';
import type { CheckoutStarted } from '@/web/api/openapi/schemas';
import { startCheckout } from '@/domain/payments/checkout';

export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = CheckoutRequest.safeParse(body ?? {});
  if (!parsed.success) return badRequest(parsed.error.issues);
  const { gift, ...buyer } = parsed.data;
  const result = await startCheckout(id, holdTokenFrom(request, id), buyer, gift ? { tickets: gift.tickets ?? 0, dollars: gift.dollars ?? 0 } : null);
  if (!result.ok) return failureResponse(result);
  return NextResponse.json<CheckoutStarted>({ orderId: result.orderId, orderToken: result.orderToken, checkoutUrl: result.checkoutUrl }, { status: 201 });
});
