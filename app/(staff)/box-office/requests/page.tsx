import type { Metadata } from 'next';
import Link from 'next/link';
import { approveDonationRequestAction, declineDonationRequestAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getReviewQueue, STATUS_LABEL, type QueuedRequest } from '@/domain/donation-requests/queries';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Badge } from '@/components/ui/Badge';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { formatCents } from '@/lib/format';
import { formatDateTime, formatIsoDateLong } from '@/lib/time';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Donation requests', robots: { index: false } };

/** The review queue: requests oldest first, the fund's balance, and each candidate screening's places and face value. */
export default async function DonationRequestQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requirePermission('access.review');
  const festival = await requireCurrentFestival();
  const queue = (await getReviewQueue(staff, festival.id))!;
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const approved = typeof query.approved === 'string' ? Number(query.approved) : null;
  const done =
    approved !== null && Number.isFinite(approved)
      ? `Tickets issued: the request now has ${approved}${query.status === 'partly_approved' ? ' (partly approved)' : ''}. The partner has been emailed.`
      : query.declined
        ? 'Request declined. The partner has been emailed the reason.'
        : null;

  return (
    <Container>
      <PageHeading lead="Partner organisations' requests for donated tickets, oldest first. Each ticket you issue is paid for by the access fund at its face value.">
        Donation requests
      </PageHeading>
      <BoxOfficeNav user={staff} current="/box-office/requests" />
      <section aria-labelledby="fund-heading" className="mb-6 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="fund-heading" className="font-serif text-xl font-bold">
          Access fund
        </h2>
        <p className="mt-1 text-2xl font-bold" data-testid="fund-balance">
          {formatCents(queue.balanceCents, queue.currency)}
        </p>
        <p className="text-sm text-muted">Available to pay for donated tickets now.</p>
        <p className="mt-2 text-sm">
          <Link href="/box-office/requests/lottery" className="underline">
            Fair allocation
          </Link>
          : when requests for one screening ask for more than is left, draw them by lot.
        </p>
      </section>
      {error ? (
        <div className="mb-4">
          <Notice title="Nothing was issued" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="mb-4">
          <Notice title="Done">{done}</Notice>
        </div>
      ) : null}
      {queue.requests.length === 0 ? (
        <p>No requests are waiting for a decision.</p>
      ) : (
        <ol className="space-y-6">
          {queue.requests.map((r) => (
            <QueuedRequestCard key={r.id} request={r} timeZone={festival.timeZone} currency={queue.currency} />
          ))}
        </ol>
      )}
    </Container>
  );
}

function QueuedRequestCard({ request: r, timeZone, currency }: { request: QueuedRequest; timeZone: string; currency: string }) {
  const id = `request-${r.id}`;
  const left = r.quantity - r.issued;
  return (
    <li id={id} className="rounded-lg border border-stone-300 bg-white p-4">
      <h2 className="font-serif text-xl font-bold">
        {r.organisation}: {r.quantity} ticket{r.quantity === 1 ? '' : 's'}
      </h2>
      <p className="mt-1 text-sm">
        <Badge tone={r.status === 'submitted' ? 'info' : 'warn'}>{STATUS_LABEL[r.status]}</Badge> Asked {formatDateTime(r.createdAt, timeZone)}
        {r.issued ? `; ${r.issued} issued, ${left} more possible` : ''}
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Who they are for</dt>
        <dd>{r.audience}</dd>
        <dt className="font-semibold">Accessibility needs</dt>
        <dd>{r.accessibilityNeeds || 'None given'}</dd>
        <dt className="font-semibold">Asked for</dt>
        <dd>{r.fromDate ? `Any screening from ${formatIsoDateLong(r.fromDate)} to ${formatIsoDateLong(r.toDate!)}` : 'The screenings below'}</dd>
        <dt className="font-semibold">Contact</dt>
        <dd>
          {r.contactName}, {r.contactEmail}
          {r.contactPhone ? `, ${r.contactPhone}` : ''}
        </dd>
        {r.staffMessage ? (
          <>
            <dt className="font-semibold">Last message</dt>
            <dd>{r.staffMessage}</dd>
          </>
        ) : null}
      </dl>
      {r.screenings.length === 0 ? (
        <p className="mt-3 text-sm">None of the screenings asked for is still to come: decline the request with a short explanation.</p>
      ) : (
        <form action={approveDonationRequestAction} className="mt-4">
          <input type="hidden" name="requestId" value={r.id} />
          <input type="hidden" name="expectedIssued" value={r.issued} />
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <caption className="sr-only">Screenings for {r.organisation}&apos;s request, with places left and face value</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-3">
                    Screening
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Donated places left
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    General places left
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Face value
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Tickets to issue
                  </th>
                  <th scope="col" className="py-2">
                    From
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.screenings.map((s) => {
                  const field = `${r.id}-${s.id}`;
                  return (
                    <tr key={s.id} className="border-b border-stone-200 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">
                        <span className="font-semibold">{s.title}</span>
                        <br />
                        {formatDateTime(s.startsAt, timeZone)}, {s.venue}
                      </th>
                      <td className="py-2 pr-3">{s.donatedFree}</td>
                      <td className="py-2 pr-3">{s.generalFree}</td>
                      <td className="py-2 pr-3">{s.faceValueCents === null ? 'No price' : formatCents(s.faceValueCents, currency)}</td>
                      <td className="py-2 pr-3">
                        <input type="hidden" name="screeningId" value={s.id} />
                        <label htmlFor={`qty-${field}`} className="sr-only">
                          Tickets to issue for {s.title}, {formatDateTime(s.startsAt, timeZone)}
                        </label>
                        <input
                          id={`qty-${field}`}
                          name="quantity"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={left}
                          defaultValue={0}
                          className="w-20 rounded-md border border-stone-500 px-2 py-1"
                        />
                      </td>
                      <td className="py-2">
                        <label htmlFor={`source-${field}`} className="sr-only">
                          Where the places come from for {s.title}
                        </label>
                        <select id={`source-${field}`} name="source" defaultValue="donated" className="rounded-md border border-stone-500 px-2 py-1">
                          <option value="donated">Donated allocation</option>
                          <option value="general">General sale</option>
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="mt-3">
            <label htmlFor={`message-${r.id}`} className="block font-semibold">
              Message to the partner (optional)
            </label>
            <textarea id={`message-${r.id}`} name="message" rows={2} maxLength={1000} className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2" />
          </div>
          <PendingButton className="mt-3 min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">Issue these tickets</PendingButton>
        </form>
      )}
      {r.status === 'submitted' ? (
        <form action={declineDonationRequestAction} className="mt-4 border-t border-stone-200 pt-4">
          <input type="hidden" name="requestId" value={r.id} />
          <label htmlFor={`reason-${r.id}`} className="block font-semibold">
            Reason for declining
          </label>
          <textarea id={`reason-${r.id}`} name="reason" required rows={2} maxLength={1000} className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2" />
          <PendingButton className="mt-2 min-h-11 rounded-md border border-stone-500 px-4 py-2 font-semibold">Decline request</PendingButton>
        </form>
      ) : null}
    </li>
  );
}
