import { NextResponse, type NextRequest } from 'next/server';
import { orderTokenFrom } from '@/web/api/client';
import { apiError, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { serializeOrder } from '@/web/api/serialize-order';
import { getEnv } from '@/platform/env';
import { getOrderWithToken } from '@/domain/payments/order-access';
import { getCurrentUser } from '@/web/auth/guards';

/** An order, for the holder of its token (X-Order-Token, ?token=, or the site's cookie). */
export const GET = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(404, 'not_found', 'Order not found');
  const env = getEnv();
  // The order token, or a session that may read it. Same answer for "no such order" and "not yours".
  const order = await getOrderWithToken(id, orderTokenFrom(request, id), getCurrentUser);
  if (!order) return apiError(404, 'not_found', 'Order not found');
  return NextResponse.json(serializeOrder(order, env.PUBLIC_BASE_URL), { headers: { 'Cache-Control': 'no-store' } });
});
