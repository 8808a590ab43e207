import { NextResponse, type NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listOrdersForDesk } from '@/domain/desk/orders';
import { OrderLookupParams, serializeDeskOrderSummary, type DeskOrderList } from '@/web/api/desk';
import { badRequest, withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** The desk's order lookup: by name, email, order number or ticket code; never an Indigenous Access order. */
export const GET = withErrors(async (request: NextRequest) => {
  const caller = await apiUserWith('orders.read_any');
  if ('response' in caller) return caller.response;
  const parsed = OrderLookupParams.safeParse({ q: request.nextUrl.searchParams.get('q') ?? '' });
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const found = await listOrdersForDesk(festival.id, parsed.data.q);
  return NextResponse.json<DeskOrderList>(
    { count: found.orders.length, truncated: found.truncated, orders: found.orders.map(serializeDeskOrderSummary) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
