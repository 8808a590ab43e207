import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/domain/accounts/permissions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getOrderForDesk, type DeskOrder } from '@/domain/desk/orders';
import { requirePermission } from '@/web/auth/guards';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { OrderStatusBadge } from '@/components/box-office/OrderStatusBadge';
import { Badge } from '@/components/ui/Badge';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';
import { confirmDeskRefundAction, emailTicketsAction, refundAction } from './actions';

export const metadata: Metadata = { title: 'Order', robots: { index: false } };

const cell = 'border-b border-stone-200 px-3 py-2 align-top';
const head = 'border-b border-stone-400 px-3 py-2 text-left font-semibold';
const field = 'mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2';

const METHOD: Record<string, string> = {
  stripe: 'Card (Stripe)',
  cash: 'Cash',
  card_terminal: 'Card terminal',
  complimentary: 'Complimentary',
  exchange_credit: 'Exchange credit',
};
const SOURCE: Record<DeskOrder['source'], string> = { online: 'Online', door: 'At the desk', exchange: 'Exchange' };
const CHECK_IN: Record<string, string> = { admitted: 'Admitted', duplicate: 'Already admitted', refused: 'Refused' };
const REFUND_SOURCE: Record<string, string> = { buyer: 'buyer asked', staff: 'staff', automatic: 'automatic' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One order for the desk: tickets and their check-ins, payments, refunds, the audit trail; refunds and re-sends from here. */
export default async function DeskOrderPage({ params, searchParams }: Props) {
  const user = await requirePermission('orders.read_any');
  const festival = await requireCurrentFestival();
  const { id } = await params;
  const order = await getOrderForDesk(festival.id, id);
  if (!order) notFound();
  const sp = await searchParams;
  const error = typeof sp.error === 'string' ? sp.error.slice(0, 300) : null;
  const done = typeof sp.done === 'string' ? sp.done.slice(0, 300) : null;
  const tz = festival.timeZone;
  const money = (c: number) => formatCents(c, order.currency);
  const valid = order.tickets.filter((t) => t.status === 'valid');
  const mayRefund = can(user, 'refunds.issue') && valid.length > 0 && order.status === 'paid';
  const refundPending = order.refunds.some((r) => r.status === 'pending');

  return (
    <Container>
      <PageHeading lead={`${order.screening.title} · ${formatDateTime(order.screening.startsAt, tz)} · ${order.screening.venueName}`}>
        {`Order ${order.number}`}
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/orders" />
      {error ? (
        <div className="mb-4">
          <Notice title="Nothing was changed" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="mb-4">
          <Notice title="Done">{done}</Notice>
        </div>
      ) : null}

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>
          <OrderStatusBadge status={order.status} />
        </dd>
        <dt className="font-semibold">Buyer</dt>
        <dd>
          {order.buyerName} <span className="break-all">({order.buyerEmail})</span>
        </dd>
        <dt className="font-semibold">Sold</dt>
        <dd>
          {SOURCE[order.source]}
          {order.createdBy ? ` by ${order.createdBy}` : ''}, <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt, tz)}</time>
        </dd>
        <dt className="font-semibold">Total</dt>
        <dd>
          {money(order.totalCents)}
          {order.giftCents > 0 ? ` (including a gift of ${money(order.giftCents)} to the access fund)` : ''}
        </dd>
      </dl>

      <div className="mt-4 flex flex-wrap gap-3">
        {valid.length > 0 ? (
          <a href={`/orders/${order.id}/tickets.pdf`} className="inline-flex min-h-11 items-center rounded-md border border-stone-500 bg-white px-3 font-semibold underline-offset-4 hover:underline">
            Print tickets (PDF)
          </a>
        ) : null}
        {can(user, 'door.sell') && order.status === 'paid' && !order.screening.started ? (
          <Link
            href={`/box-office/exchanges/new?order=${order.id}`}
            className="inline-flex min-h-11 items-center rounded-md border border-stone-500 bg-white px-3 font-semibold underline-offset-4 hover:underline"
          >
            Exchange to another screening
          </Link>
        ) : null}
      </div>
      {valid.length > 0 && can(user, 'door.sell') ? (
        <form action={emailTicketsAction.bind(null, order.id)} className="mt-4 flex flex-wrap items-end gap-3" aria-label="Email the tickets">
          <div className="min-w-0 grow sm:max-w-sm">
            <label htmlFor="email-to" className="block text-sm font-semibold">
              Email the tickets to
            </label>
            <input id="email-to" name="email" type="email" defaultValue={order.buyerEmail} required maxLength={254} className={field} />
          </div>
          <PendingButton className="min-h-11 rounded-md border border-stone-500 bg-white px-3 font-semibold">Email tickets</PendingButton>
        </form>
      ) : null}

      <section aria-labelledby="tickets-heading" className="mt-8">
        <h2 id="tickets-heading" className="font-serif text-2xl font-bold">
          Tickets
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-sm">
            <caption className="sr-only">The order&apos;s tickets and their check-ins</caption>
            <thead>
              <tr>
                <th scope="col" className={head}>Code</th>
                <th scope="col" className={head}>Type</th>
                <th scope="col" className={head}>Seat</th>
                <th scope="col" className={head}>Status</th>
                <th scope="col" className={head}>Check-ins</th>
              </tr>
            </thead>
            <tbody>
              {order.tickets.map((t) => (
                <tr key={t.id}>
                  <td className={`${cell} font-mono`}>{t.code}</td>
                  <td className={cell}>
                    {t.typeName} · {money(t.priceCents)}
                    <span className="block text-xs">{t.holderName}</span>
                  </td>
                  <td className={cell}>{t.seat ?? 'Unreserved'}</td>
                  <td className={cell}>{t.status === 'valid' ? <Badge tone="good">Valid</Badge> : <Badge>Void</Badge>}</td>
                  <td className={cell}>
                    {t.checkIns.length === 0 ? (
                      'Not scanned'
                    ) : (
                      <ul className="space-y-1">
                        {t.checkIns.map((c, i) => (
                          <li key={i}>
                            {CHECK_IN[c.result]} · <time dateTime={c.scannedAt.toISOString()}>{formatDateTime(c.scannedAt, tz)}</time> · {c.deviceLabel}
                            {c.staff ? ` · ${c.staff}` : ''}
                            {c.offline ? ' · offline' : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="payments-heading" className="mt-8">
        <h2 id="payments-heading" className="font-serif text-2xl font-bold">
          Payments
        </h2>
        {order.payments.length === 0 ? (
          <p className="mt-2">No payment recorded.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {order.payments.map((p) => (
              <li key={p.id}>
                {METHOD[p.method] ?? p.method}: {money(p.amountCents)} · <time dateTime={p.createdAt.toISOString()}>{formatDateTime(p.createdAt, tz)}</time>
                {p.reference ? ` · receipt ${p.reference}` : ''}
                {p.reason ? ` · ${p.reason}` : ''}
                {p.recordedBy ? ` · taken by ${p.recordedBy}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="refunds-heading" className="mt-8">
        <h2 id="refunds-heading" className="font-serif text-2xl font-bold">
          Refunds
        </h2>
        {order.refunds.length === 0 ? (
          <p className="mt-2">No refunds.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {order.refunds.map((r) => (
              <li key={r.id}>
                {money(r.amountCents)}
                {r.donationCents > 0 ? ` (gift ${money(r.donationCents)})` : ''} · {METHOD[r.method] ?? r.method} ·{' '}
                {r.status === 'succeeded' ? <Badge tone="good">Refunded</Badge> : r.status === 'pending' ? <Badge tone="warn">Pending</Badge> : <Badge tone="bad">Failed</Badge>} ·{' '}
                {r.tickets} ticket{r.tickets === 1 ? '' : 's'} · {r.reason} ({REFUND_SOURCE[r.source]}
                {r.requestedBy ? `, ${r.requestedBy}` : ''}) · <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, tz)}</time>
                {r.failureMessage ? ` · ${r.failureMessage}` : ''}
                {r.status === 'pending' && r.method !== 'stripe' && can(user, 'refunds.issue') ? (
                  <form action={confirmDeskRefundAction.bind(null, order.id, r.id)} className="mt-1">
                    <PendingButton className="min-h-11 rounded-md border border-stone-500 px-3 font-semibold">
                      Paid out at the desk
                    </PendingButton>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {refundPending ? (
          <p className="mt-2 text-sm">
            {order.refunds.some((r) => r.status === 'pending' && r.method === 'stripe')
              ? 'A refund is waiting for Stripe to confirm; it is retried in the background. '
              : 'A cash or card-terminal refund is waiting to be paid out at the desk. '}
            <Link href={`/box-office/orders/${order.id}`} className="underline">
              Refresh
            </Link>
          </p>
        ) : null}
      </section>

      {mayRefund ? (
        <section aria-labelledby="refund-heading" className="mt-8 rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="refund-heading" className="font-serif text-2xl font-bold">
            Refund
          </h2>
          <form action={refundAction.bind(null, order.id)} className="mt-3 space-y-4">
            <input type="hidden" name="requestKey" value={randomUUID()} />
            <fieldset>
              <legend className="font-semibold">Tickets to refund (none ticked: all {valid.length})</legend>
              <ul className="mt-2 space-y-2">
                {valid.map((t) => (
                  <li key={t.id} className="flex items-center gap-2">
                    <input id={`refund-${t.id}`} type="checkbox" name="ticketIds" value={t.id} className="size-5" />
                    <label htmlFor={`refund-${t.id}`}>
                      {t.seat ?? 'Unreserved'} · {t.typeName} · {money(t.priceCents)} · <span className="font-mono">{t.code}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div className="sm:max-w-xs">
              <label htmlFor="refund-amount" className="block font-semibold">
                Amount to refund, optional
              </label>
              <p id="refund-amount-hint" className="text-sm text-muted">
                Leave empty to refund the tickets&apos; price. At most {money(order.refundableCents)}.
              </p>
              <input id="refund-amount" name="amount" inputMode="decimal" pattern="[0-9]+([.][0-9]{1,2})?" aria-describedby="refund-amount-hint" className={field} />
            </div>
            <div>
              <label htmlFor="refund-reason" className="block font-semibold">
                Reason
              </label>
              <input id="refund-reason" name="reason" required minLength={3} maxLength={500} className={field} />
            </div>
            {order.giftCents > 0 ? (
              <div className="flex items-center gap-2">
                <input id="refund-gift" type="checkbox" name="includeDonation" value="1" className="size-5" />
                <label htmlFor="refund-gift">Also refund the gift to the access fund ({money(order.giftCents)})</label>
              </div>
            ) : null}
            <PendingButton className="min-h-11 rounded-md bg-accent px-4 font-semibold text-white hover:bg-accent-dark">Refund</PendingButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="audit-heading" className="mt-8">
        <h2 id="audit-heading" className="font-serif text-2xl font-bold">
          Staff changes
        </h2>
        {order.audit.length === 0 ? (
          <p className="mt-2">None.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {order.audit.map((e) => (
              <li key={e.id}>
                <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, tz)}</time> · {e.actor} · {e.action}
                {e.reason ? ` · ${e.reason}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-8">
        <Link href="/box-office/orders" className="underline">
          Find another order
        </Link>
      </p>
    </Container>
  );
}
