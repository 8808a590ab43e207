import { NextResponse, type NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getOrderForDesk } from '@/domain/desk/orders';
import { serializeDeskOrder, type DeskOrderBody } from '@/web/api/desk';
import { notFound, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** One order for the desk: tickets with their check-ins, payments and refunds. An Indigenous Access order is "not found". */
export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const caller = await apiUserWith('orders.read_any');
  if ('response' in caller) return caller.response;
  const { id } = await params;
  const festival = await requireCurrentFestival();
  const order = await getOrderForDesk(festival.id, id);
  if (!order) return notFound('Order');
  return NextResponse.json<DeskOrderBody>(serializeDeskOrder(order), { headers: { 'Cache-Control': 'no-store' } });
});
