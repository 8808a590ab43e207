import type { Metadata } from 'next';
import Link from 'next/link';
import { bulkAllocationAction, updateDefaultsAction } from './actions';
import { listAllocationOverview, listFestivalSchemeSettings, OVERVIEW_PAGE_SIZE, type SchemeAllocation } from '@/domain/access/allocations';
import { ACCESS_SCHEMES, accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { listProgrammeFilterOptions, requireCurrentFestival } from '@/domain/catalogue/festival';
import { formatDateTime, formatIsoDateShort, isIsoDate } from '@/lib/time';
import { doneMessage, refusalMessage } from '@/web/access/allocation-forms';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Access allocations', robots: { index: false } };

type Query = Record<string, string | string[] | undefined>;

const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
const label = 'block text-sm font-semibold';
const button = 'min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white';

/** One scheme's figures in a cell: allocated, claimed, free, and its cut-off. */
function SchemeCell({ a, timeZone }: { a: SchemeAllocation | undefined; timeZone: string }) {
  if (!a) return <td className="px-2 py-2">—</td>;
  return (
    <td className="px-2 py-2 align-top">
      <span className="font-semibold">{a.allocated}</span> set aside
      <span className="block text-xs">
        {a.sold} claimed{a.held ? `, ${a.held} held` : ''}
        {a.allotted ? `, ${a.allotted} with partners` : ''}, {a.free} free
      </span>
      <span className="block text-xs text-muted">
        {a.releasedAt ? 'Returned to general sale' : `Cut-off ${formatDateTime(a.cutOffAt, timeZone)}`}
      </span>
    </td>
  );
}

/** Staff's overview of every screening's access allocations, the festival's defaults and the bulk edit. */
export default async function AllocationsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requirePermission('allocations.manage');
  const [festival, query] = await Promise.all([requireCurrentFestival(), searchParams]);
  const day = typeof query.day === 'string' && isIsoDate(query.day) && festival.days.includes(query.day) ? query.day : undefined;
  const options = await listProgrammeFilterOptions(festival);
  const venue = typeof query.venue === 'string' && options.venues.some((v) => v.value === query.venue) ? query.venue : undefined;
  const page = Number(typeof query.page === 'string' ? query.page : 1) || 1;
  const [overview, settings] = await Promise.all([
    listAllocationOverview(festival, { day, venueSlug: venue }, page),
    listFestivalSchemeSettings(festival.id),
  ]);
  const refused = typeof query.at === 'string' ? overview.screenings.find((x) => x.id === query.at) : undefined;
  const refusal = refusalMessage(query);
  const done = doneMessage(query);
  const pageLink = (n: number) => {
    const q = new URLSearchParams();
    if (day) q.set('day', day);
    if (venue) q.set('venue', venue);
    q.set('page', String(n));
    return `/box-office/allocations?${q.toString()}`;
  };

  return (
    <Container>
      <PageHeading lead="How many places each access scheme holds back at every screening, and when unclaimed places return to general sale.">
        Access allocations
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/allocations" />
      {refusal ? (
        <div className="mb-4">
          <Notice title="Nothing was changed" tone="warn">
            {refused ? `${refused.title}, ${formatDateTime(refused.startsAt, festival.timeZone)}: ` : ''}
            {refusal}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="mb-4">
          <Notice title="Saved">{done}</Notice>
        </div>
      ) : null}

      <section aria-labelledby="defaults" className="mb-10">
        <h2 id="defaults" className="font-serif text-2xl font-bold">
          Festival defaults
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          A new screening sets aside this share of its house for each scheme (rounded down). Unclaimed places go back on general sale
          the given number of hours before the screening starts. Changing a default does not change screenings that already exist:
          use the bulk edit below for those.
        </p>
        <div className="mt-4 grid gap-4 lg:grid-cols-3">
          {settings.map((s) => {
            const id = `defaults-${s.scheme}`;
            return (
              <form key={s.scheme} action={updateDefaultsAction} aria-labelledby={`${id}-title`} className="grid gap-3 rounded-lg border border-stone-300 bg-white p-4">
                <h3 id={`${id}-title`} className="font-semibold">
                  {accessSchemeInfo(s.scheme).label}
                </h3>
                <input type="hidden" name="scheme" value={s.scheme} />
                <div>
                  <label htmlFor={`${id}-share`} className={label}>
                    Share of each new screening (%)
                  </label>
                  <input id={`${id}-share`} name="share" type="number" min={0} max={100} step={0.01} required defaultValue={s.defaultShareBasisPoints / 100} className={field} />
                </div>
                <div>
                  <label htmlFor={`${id}-hours`} className={label}>
                    Cut-off: hours before the screening
                  </label>
                  <input id={`${id}-hours`} name="releaseHoursBefore" type="number" min={0} max={720} step={1} required defaultValue={s.releaseHoursBefore} className={field} />
                </div>
                <div>
                  <label htmlFor={`${id}-per-screening`} className={label}>
                    Tickets per person per screening
                  </label>
                  <input id={`${id}-per-screening`} name="perScreeningLimit" type="number" min={1} max={100} step={1} defaultValue={s.perScreeningLimit ?? ''} aria-describedby={`${id}-limits-hint`} className={field} />
                </div>
                <div>
                  <label htmlFor={`${id}-per-festival`} className={label}>
                    Tickets per person per festival
                  </label>
                  <input id={`${id}-per-festival`} name="perFestivalLimit" type="number" min={1} max={1000} step={1} defaultValue={s.perFestivalLimit ?? ''} aria-describedby={`${id}-limits-hint`} className={field} />
                  <p id={`${id}-limits-hint`} className="mt-1 text-xs text-muted">
                    Leave empty for no limit.
                  </p>
                </div>
                <div>
                  <label htmlFor={`${id}-offer`} className={label}>
                    Waiting-list offers last (minutes)
                  </label>
                  <input id={`${id}-offer`} name="offerMinutes" type="number" min={5} max={10080} step={1} required defaultValue={s.offerMinutes} className={field} />
                </div>
                <div>
                  <button type="submit" className={button}>
                    Save {accessSchemeInfo(s.scheme).label} defaults
                  </button>
                </div>
              </form>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="screenings">
        <h2 id="screenings" className="font-serif text-2xl font-bold">
          Screenings
        </h2>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter screenings">
          <div>
            <label htmlFor="filter-day" className={label}>
              Day
            </label>
            <select id="filter-day" name="day" defaultValue={day ?? ''} className={field}>
              <option value="">Every day</option>
              {festival.days.map((d) => (
                <option key={d} value={d}>
                  {formatIsoDateShort(d)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-venue" className={label}>
              Venue
            </label>
            <select id="filter-venue" name="venue" defaultValue={venue ?? ''} className={field}>
              <option value="">Every venue</option>
              {options.venues.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-stone-500 bg-white px-4 py-2 font-semibold">
            Show
          </button>
        </form>

        <form action={bulkAllocationAction} className="mt-4">
          <div className="overflow-x-auto">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">
                Screenings {overview.total ? `${(overview.page - 1) * OVERVIEW_PAGE_SIZE + 1} to ${(overview.page - 1) * OVERVIEW_PAGE_SIZE + overview.screenings.length} of ${overview.total}` : ''}, with each access
                scheme&apos;s places
              </caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="px-2 py-2">
                    <span className="sr-only">Choose for the bulk edit</span>
                  </th>
                  <th scope="col" className="px-2 py-2">
                    Screening
                  </th>
                  <th scope="col" className="px-2 py-2">
                    General sale
                  </th>
                  {ACCESS_SCHEMES.map((s) => (
                    <th key={s.scheme} scope="col" className="px-2 py-2">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.screenings.map((s) => (
                  <tr key={s.id} className="border-b border-stone-200">
                    <td className="px-2 py-2 align-top">
                      <input id={`pick-${s.id}`} type="checkbox" name="screeningIds" value={s.id} className="h-5 w-5" aria-label={`${s.title}, ${formatDateTime(s.startsAt, festival.timeZone)}`} />
                    </td>
                    <th scope="row" className="px-2 py-2 text-left align-top font-normal">
                      <Link href={`/box-office/allocations/${s.id}`} className="font-semibold underline underline-offset-2">
                        {s.title}
                      </Link>
                      <span className="block text-xs">
                        {formatDateTime(s.startsAt, festival.timeZone)} · {s.venue}
                        {s.status === 'cancelled' ? ' · cancelled' : ''}
                      </span>
                    </th>
                    <td className="px-2 py-2 align-top">
                      {s.generalSale.free} free of {s.generalSale.capacity}
                      <span className="block text-xs text-muted">house {s.house}</span>
                    </td>
                    {ACCESS_SCHEMES.map((scheme) => (
                      <SchemeCell key={scheme.scheme} a={s.schemes.find((x) => x.scheme === scheme.scheme)} timeZone={festival.timeZone} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {overview.screenings.length === 0 ? <p className="mt-3">No screenings match these filters.</p> : null}
          {overview.pages > 1 ? (
            <nav aria-label="Pages of screenings" className="mt-3 flex flex-wrap gap-3 text-sm">
              {overview.page > 1 ? (
                <Link href={pageLink(overview.page - 1)} className="underline">
                  Previous page
                </Link>
              ) : null}
              <span>
                Page {overview.page} of {overview.pages}
              </span>
              {overview.page < overview.pages ? (
                <Link href={pageLink(overview.page + 1)} className="underline">
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}

          <fieldset id="bulk" className="mt-6 grid gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
            <legend className="px-1 font-serif text-xl font-bold">Bulk edit the chosen screenings</legend>
            <p className="text-sm text-muted sm:col-span-2 lg:col-span-5">
              All or nothing: if one chosen screening cannot take the change (places already claimed, or too few free on general sale),
              nothing changes and you are told which one.
            </p>
            <div>
              <label htmlFor="bulk-scheme" className={label}>
                Scheme
              </label>
              <select id="bulk-scheme" name="scheme" className={field}>
                {ACCESS_SCHEMES.map((s) => (
                  <option key={s.scheme} value={s.scheme}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="bulk-mode" className={label}>
                Set each to
              </label>
              <select id="bulk-mode" name="mode" className={field}>
                <option value="places">A number of places</option>
                <option value="percent">A share of its house (%)</option>
              </select>
            </div>
            <div>
              <label htmlFor="bulk-value" className={label}>
                Places or %
              </label>
              <input id="bulk-value" name="value" type="number" min={0} step="any" required className={field} />
            </div>
            <div>
              <label htmlFor="bulk-reason" className={label}>
                Reason
              </label>
              <input id="bulk-reason" name="reason" type="text" required minLength={3} maxLength={300} className={field} />
            </div>
            <div className="flex items-end">
              <button type="submit" className={button}>
                Apply to chosen screenings
              </button>
            </div>
          </fieldset>
        </form>
      </section>
    </Container>
  );
}
