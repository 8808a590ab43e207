import { NextResponse, type NextRequest } from 'next/server';
import { orderTokenFrom } from '@/lib/api/client';
import { apiError, withErrors } from '@/lib/api/respond';
import { UUID } from '@/lib/api/screening-query';
import { serializeOrder } from '@/lib/api/serialize-order';
import { getEnv } from '@/lib/env';
import { getOrderWithToken } from '@/lib/order-access';

/** An order, for the holder of its token (X-Order-Token, ?token=, or the site's cookie). */
export const GET = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!UUID.test(id)) return apiError(404, 'not_found', 'Order not found');
  const env = getEnv();
  // The order token, or a session that may read it. Same answer for "no such order" and "not yours".
  const order = await getOrderWithToken(id, orderTokenFrom(request, id));
  if (!order) return apiError(404, 'not_found', 'Order not found');
  return NextResponse.json(serializeOrder(order, env.PUBLIC_BASE_URL), { headers: { 'Cache-Control': 'no-store' } });
});
