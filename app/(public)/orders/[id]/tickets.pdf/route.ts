import type { NextRequest } from 'next/server';
import { orderTokenFrom } from '@/web/api/client';
import { getOrderWithToken } from '@/domain/payments/order-access';
import { getCurrentUser } from '@/web/auth/guards';
import { orderPdf } from '@/domain/payments/order-files';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await getOrderWithToken(id, orderTokenFrom(request, id), getCurrentUser);
  if (!order || order.status !== 'paid' || order.tickets.length === 0) return new Response('Not found', { status: 404 });
  const pdf = await orderPdf(order);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="tickets-${order.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
