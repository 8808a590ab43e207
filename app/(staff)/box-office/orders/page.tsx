import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listOrdersForDesk, LOOKUP_LIMIT, OrderLookupQuery, type OrderLookupRow } from '@/domain/desk/orders';
import { requirePermission } from '@/web/auth/guards';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { OrderStatusBadge } from '@/components/box-office/OrderStatusBadge';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Orders', robots: { index: false } };

const cell = 'border-b border-stone-200 px-3 py-2 align-top';
const head = 'border-b border-stone-400 px-3 py-2 text-left font-semibold';

const MATCHED: Record<OrderLookupRow['matchedBy'], string> = {
  ticket_code: 'ticket code',
  order_number: 'order number',
  email: 'email',
  name: 'name',
};

/** The desk's order lookup: a plain GET form (works without JavaScript), at most LOOKUP_LIMIT results. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('orders.read_any');
  const festival = await requireCurrentFestival();
  const raw = (await searchParams).q;
  const q = typeof raw === 'string' ? raw.slice(0, 300) : '';
  const parsed = q ? OrderLookupQuery.safeParse(q) : null;
  const found = parsed?.success ? await listOrdersForDesk(festival.id, parsed.data) : null;

  return (
    <Container>
      <PageHeading lead="Find an order by the buyer's name or email, the order number, or a ticket code.">Orders</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/orders" />
      <form method="get" role="search" aria-label="Find an order" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow sm:max-w-md">
          <label htmlFor="order-q" className="block text-sm font-semibold">
            Name, email, order number or ticket code
          </label>
          <input
            id="order-q"
            name="q"
            type="search"
            defaultValue={q}
            required
            minLength={2}
            maxLength={200}
            autoComplete="off"
            className="mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2"
          />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-accent px-4 font-semibold text-white hover:bg-accent-dark">
          Find
        </button>
      </form>

      {parsed && !parsed.success ? (
        <p role="alert" className="mt-4">
          {parsed.error.issues[0]?.message}
        </p>
      ) : null}
      {found ? (
        <section aria-labelledby="order-results" className="mt-8">
          <h2 id="order-results" className="font-serif text-2xl font-bold">
            {found.orders.length === 0 ? 'No orders found' : `${found.orders.length} order${found.orders.length === 1 ? '' : 's'}`}
          </h2>
          {found.truncated ? (
            <p role="status" className="mt-1 text-sm">
              Showing the first {LOOKUP_LIMIT}: type more of the name or email to narrow the search.
            </p>
          ) : null}
          {found.orders.length === 0 ? (
            <p role="status" className="mt-2">
              No order matches “{parsed?.success ? parsed.data : q}”.
            </p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
                <caption className="sr-only">Orders matching the search, exact matches first</caption>
                <thead>
                  <tr>
                    <th scope="col" className={head}>Order</th>
                    <th scope="col" className={head}>Buyer</th>
                    <th scope="col" className={head}>Screening</th>
                    <th scope="col" className={head}>Tickets</th>
                    <th scope="col" className={head}>Total</th>
                    <th scope="col" className={head}>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {found.orders.map((o) => (
                    <tr key={o.id}>
                      <td className={cell}>
                        <Link href={`/box-office/orders/${o.id}`} className="font-semibold underline">
                          {o.number}
                        </Link>
                        <span className="block text-xs text-muted">matched by {MATCHED[o.matchedBy]}</span>
                      </td>
                      <td className={cell}>
                        {o.buyerName}
                        <span className="block break-all text-xs">{o.buyerEmail}</span>
                      </td>
                      <td className={cell}>
                        {o.screening.title}
                        <span className="block text-xs">
                          <time dateTime={o.screening.startsAt.toISOString()}>{formatDateTime(o.screening.startsAt, festival.timeZone)}</time>
                        </span>
                      </td>
                      <td className={cell}>{o.validTickets}</td>
                      <td className={cell}>{formatCents(o.totalCents, o.currency)}</td>
                      <td className={cell}>
                        <OrderStatusBadge status={o.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </Container>
  );
}
