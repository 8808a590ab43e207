import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getAuditLogPage, type AuditEntryView, type AuditFields, type AuditValue } from '@/domain/audit/audit-log';
import { requirePermission } from '@/web/auth/guards';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

const field = 'mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2';
const cell = 'border-b border-stone-200 px-3 py-2 align-top';
const head = 'border-b border-stone-400 px-3 py-2 text-left font-semibold';

const SUBJECTS: Record<AuditEntryView['subjectKind'], string> = {
  screening: 'Screening',
  order: 'Order',
  organisation: 'Organisation',
  allotment: 'Allotment',
  donation_request: 'Donation request',
  user: 'Account',
  festival: 'Festival',
  film: 'Film',
  person: 'Person',
  venue: 'Venue',
  ticket: 'Ticket',
  rush_line: 'Rush line',
  api_token: 'API token',
};

/** 'setAllocationsInBulk' → 'Set allocations in bulk': the command's name, read as words. */
const words = (name: string) => {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const show = (v: AuditValue | undefined): string => {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map(show).join(', ');
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k.length > 20 ? `${k.slice(0, 8)}…` : words(k)}: ${show(x)}`).join('; ');
  return String(v);
};

/** One line per field: "places: 4 → 6"; a field on one side only shows a dash on the other. */
function Change({ before, after }: { before: AuditFields | null; after: AuditFields | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span>—</span>;
  return (
    <ul className="space-y-1">
      {keys.map((k) => {
        const from = before?.[k];
        const to = after?.[k];
        const same = before !== null && JSON.stringify(from) === JSON.stringify(to);
        return (
          <li key={k}>
            <span className="font-semibold">{words(k)}:</span> {same ? show(to) : `${before ? show(from) : '—'} → ${after ? show(to) : '—'}`}
          </li>
        );
      })}
    </ul>
  );
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');

/** Every staff write, newest first, searchable by person, screening and order. Never who claimed Indigenous Access. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('audit.read');
  const festival = await requireCurrentFestival();
  const params = await searchParams;
  const actorId = one(params.person);
  const screeningId = one(params.screening);
  const order = one(params.order);
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(one(params.page))) || 1));
  const log = await getAuditLogPage(festival.id, { actorId: actorId || undefined, screeningId: screeningId || undefined, order: order || undefined, page });
  const titles = new Map(log.screenings.map((s) => [s.id, s.title]));
  const link = (p: number) => {
    const q = new URLSearchParams();
    if (actorId) q.set('person', actorId);
    if (screeningId) q.set('screening', screeningId);
    if (order) q.set('order', order);
    q.set('page', String(p));
    return `/box-office/audit?${q.toString()}`;
  };

  return (
    <Container>
      <PageHeading lead="Every change staff and admins make, with who made it, when, and what it was before and after. Claims people make for themselves are not listed here.">
        Audit log
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/audit" />

      <form method="get" className="grid gap-3 sm:grid-cols-4 sm:items-end" aria-label="Search the audit log">
        <div>
          <label htmlFor="audit-person" className="block text-sm font-semibold">
            Person
          </label>
          <select id="audit-person" name="person" defaultValue={actorId} className={field}>
            <option value="">Anyone</option>
            {log.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-screening" className="block text-sm font-semibold">
            Screening
          </label>
          <select id="audit-screening" name="screening" defaultValue={screeningId} className={field}>
            <option value="">Any screening</option>
            {log.screenings.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}, {formatDateTime(s.startsAt, festival.timeZone)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-order" className="block text-sm font-semibold">
            Order number or id
          </label>
          <input id="audit-order" name="order" defaultValue={order} className={field} autoComplete="off" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 font-semibold">
            Search
          </button>
          <Link href="/box-office/audit" className="inline-flex min-h-11 items-center px-2 underline">
            Clear
          </Link>
        </div>
      </form>

      <section aria-labelledby="audit-results" className="mt-8">
        <h2 id="audit-results" className="font-serif text-2xl font-bold">
          Changes{page > 1 ? `, page ${log.page}` : ''}
        </h2>
        {log.orderNotFound ? (
          <p role="status" className="mt-2">
            No order has the number or id “{order}”.
          </p>
        ) : log.entries.length === 0 ? (
          <p role="status" className="mt-2">
            No changes match this search.
          </p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
              <caption className="sr-only">Staff changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className={head}>When</th>
                  <th scope="col" className={head}>Who</th>
                  <th scope="col" className={head}>What</th>
                  <th scope="col" className={head}>About</th>
                  <th scope="col" className={head}>Before → after</th>
                  <th scope="col" className={head}>Reason</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr key={e.id}>
                    <td className={cell}>
                      <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, festival.timeZone)}</time>
                    </td>
                    <td className={cell}>{e.actor}</td>
                    <td className={cell}>{words(e.action)}</td>
                    <td className={cell}>
                      {SUBJECTS[e.subjectKind]}
                      {e.screeningId && titles.has(e.screeningId) ? <span className="block text-xs text-muted">{titles.get(e.screeningId)}</span> : null}
                    </td>
                    <td className={cell}>
                      <Change before={e.before} after={e.after} />
                    </td>
                    <td className={cell}>{e.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log.page > 1 || log.hasMore ? (
          <nav aria-label="Pages of the audit log" className="mt-4 flex gap-4">
            {log.page > 1 ? (
              <Link href={link(log.page - 1)} className="underline">
                Newer changes
              </Link>
            ) : null}
            {log.hasMore ? (
              <Link href={link(log.page + 1)} className="underline">
                Older changes
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Container>
  );
}
