import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getRushLineView, type RushNumberView } from '@/domain/rush/queries';
import { formatCents } from '@/lib/format';
import { formatDayShort, formatTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { PrintButton } from '@/components/box-office/PrintButton';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';
import { requirePermission } from '@/web/auth/guards';
import { rushFailureText } from '@/web/rush/rush-failures';
import {
  callNextRushNumberAction,
  changeRushCallTimeAction,
  closeRushLineAction,
  issueRushNumberAction,
  openRushLineAction,
  sellToRushNumberAction,
  startRushCallingAction,
  turnAwayRushNumberAction,
} from './actions';

export const metadata: Metadata = { title: 'Rush line', robots: { index: false } };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

const button = 'min-h-11 rounded-md bg-stone-900 px-4 font-semibold text-white';
const quiet = 'min-h-11 rounded-md border border-stone-500 bg-white px-3 font-semibold';
const input = 'mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2';
const label = 'block text-sm font-semibold';

const NUMBER_STATUS: Record<RushNumberView['status'], string> = { waiting: 'Waiting', called: 'Called', sold: 'Sold', turned_away: 'Turned away' };
const DONE_TEXT: Record<string, string> = {
  opened: 'The rush line is open: hand out numbers.',
  call_time: 'The call time is changed.',
  computed: 'The places are computed: call the numbers in order.',
  turned_away: 'The number was turned away.',
  closed: 'The rush line is closed; its reconciliation is below and in the audit log.',
};

/** One screening's rush line: open it, hand out numbers, compute the places at the call time, call, sell, reconcile. */
export default async function RushLinePage({ params, searchParams }: { params: Promise<{ screeningId: string }>; searchParams: Promise<Params> }) {
  const user = await requirePermission('door.sell');
  const { screeningId } = await params;
  if (!z.guid().safeParse(screeningId).success) notFound();
  const [festival, view] = await Promise.all([requireCurrentFestival(), getRushLineView(screeningId)]);
  if (!view) notFound();
  const q = await searchParams;
  const tz = festival.timeZone;
  const { screening, line } = view;
  const money = (cents: number) => formatCents(cents, view.currency);
  const now = new Date();
  const error = rushFailureText(one(q.error));
  const done = DONE_TEXT[one(q.done) ?? ''];
  const issued = Number.parseInt(one(q.issued) ?? '', 10);
  const party = Number.parseInt(one(q.party) ?? '', 10);
  const called = view.numbers.filter((n) => n.status === 'called');
  const placesLeft = line?.placesToSell !== null && line ? line.placesToSell - line.placesSold : null;
  const callTimeReached = line ? now >= line.callAt : false;
  const hidden = (extra: Record<string, string> = {}) =>
    Object.entries({ screeningId, ...(line ? { lineId: line.id } : {}), ...extra }).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);

  return (
    <Container>
      <PageHeading
        lead={
          <>
            <time dateTime={screening.startsAt.toISOString()}>
              {formatDayShort(screening.startsAt, tz)}, {formatTime(screening.startsAt, tz)}
            </time>{' '}
            · {screening.venue}
          </>
        }
      >
        Rush line: {screening.title}
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/rush" />
      <p className="mb-4 text-sm print:hidden">
        <Link href="/box-office/rush" className="underline">
          All rush lines
        </Link>
      </p>

      <div className="mb-6 grid gap-3 print:hidden">
        {error ? (
          <Notice title="Not done" tone="warn">
            {error}
          </Notice>
        ) : null}
        {done ? <Notice title="Done">{done}</Notice> : null}
        {one(q.sold) ? <Notice title="Sold">Order {one(q.sold)} is issued: hand over the tickets.</Notice> : null}
        {one(q.called) ? <Notice title="Called">Number {one(q.called)}, please come to the desk.</Notice> : null}
        <Notice title="Late-arrival policy" tone="info">
          At the call time you may release valid tickets that have not been scanned yet. Released tickets are voided{' '}
          <strong>without a refund</strong>: that is the festival&apos;s late-arrival policy. Indigenous Access tickets are never
          released here.
        </Notice>
      </div>

      {Number.isInteger(issued) && issued > 0 ? (
        <section id="issued" aria-labelledby="issued-heading" className="mb-8 rounded-lg border-4 border-stone-900 bg-white p-6 text-center">
          <h2 id="issued-heading" className="text-lg font-semibold">
            Queue number
          </h2>
          <p className="font-serif text-[8rem] font-bold leading-none tabular-nums" data-testid="issued-number">
            {issued}
          </p>
          <p className="mt-2 text-lg">
            {screening.title} · {formatTime(screening.startsAt, tz)}
            {Number.isInteger(party) ? ` · party of ${party}` : ''}
          </p>
          {line ? <p className="mt-1">Numbers are called from {formatTime(line.callAt, tz)}. Keep this number: it is not a ticket.</p> : null}
          <div className="mt-4">
            <PrintButton label="Print this number" />
          </div>
        </section>
      ) : null}

      <dl className="mb-8 grid gap-3 sm:grid-cols-4 print:hidden">
        <Figure name="General sale left" value={screening.generalLeft} />
        <Figure name="Checked in" value={screening.checkedIn} />
        <Figure name="Valid, not scanned" value={screening.unscanned} />
        <Figure name="Places for the line" value={line?.placesToSell ?? '—'} testId="places-to-sell" />
      </dl>

      <div className="print:hidden">
        {!line ? (
          screening.cancelled ? (
            <p>This screening was cancelled.</p>
          ) : screening.generalLeft > 0 ? (
            <p>General sale still has {screening.generalLeft} places: sell them at the desk. A rush line opens once the screening is sold out.</p>
          ) : (
            <form action={openRushLineAction} className="flex flex-wrap items-end gap-3">
              {hidden()}
              <div>
                <label htmlFor="open-call" className={label}>
                  Call numbers this many minutes before the start
                </label>
                <input id="open-call" name="callMinutesBefore" type="number" min={0} max={180} defaultValue={15} required className={input} />
              </div>
              <PendingButton className={button}>Open the rush line</PendingButton>
            </form>
          )
        ) : (
          <>
            <p className="mb-4">
              <strong>
                {line.status === 'open' ? 'Handing out numbers.' : line.status === 'calling' ? 'Calling numbers.' : 'Closed.'}
              </strong>{' '}
              Call time: <time dateTime={line.callAt.toISOString()}>{formatTime(line.callAt, tz)}</time> ({line.callMinutesBefore} minutes before the start).
              {line.status !== 'open' ? ` ${line.releasedTickets} unscanned ticket${line.releasedTickets === 1 ? ' was' : 's were'} released.` : ''}
            </p>

            {line.status !== 'closed' ? (
              <section aria-labelledby="hand-out" className="mb-8">
                <h2 id="hand-out" className="font-serif text-2xl font-bold">
                  Hand out a number
                </h2>
                <form action={issueRushNumberAction} className="mt-2 flex flex-wrap items-end gap-3">
                  {hidden()}
                  <div>
                    <label htmlFor="party-size" className={label}>
                      Party size
                    </label>
                    <select id="party-size" name="partySize" defaultValue="1" className={input}>
                      {[1, 2, 3, 4].map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                  <PendingButton className={button}>Give the next number</PendingButton>
                </form>
              </section>
            ) : null}

            {line.status === 'open' ? (
              <>
                <section aria-labelledby="call-time" className="mb-8">
                  <h2 id="call-time" className="font-serif text-2xl font-bold">
                    Call time
                  </h2>
                  <form action={changeRushCallTimeAction} className="mt-2 flex flex-wrap items-end gap-3">
                    {hidden()}
                    <div>
                      <label htmlFor="call-minutes" className={label}>
                        Minutes before the start
                      </label>
                      <input id="call-minutes" name="callMinutesBefore" type="number" min={0} max={180} defaultValue={line.callMinutesBefore} required className={input} />
                    </div>
                    <PendingButton className={quiet}>Change the call time</PendingButton>
                  </form>
                </section>

                <section aria-labelledby="compute" className="mb-8">
                  <h2 id="compute" className="font-serif text-2xl font-bold">
                    At the call time: compute the places
                  </h2>
                  <p className="mt-1 max-w-2xl text-sm">
                    Places for the line = the house − checked in − valid unscanned tickets you keep, with the access schemes&apos; unclaimed places added.
                    Release as many unscanned tickets as the festival&apos;s policy allows (the most recently issued first), or tick which ones.
                  </p>
                  <form action={startRushCallingAction} className="mt-3 grid max-w-2xl gap-3">
                    {hidden()}
                    <div>
                      <label htmlFor="release-count" className={label}>
                        How many unscanned tickets to release
                      </label>
                      <input id="release-count" name="releaseCount" type="number" min={0} max={view.releasable.length} defaultValue={0} className={input} />
                    </div>
                    {view.releasable.length > 0 ? (
                      <details>
                        <summary className="cursor-pointer font-semibold">Or choose which tickets ({view.releasable.length} not scanned)</summary>
                        <fieldset className="mt-2 grid gap-1">
                          <legend className="sr-only">Unscanned tickets to release</legend>
                          {view.releasable.map((t) => (
                            <label key={t.id} className="flex min-h-11 items-center gap-2">
                              <input type="checkbox" name="releaseTicketIds" value={t.id} className="size-5" />
                              {t.label}
                            </label>
                          ))}
                        </fieldset>
                      </details>
                    ) : null}
                    <div>
                      {callTimeReached ? (
                        <PendingButton className={button}>Compute the places and start calling</PendingButton>
                      ) : (
                        <>
                          <button type="submit" disabled aria-describedby="compute-when" className={`${button} cursor-not-allowed opacity-60`}>
                            Compute the places and start calling
                          </button>
                          <p id="compute-when" className="mt-1 text-sm">
                            Available from <time dateTime={line.callAt.toISOString()}>{formatTime(line.callAt, tz)}</time>.
                          </p>
                        </>
                      )}
                    </div>
                  </form>
                </section>
              </>
            ) : null}

            {line.status === 'calling' ? (
              <section id="calling" aria-labelledby="calling-heading" className="mb-8">
                <h2 id="calling-heading" className="font-serif text-2xl font-bold">
                  Calling
                </h2>
                <p className="mt-1" data-testid="rush-places">
                  {line.placesToSell} places for the line: {line.placesSold} sold, {line.placesOffered} offered to numbers called, {Math.max(placesLeft ?? 0, 0)} left.
                </p>
                <div className="mt-3 rounded-lg border-4 border-stone-900 bg-white p-4 text-center">
                  <p className="text-lg font-semibold">Now calling</p>
                  <p className="font-serif text-7xl font-bold tabular-nums" data-testid="now-calling">
                    {called.length ? called.map((n) => n.number).join(' · ') : '—'}
                  </p>
                </div>
                <form action={callNextRushNumberAction} className="mt-3">
                  {hidden()}
                  <PendingButton className={button}>Call the next number</PendingButton>
                </form>
              </section>
            ) : null}

            <section id="numbers" aria-labelledby="numbers-heading" className="mb-8">
              <h2 id="numbers-heading" className="font-serif text-2xl font-bold">
                Numbers
              </h2>
              {view.numbers.length === 0 ? <p className="mt-2">No numbers handed out yet.</p> : null}
              <ul className="mt-3 grid gap-3">
                {view.numbers.map((n) => (
                  <li key={n.id} className="rounded-lg border border-stone-300 bg-white p-3" data-number={n.number}>
                    <p>
                      <strong className="text-xl">No. {n.number}</strong> · party of {n.partySize} · <span data-testid="number-status">{NUMBER_STATUS[n.status]}</span>
                      {n.orderNumber ? ` · order ${n.orderNumber}, ${n.placesBought} ticket${n.placesBought === 1 ? '' : 's'}` : ''}
                    </p>
                    {n.status === 'called' && line.status === 'calling' ? (
                      <form action={sellToRushNumberAction} className="mt-2 grid gap-3 sm:grid-cols-3">
                        {hidden({ numberId: n.id })}
                        <div>
                          <label htmlFor={`type-${n.id}`} className={label}>
                            Ticket type
                          </label>
                          <select id={`type-${n.id}`} name="ticketTypeId" className={`${input} w-full`}>
                            {view.ticketTypes.map((t) => (
                              <option key={t.id} value={t.id}>
                                {t.name} ({money(t.priceCents)})
                              </option>
                            ))}
                          </select>
                        </div>
                        <div>
                          <label htmlFor={`qty-${n.id}`} className={label}>
                            Tickets
                          </label>
                          <select id={`qty-${n.id}`} name="quantity" defaultValue={String(n.partySize)} className={`${input} w-full`}>
                            {Array.from({ length: n.partySize }, (_, i) => i + 1).map((k) => (
                              <option key={k} value={k}>
                                {k}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div>
                          <label htmlFor={`method-${n.id}`} className={label}>
                            Payment
                          </label>
                          <select id={`method-${n.id}`} name="method" className={`${input} w-full`}>
                            <option value="cash">Cash</option>
                            <option value="card_terminal">Card terminal</option>
                            <option value="complimentary">Complimentary</option>
                          </select>
                        </div>
                        <div>
                          <label htmlFor={`ref-${n.id}`} className={label}>
                            Terminal receipt (card)
                          </label>
                          <input id={`ref-${n.id}`} name="reference" className={`${input} w-full`} />
                        </div>
                        <div>
                          <label htmlFor={`reason-${n.id}`} className={label}>
                            Reason (comps)
                          </label>
                          <input id={`reason-${n.id}`} name="reason" className={`${input} w-full`} />
                        </div>
                        <div>
                          <label htmlFor={`email-${n.id}`} className={label}>
                            Email the tickets (optional)
                          </label>
                          <input id={`email-${n.id}`} name="buyerEmail" type="email" autoComplete="off" className={`${input} w-full`} />
                        </div>
                        <div className="sm:col-span-3">
                          <PendingButton className={button} label={`Sell to number ${n.number}`}>
                            Sell
                          </PendingButton>
                        </div>
                      </form>
                    ) : null}
                    {(n.status === 'called' || n.status === 'waiting') && line.status !== 'closed' ? (
                      <form action={turnAwayRushNumberAction} className="mt-2">
                        {hidden({ numberId: n.id })}
                        <PendingButton className={quiet} label={`Turn number ${n.number} away`}>
                          Turn away
                        </PendingButton>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>

            <section id="reconciliation" aria-labelledby="reconciliation-heading" className="mb-8">
              <h2 id="reconciliation-heading" className="font-serif text-2xl font-bold">
                Reconciliation
              </h2>
              {view.reconciliation ? (
                <table className="mt-3 w-full max-w-xl border-collapse bg-white text-sm" data-testid="reconciliation">
                  <caption className="sr-only">The rush line&apos;s figures</caption>
                  <tbody>
                    {(
                      [
                        ['Numbers handed out', view.reconciliation.numbersIssued],
                        ['Rush sold (numbers served)', view.reconciliation.rushSold],
                        ['Places sold', view.reconciliation.placesSold],
                        ['Paid tickets', view.reconciliation.paidTickets],
                        ['Comp tickets', view.reconciliation.compTickets],
                        ['Money taken', money(view.reconciliation.amountCents)],
                        ['Turned away', view.reconciliation.turnedAway],
                        ['Still waiting', view.reconciliation.stillWaiting],
                      ] as const
                    ).map(([name, value]) => (
                      <tr key={name}>
                        <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                          {name}
                        </th>
                        <td className="border-b border-stone-200 px-3 py-2 text-right tabular-nums" data-figure={name}>
                          {value}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {line.status !== 'closed' ? (
                <form action={closeRushLineAction} className="mt-4">
                  {hidden()}
                  <PendingButton className={quiet}>Close the line (turn away whoever is left)</PendingButton>
                </form>
              ) : null}
            </section>
          </>
        )}
      </div>
    </Container>
  );
}

function Figure({ name, value, testId }: { name: string; value: number | string; testId?: string }) {
  return (
    <div className="rounded-lg border border-stone-300 bg-white p-3">
      <dt className="text-sm font-semibold">{name}</dt>
      <dd className="font-serif text-3xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
