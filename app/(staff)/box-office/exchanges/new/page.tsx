import type { Metadata } from 'next';
import Link from 'next/link';
import { exchangeTicketsAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getExchangeDeskOrder, getExchangeTarget, listExchangeTargets } from '@/domain/exchanges/queries';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Exchange tickets', robots: { index: false } };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
const label = 'block text-sm font-semibold';
const button = 'min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white';

/**
 * The exchange desk: find the order, choose the screening (a GET form, so the page can show its price list), then the
 * tickets to move, the new ticket types and, for a dearer exchange, how the difference was paid.
 */
export default async function ExchangePage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requirePermission('door.sell');
  const [query, festival] = await Promise.all([searchParams, requireCurrentFestival()]);
  const tz = festival.timeZone;
  const reference = one(query.order) ?? '';
  const order = reference ? await getExchangeDeskOrder(reference) : null;
  const targets = order?.exchangeable ? await listExchangeTargets(order) : [];
  const target = order?.exchangeable && one(query.to) ? await getExchangeTarget(order, one(query.to)!) : null;
  const error = one(query.error);
  const done = one(query.done);
  const value = order ? order.tickets.reduce((n, t) => n + t.priceCents, 0) : 0;

  return (
    <Container className="pb-12">
      <PageHeading lead="Move an order's tickets to another screening: the difference is taken at the desk or refunded.">Exchange tickets</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/exchanges" />
      {done ? (
        <div className="mb-4">
          <Notice title="Exchanged">
            New order <strong>{done}</strong> issued and emailed to the buyer.
            {one(query.charged) && one(query.charged) !== '0' ? ` Difference taken: ${formatCents(Number(one(query.charged)), festival.currency)}.` : ''}
            {one(query.refunded) && one(query.refunded) !== '0' ? ` Difference refunded: ${formatCents(Number(one(query.refunded)), festival.currency)}.` : ''}
          </Notice>
        </div>
      ) : null}
      {error ? (
        <div className="mb-4">
          <Notice title="Nothing was changed" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}

      <form method="get" className="mb-6 flex max-w-xl flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="order" className={label}>
            Order number
          </label>
          <input id="order" name="order" type="text" required maxLength={100} defaultValue={reference} className={field} autoComplete="off" />
        </div>
        <button type="submit" className={button}>
          Find
        </button>
      </form>

      {reference && !order ? <Notice title="No such order">No order has that number.</Notice> : null}
      {order ? (
        <section aria-labelledby="order-title" className="rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="order-title" className="font-serif text-xl font-bold">
            Order {order.number}
          </h2>
          <p className="mt-1 text-sm">
            {order.buyerName} ({order.buyerEmail}) · {order.title}, {formatDateTime(order.startsAt, tz)}
            {order.screeningCancelled ? ' · cancelled screening' : ''} · {order.status}
          </p>
          {!order.exchangeable ? (
            <p className="mt-2">This order has no paid tickets to exchange (it is {order.status}, or its tickets are free access tickets).</p>
          ) : (
            <>
              <p className="mt-2">
                {order.tickets.length} valid ticket{order.tickets.length === 1 ? '' : 's'}, worth {formatCents(value, order.currency)}.
              </p>
              <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
                <input type="hidden" name="order" value={order.number} />
                <div className="grow">
                  <label htmlFor="to" className={label}>
                    Exchange to
                  </label>
                  <select id="to" name="to" required defaultValue={target?.id ?? ''} className={field}>
                    <option value="" disabled>
                      Choose a screening
                    </option>
                    {targets.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.title}, {formatDateTime(t.startsAt, tz)}, {t.venue} ({t.placesLeft} left)
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className={button}>
                  Show prices
                </button>
              </form>
            </>
          )}
        </section>
      ) : null}

      {order && target ? (
        <form action={exchangeTicketsAction} className="mt-6 grid max-w-2xl gap-5 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">
            To {target.title}, {formatDateTime(target.startsAt, tz)}
          </h2>
          <input type="hidden" name="orderId" value={order.id} />
          <input type="hidden" name="orderNumber" value={order.number} />
          <input type="hidden" name="toScreeningId" value={target.id} />
          <fieldset>
            <legend className={label}>Tickets to exchange</legend>
            {order.tickets.map((t) => (
              <div key={t.id} className="mt-2 flex items-center gap-2">
                <input id={`ticket-${t.id}`} type="checkbox" name="ticketIds" value={t.id} defaultChecked className="size-5" />
                <label htmlFor={`ticket-${t.id}`}>
                  {t.typeName}, {formatCents(t.priceCents, order.currency)}
                  {t.seat ? `, ${t.seat}` : ''} ({t.code})
                </label>
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend className={label}>New tickets (best seats available)</legend>
            {target.ticketTypes.map((tt, i) => (
              <div key={tt.id} className="mt-2 flex items-center gap-3">
                <input type="hidden" name="typeId" value={tt.id} />
                <label htmlFor={`qty-${tt.id}`} className="grow">
                  {tt.name}, {formatCents(tt.priceCents, order.currency)}
                </label>
                <input
                  id={`qty-${tt.id}`}
                  name="quantity"
                  type="number"
                  min={0}
                  max={50}
                  step={1}
                  defaultValue={i === 0 ? order.tickets.length : 0}
                  className="w-24 rounded-md border border-stone-500 bg-white px-3 py-2"
                />
              </div>
            ))}
          </fieldset>
          {target.freeSeats.length > 0 ? (
            <details>
              <summary className="cursor-pointer font-semibold">Choose seats (otherwise the best free ones)</summary>
              <fieldset className="mt-2">
                <legend className="text-sm">Free seats: choose as many as new tickets</legend>
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {target.freeSeats.map((s) => (
                    <label key={s.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="seatIds" value={s.id} className="size-5" /> {s.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            </details>
          ) : null}
          <fieldset>
            <legend className={label}>If the new tickets cost more, the difference was paid by</legend>
            <div className="mt-2 flex flex-wrap gap-4">
              <label className="flex items-center gap-2">
                <input type="radio" name="differenceMethod" value="cash" defaultChecked className="size-5" /> Cash
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="differenceMethod" value="card_terminal" className="size-5" /> Card terminal
              </label>
            </div>
            <label htmlFor="differenceReference" className="mt-3 block text-sm">
              Terminal receipt number (card terminal)
            </label>
            <input id="differenceReference" name="differenceReference" type="text" maxLength={100} className={field} />
            <p className="mt-1 text-xs text-muted">A cheaper exchange refunds the difference the way the order was paid.</p>
          </fieldset>
          <div>
            <PendingButton className={button}>Exchange the tickets</PendingButton>
          </div>
        </form>
      ) : null}
      <p className="mt-6 text-sm">
        <Link href="/box-office" className="underline">
          Back to the box office
        </Link>
      </p>
    </Container>
  );
}
