import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/ui/Pager';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { programmePages } from '@/domain/programme/pages';
import { formatDateTime, formatIsoDateShort, formatTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { ProgrammeNav } from '@/components/programme/ProgrammeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Programme', robots: { index: false } };

type Query = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

const STATUS: Record<string, string> = { scheduled: 'Scheduled', on_sale: 'On sale', off_sale: 'Off sale', cancelled: 'Cancelled' };

/** The programme's screenings, a day at a time or all in time order, 25 to a page. */
export default async function ProgrammePage({ searchParams }: { searchParams: Query }) {
  const user = await requirePermission('programme.edit');
  const [query, festival] = await Promise.all([searchParams, requireCurrentFestival()]);
  const day = festival.days.includes(one(query.day) ?? '') ? one(query.day) : undefined;
  const page = Math.max(1, Number(one(query.page)) || 1);
  const list = await programmePages.screenings(festival, { day, page });
  const tz = festival.timeZone;
  const deleted = one(query.deleted) === '1';
  const imported = Number(one(query.imported)) || 0;
  const link = (p: number) => `/box-office/programme?${new URLSearchParams({ ...(day ? { day } : {}), page: String(p) })}`;

  return (
    <Container>
      <PageHeading lead="Screenings, films, people and price lists. Changes show on the public programme at once.">Programme</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/programme" />
      <ProgrammeNav current="/box-office/programme" />
      {deleted ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          The screening was deleted.
        </p>
      ) : null}
      {imported > 0 ? (
        <p role="status" className="mb-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3">
          {imported} screening{imported === 1 ? ' was' : 's were'} imported.
        </p>
      ) : null}
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="day" className="block text-sm font-semibold">
              Day
            </label>
            <select id="day" name="day" defaultValue={day ?? ''} className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2">
              <option value="">Every day</option>
              {festival.days.map((d) => (
                <option key={d} value={d}>
                  {formatIsoDateShort(d)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-4 font-semibold">
            Show
          </button>
        </form>
        <Link href="/box-office/programme/screenings/new" className="inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-semibold text-white">
          New screening
        </Link>
      </div>
      {list.screenings.length === 0 ? (
        <p>No screenings {day ? 'on this day' : 'yet'}.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Screenings in time order</caption>
            <thead>
              <tr className="border-b border-stone-400">
                <th scope="col" className="px-2 py-2">When</th>
                <th scope="col" className="px-2 py-2">Screening</th>
                <th scope="col" className="px-2 py-2">Venue</th>
                <th scope="col" className="px-2 py-2">Status</th>
                <th scope="col" className="px-2 py-2">Sold / held / places</th>
              </tr>
            </thead>
            <tbody>
              {list.screenings.map((s) => (
                <tr key={s.id} className="border-b border-stone-200">
                  <td className="px-2 py-2">
                    {formatDateTime(s.startsAt, tz)} – {formatTime(s.endsAt, tz)}
                  </td>
                  <td className="px-2 py-2">
                    <Link href={`/box-office/programme/screenings/${s.id}`} className="underline">
                      {s.title}
                    </Link>
                  </td>
                  <td className="px-2 py-2">{s.venue}</td>
                  <td className="px-2 py-2">{STATUS[s.status] ?? s.status}</td>
                  <td className="px-2 py-2">
                    {s.sold} / {s.held} / {s.capacity}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} hasMore={list.hasMore} href={link} />
    </Container>
  );
}
