import { NextResponse, type NextRequest } from 'next/server';
import { holdTokenFrom } from '@/web/api/client';
import { badRequest, withErrors } from '@/web/api/respond';
import { failureResponse } from '@/web/api/failures';
import { Buyer } from '@/web/api/schemas';
import type { CheckoutStarted } from '@/web/api/openapi/schemas';
import { startCheckout } from '@/domain/payments/checkout';

export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = Buyer.safeParse(body ?? {});
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await startCheckout(id, holdTokenFrom(request, id), parsed.data);
  if (!result.ok) return failureResponse(result);
  return NextResponse.json<CheckoutStarted>({ orderId: result.orderId, orderToken: result.orderToken, checkoutUrl: result.checkoutUrl }, { status: 201 });
});
