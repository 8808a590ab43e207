import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { loadOrderForTickets } from '@/db/queries/ticket-views';
import { orderTokenFrom } from '@/lib/api/client';
import { apiError, withErrors } from '@/lib/api/respond';
import { UUID } from '@/lib/api/screening-query';
import { serializeOrder } from '@/lib/api/serialize-order';
import { getEnv } from '@/lib/env';
import { isOrderAccessToken } from '@/lib/tokens';

/** An order, for the holder of its token (X-Order-Token, ?token=, or the site's cookie). */
export const GET = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!UUID.test(id)) return apiError(404, 'not_found', 'Order not found');
  const env = getEnv();
  const token = orderTokenFrom(request, id);
  // Same answer for "no such order" and "not yours": order ids are not to be probed.
  if (!token || !isOrderAccessToken(id, token, env.APP_SECRET)) return apiError(404, 'not_found', 'Order not found');
  const order = await loadOrderForTickets(getDb(), id, env.PUBLIC_BASE_URL);
  if (!order) return apiError(404, 'not_found', 'Order not found');
  return NextResponse.json(serializeOrder(order, env.PUBLIC_BASE_URL), { headers: { 'Cache-Control': 'no-store' } });
});
