import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getAccessReportForStaff } from '@/domain/access/indigenous-views';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { daysUntil, DAYS_SHOWN, type SalesTable } from '@/domain/reports/csv';
import {
  listCheckInRates,
  listPaymentMethods,
  listSalesByDay,
  listSalesByFilm,
  listSalesByScreening,
  listTicketTypeMix,
  PAYMENT_METHOD_LABEL,
} from '@/domain/reports/sales';
import { formatCents } from '@/lib/format';
import { addDays, formatIsoDateLong, formatIsoDateShort, formatTime, isIsoDate, localDate } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Sales reports', robots: { index: false } };

const cell = 'border-b border-stone-200 px-3 py-2 text-right tabular-nums';
const head = 'border-b border-stone-400 px-3 py-2 text-right font-semibold';
const headLeft = 'border-b border-stone-400 px-3 py-2 text-left font-semibold';
const rowHead = 'border-b border-stone-200 px-3 py-2 text-left font-normal';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/**
 * Sales reports for the desk and the office: counts and amounts only, each table bounded (one day, 31 days, a page of
 * films) and exported as CSV by the route beside this page. Money is read from payments and refunds; the access
 * schemes are counted in the access reports, which this page links rather than repeats.
 */
export default async function SalesReportsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission('reports.read');
  const festival = await requireCurrentFestival();
  const tz = festival.timeZone;
  const params = await searchParams;
  const today = localDate(new Date(), tz);
  const askedDay = one(params.day);
  const day = askedDay && isIsoDate(askedDay) ? askedDay : festival.days.includes(today) ? today : (festival.days[0] ?? today);
  const askedUntil = one(params.until);
  const until = askedUntil && isIsoDate(askedUntil) ? askedUntil : today;
  const filmPage = Math.max(1, Math.min(10_000, Number.parseInt(one(params.films) ?? '1', 10) || 1));

  const [byScreening, checkIns, methods, byDay, byFilm, mix, access] = await Promise.all([
    listSalesByScreening(festival, day),
    listCheckInRates(festival, day),
    listPaymentMethods(festival, day),
    listSalesByDay(festival, daysUntil(until)),
    listSalesByFilm(festival, filmPage),
    listTicketTypeMix(festival),
    getAccessReportForStaff(festival),
  ]);
  const money = (cents: number) => formatCents(cents, festival.currency);
  const exportHref = (table: SalesTable, extra: Record<string, string> = {}) => `/box-office/sales/sales.csv?${new URLSearchParams({ table, ...extra })}`;
  const here = (change: Record<string, string>) => `/box-office/sales?${new URLSearchParams({ day, until, films: String(filmPage), ...change })}`;
  const accessDay = access.days.filter((d) => d.day === day);

  return (
    <Container>
      <PageHeading lead="What was sold, given, refunded and used: counts and amounts only. Money comes from the payments and refunds recorded, in festival time; each table has a CSV export.">
        Sales reports
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/sales" />

      <form method="get" className="mb-8 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="sales-day" className="block text-sm font-semibold">
            Day
          </label>
          <input id="sales-day" type="date" name="day" defaultValue={day} className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2" />
        </div>
        <input type="hidden" name="until" value={until} />
        <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 font-semibold">
          Show
        </button>
        <p className="text-sm text-muted">Festival days: {festival.days.map((d) => formatIsoDateShort(d)).join(', ')}.</p>
      </form>

      <Report id="by-screening" title={`By screening: ${formatIsoDateLong(day)}`} csv={exportHref('screenings', { day })}>
        <Table caption="Sales per screening of the day" empty={byScreening.length === 0 ? 'No screenings that day.' : null}
          columns={['Screening', 'Tickets sold', 'Comps', 'Refunded or void', 'Taken', 'Refunded', 'Net']}>
          {byScreening.map((r) => (
            <tr key={r.screeningId}>
              <th scope="row" className={rowHead}>
                {r.title}
                <span className="block text-xs text-muted">
                  <time dateTime={r.startsAt.toISOString()}>{formatTime(r.startsAt, tz)}</time>
                </span>
              </th>
              <td className={cell}>{r.ticketsSold}</td>
              <td className={cell}>{r.comps}</td>
              <td className={cell}>{r.ticketsVoided}</td>
              <td className={cell}>{money(r.takenCents)}</td>
              <td className={cell}>{money(r.refundedCents)}</td>
              <td className={cell}>{money(r.netCents)}</td>
            </tr>
          ))}
        </Table>
      </Report>

      <Report id="till" title={`Money by payment method: ${formatIsoDateLong(day)}`} csv={exportHref('payment-methods', { day })}
        lead="Taken and refunded that day, whatever screening it was for, so the desk can count its till against it. Complimentary counts orders (no money).">
        <Table caption="Money by payment method" columns={['Method', 'Payments', 'Amount', 'Refunds', 'Refunded', 'Net']}>
          {methods.methods.map((m) => (
            <tr key={m.method} data-method={m.method}>
              <th scope="row" className={rowHead}>{PAYMENT_METHOD_LABEL[m.method]}</th>
              <td className={cell}>{m.payments}</td>
              <td className={cell}>{money(m.amountCents)}</td>
              <td className={cell}>{m.refunds}</td>
              <td className={cell}>{money(m.refundedCents)}</td>
              <td className={cell}>{money(m.netCents)}</td>
            </tr>
          ))}
        </Table>
        <h3 className="mt-6 font-semibold">Taken at the desk, per staff member</h3>
        <p className="mt-1 text-sm">
          <a href={exportHref('till', { day })} className="underline" download>
            Download the desk&apos;s takings (CSV)
          </a>
        </p>
        <Table caption="Payments taken at the desk per staff member and method" empty={methods.till.length === 0 ? 'Nothing taken at the desk that day.' : null}
          columns={['Staff member', 'Method', 'Payments', 'Amount']}>
          {methods.till.map((t) => (
            <tr key={`${t.staff}-${t.method}`}>
              <th scope="row" className={rowHead}>{t.staff}</th>
              <td className="border-b border-stone-200 px-3 py-2">{PAYMENT_METHOD_LABEL[t.method]}</td>
              <td className={cell}>{t.payments}</td>
              <td className={cell}>{money(t.amountCents)}</td>
            </tr>
          ))}
        </Table>
      </Report>

      <Report id="check-ins" title={`Check-in and no-shows: ${formatIsoDateLong(day)}`} csv={exportHref('check-ins', { day })}
        lead="Screenings of the day that have started. Indigenous Access tickets are counted only in the access reports.">
        <Table caption="Check-in and no-show rates" empty={checkIns.length === 0 ? 'No screening of that day has started yet.' : null}
          columns={['Screening', 'Tickets', 'Checked in', 'No-shows', 'Check-in rate', 'No-show rate']}>
          {checkIns.map((r) => (
            <tr key={r.screeningId}>
              <th scope="row" className={rowHead}>
                {r.title}
                <span className="block text-xs text-muted">
                  <time dateTime={r.startsAt.toISOString()}>{formatTime(r.startsAt, tz)}</time>
                </span>
              </th>
              <td className={cell}>{r.tickets}</td>
              <td className={cell}>{r.checkedIn}</td>
              <td className={cell}>{r.noShows}</td>
              <td className={cell}>{pct(r.checkInPercent)}</td>
              <td className={cell}>{pct(r.noShowPercent)}</td>
            </tr>
          ))}
        </Table>
      </Report>

      <Report id="by-day" title={`By day of sale: ${DAYS_SHOWN} days to ${formatIsoDateLong(until)}`} csv={exportHref('days', { until })}>
        <p className="mb-2 text-sm">
          <Link href={here({ until: addDays(until, -DAYS_SHOWN) })} className="underline">Earlier days</Link>
          {until < today ? (
            <>
              {' · '}
              <Link href={here({ until: addDays(until, DAYS_SHOWN) > today ? today : addDays(until, DAYS_SHOWN) })} className="underline">Later days</Link>
            </>
          ) : null}
        </p>
        <Table caption="Sales per day of sale" columns={['Day', 'Tickets issued', 'Taken', 'Refunded', 'Net']}>
          {[...byDay].reverse().map((r) => (
            <tr key={r.day}>
              <th scope="row" className={rowHead}>{formatIsoDateShort(r.day)}</th>
              <td className={cell}>{r.ticketsIssued}</td>
              <td className={cell}>{money(r.takenCents)}</td>
              <td className={cell}>{money(r.refundedCents)}</td>
              <td className={cell}>{money(r.netCents)}</td>
            </tr>
          ))}
        </Table>
      </Report>

      <Report id="by-film" title="By film" csv={exportHref('films', { page: String(byFilm.page) })} lead="The whole festival, best-selling first; a shorts programme counts as one title.">
        <Table caption="Sales per film" empty={byFilm.rows.length === 0 ? 'No films on this page.' : null}
          columns={['Film', 'Screenings', 'Tickets sold', 'Comps', 'Refunded or void', 'Taken', 'Refunded', 'Net']}>
          {byFilm.rows.map((r) => (
            <tr key={r.title}>
              <th scope="row" className={rowHead}>{r.title}</th>
              <td className={cell}>{r.screenings}</td>
              <td className={cell}>{r.ticketsSold}</td>
              <td className={cell}>{r.comps}</td>
              <td className={cell}>{r.ticketsVoided}</td>
              <td className={cell}>{money(r.takenCents)}</td>
              <td className={cell}>{money(r.refundedCents)}</td>
              <td className={cell}>{money(r.netCents)}</td>
            </tr>
          ))}
        </Table>
        <p className="mt-2 text-sm">
          {byFilm.page > 1 ? <Link href={here({ films: String(byFilm.page - 1) })} className="mr-4 underline">Previous films</Link> : null}
          {byFilm.hasMore ? <Link href={here({ films: String(byFilm.page + 1) })} className="underline">More films</Link> : null}
        </p>
      </Report>

      <Report id="ticket-types" title="Ticket-type mix" csv={exportHref('ticket-types')} lead="Valid tickets of the whole festival by ticket type, at the price each was sold for.">
        <Table caption="Tickets per ticket type" empty={mix.length === 0 ? 'No tickets yet.' : null} columns={['Ticket type', 'Tickets', 'Share', 'Face value']}>
          {mix.map((r) => (
            <tr key={r.name}>
              <th scope="row" className={rowHead}>{r.name}</th>
              <td className={cell}>{r.tickets}</td>
              <td className={cell}>{pct(r.sharePercent)}</td>
              <td className={cell}>{money(r.valueCents)}</td>
            </tr>
          ))}
        </Table>
      </Report>

      <Report id="access" title={`Access schemes: ${formatIsoDateLong(day)}`}
        lead="Counts only, from the access reports (Indigenous Access counts under 5 read “fewer than 5”).">
        <p className="mb-2 text-sm">
          Per screening, every day and the CSV: <Link href={`/box-office/reports?day=${day}`} className="underline">access reports</Link>; money given to
          the access fund and spent from it: <Link href="/box-office/fund" className="underline">the fund&apos;s ledger</Link>.
        </p>
        <Table caption="Access tickets of the day per scheme" empty={accessDay.length === 0 ? 'No access places that day.' : null}
          columns={['Scheme', 'Issued', 'Cancelled', 'Checked in', 'Waiting']}>
          {accessDay.map((d) => (
            <tr key={d.scheme}>
              <th scope="row" className={rowHead}>{accessSchemeInfo(d.scheme).label}</th>
              <td className={cell}>{d.issued}</td>
              <td className={cell}>{d.cancelled}</td>
              <td className={cell}>{d.checkedIn}</td>
              <td className={cell}>{d.waiting}</td>
            </tr>
          ))}
        </Table>
      </Report>
    </Container>
  );
}

function Report({ id, title, lead, csv, children }: { id: string; title: string; lead?: string; csv?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="font-serif text-2xl font-bold">
        {title}
      </h2>
      {lead ? <p className="mt-1 text-sm text-muted">{lead}</p> : null}
      {csv ? (
        <p className="mt-1 text-sm">
          <a href={csv} className="underline" download>
            Download <span className="sr-only">{title}, </span>this table (CSV)
          </a>
        </p>
      ) : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Table({ caption, columns, empty, children }: { caption: string; columns: string[]; empty?: string | null; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={i === 0 ? headLeft : head}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty ? <p className="mt-2">{empty}</p> : null}
    </div>
  );
}
