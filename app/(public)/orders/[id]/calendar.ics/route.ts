import type { NextRequest } from 'next/server';
import { orderTokenFrom } from '@/web/api/client';
import { getEnv } from '@/platform/env';
import { getOrderWithToken } from '@/domain/payments/order-access';
import { getCurrentUser } from '@/web/auth/guards';
import { orderIcs } from '@/domain/payments/order-files';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await getOrderWithToken(id, orderTokenFrom(request, id), getCurrentUser);
  if (!order || order.status !== 'paid') return new Response('Not found', { status: 404 });
  return new Response(orderIcs(order, `${getEnv().PUBLIC_BASE_URL}/orders/${order.id}`), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${order.number}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
