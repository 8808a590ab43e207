import type { Metadata } from 'next';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { getAccessReportForStaff } from '@/domain/access/indigenous-views';
import { requirePermission } from '@/web/auth/guards';
import { formatDayShort, formatIsoDateLong, formatTime, isIsoDate, localDate } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Access reports', robots: { index: false } };

const cell = 'border-b border-stone-200 px-3 py-2 text-right tabular-nums';
const head = 'border-b border-stone-400 px-3 py-2 text-right font-semibold';

/** Counts per screening and per day for every scheme. Never a name or an email; small Indigenous Access counts are hidden. */
export default async function AccessReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('access.reports');
  const festival = await requireCurrentFestival();
  const report = await getAccessReportForStaff(festival);
  const tz = festival.timeZone;
  // One festival day of screenings at a time, so the page stays short at a festival's size; the CSV has them all.
  const asked = (await searchParams).day;
  const today = localDate(new Date(), tz);
  const day =
    typeof asked === 'string' && isIsoDate(asked) && festival.days.includes(asked) ? asked : festival.days.includes(today) ? today : festival.days[0];
  const screenings = report.screenings.filter((r) => localDate(r.startsAt, tz) === day);

  return (
    <Container>
      <PageHeading lead="How the access schemes are used, in counts only. Indigenous Access counts under 5 are shown as “fewer than 5”, and a day total that would give one away is withheld, so that no number can point at a person.">
        Access reports
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/reports" />
      <p className="mb-6">
        <a href="/box-office/reports/access-counts.csv" className="underline" download>
          Download the counts per screening (CSV)
        </a>
      </p>

      <section aria-labelledby="by-day">
        <h2 id="by-day" className="font-serif text-2xl font-bold">
          By day
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse bg-white text-sm">
            <caption className="sr-only">Access tickets per festival day and scheme</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-400 px-3 py-2 text-left font-semibold">Day</th>
                <th scope="col" className="border-b border-stone-400 px-3 py-2 text-left font-semibold">Scheme</th>
                <th scope="col" className={head}>Issued</th>
                <th scope="col" className={head}>Cancelled</th>
                <th scope="col" className={head}>Checked in</th>
                <th scope="col" className={head}>Waiting</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={`${d.day}-${d.scheme}`}>
                  <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">{formatIsoDateLong(d.day)}</th>
                  <td className="border-b border-stone-200 px-3 py-2">{accessSchemeInfo(d.scheme).label}</td>
                  <td className={cell}>{d.issued}</td>
                  <td className={cell}>{d.cancelled}</td>
                  <td className={cell}>{d.checkedIn}</td>
                  <td className={cell}>{d.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="by-screening" className="mt-8">
        <h2 id="by-screening" className="font-serif text-2xl font-bold">
          By screening{day ? `: ${formatIsoDateLong(day)}` : ''}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="report-day" className="block text-sm font-semibold">
              Day
            </label>
            <select id="report-day" name="day" defaultValue={day} className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2">
              {festival.days.map((d) => (
                <option key={d} value={d}>
                  {formatIsoDateLong(d)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 font-semibold">
            Show
          </button>
        </form>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[44rem] border-collapse bg-white text-sm">
            <caption className="sr-only">Access tickets per screening and scheme</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-400 px-3 py-2 text-left font-semibold">Screening</th>
                <th scope="col" className="border-b border-stone-400 px-3 py-2 text-left font-semibold">Scheme</th>
                <th scope="col" className={head}>Issued</th>
                <th scope="col" className={head}>Cancelled</th>
                <th scope="col" className={head}>Checked in</th>
                <th scope="col" className={head}>Waiting</th>
              </tr>
            </thead>
            <tbody>
              {screenings.map((r) => (
                <tr key={`${r.screeningId}-${r.scheme}`}>
                  <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                    {r.title}
                    <span className="block text-xs text-muted">
                      <time dateTime={r.startsAt.toISOString()}>
                        {formatDayShort(r.startsAt, tz)}, {formatTime(r.startsAt, tz)}
                      </time>
                    </span>
                  </th>
                  <td className="border-b border-stone-200 px-3 py-2">{accessSchemeInfo(r.scheme).label}</td>
                  <td className={cell}>{r.issued}</td>
                  <td className={cell}>{r.cancelled}</td>
                  <td className={cell}>{r.checkedIn}</td>
                  <td className={cell}>{r.waiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {screenings.length === 0 ? <p className="mt-2">No screenings that day.</p> : null}
        </div>
      </section>
    </Container>
  );
}
