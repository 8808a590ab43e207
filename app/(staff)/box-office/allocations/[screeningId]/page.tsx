import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { changeAllocationAction } from './actions';
import { getScreeningAllocations, listAllocationChanges } from '@/domain/access/allocations';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { formatDateTime } from '@/lib/time';
import { doneMessage, refusalMessage } from '@/web/access/allocation-forms';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Allocations of a screening', robots: { index: false } };

type Params = Promise<{ screeningId: string }>;
type Query = Record<string, string | string[] | undefined>;

const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
const label = 'block text-sm font-semibold';

const KIND_LABEL = { set: 'Set', top_up: 'Top-up', release: 'Release', cut_off: 'Cut-off', allotment_return: 'Allotment returned' } as const;

/** One screening's allocations: change each scheme with a reason, and read every change made. */
export default async function ScreeningAllocationsPage({ params, searchParams }: { params: Params; searchParams: Promise<Query> }) {
  const user = await requirePermission('allocations.manage');
  const [{ screeningId }, query, festival] = await Promise.all([params, searchParams, requireCurrentFestival()]);
  const screening = await getScreeningAllocations(screeningId);
  if (!screening) notFound();
  const history = await listAllocationChanges(screening.id);
  const tz = festival.timeZone;
  const refusal = refusalMessage(query);
  const done = doneMessage(query);
  const closed = screening.status === 'cancelled' || screening.startsAt <= new Date();

  return (
    <Container>
      <PageHeading lead={`${formatDateTime(screening.startsAt, tz)} · ${screening.venue} · house of ${screening.house}`}>{screening.title}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/allocations" />
      <p className="mb-4 text-sm">
        <Link href="/box-office/allocations" className="underline">
          All allocations
        </Link>
      </p>
      {refusal ? (
        <div className="mb-4">
          <Notice title="Nothing was changed" tone="warn">
            {refusal}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="mb-4">
          <Notice title="Saved">{done}</Notice>
        </div>
      ) : null}
      {closed ? (
        <div className="mb-4">
          <Notice title="This screening is closed">It has started or is cancelled: its allocations no longer change.</Notice>
        </div>
      ) : null}

      <p className="mb-6">
        General sale: <strong>{screening.generalSale.free}</strong> free of {screening.generalSale.capacity} ({screening.generalSale.sold} sold
        {screening.generalSale.held ? `, ${screening.generalSale.held} held` : ''}).
      </p>

      <div className="grid gap-6 lg:grid-cols-3">
        {screening.schemes.map((a) => {
          const info = accessSchemeInfo(a.scheme);
          const id = `change-${a.scheme}`;
          return (
            <section key={a.scheme} id={a.scheme} aria-labelledby={`${id}-title`} className="rounded-lg border border-stone-300 bg-white p-4">
              <h2 id={`${id}-title`} className="font-serif text-xl font-bold">
                {info.label}
              </h2>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 text-sm">
                <dt>Set aside</dt>
                <dd className="font-semibold">{a.allocated}</dd>
                <dt>Claimed</dt>
                <dd>{a.sold}</dd>
                <dt>Held now</dt>
                <dd>{a.held}</dd>
                <dt>With partners</dt>
                <dd>{a.allotted}</dd>
                <dt>Free</dt>
                <dd className="font-semibold">{a.free}</dd>
                <dt>Cut-off</dt>
                <dd>{a.releasedAt ? `Passed: returned to general sale ${formatDateTime(a.releasedAt, tz)}` : formatDateTime(a.cutOffAt, tz)}</dd>
              </dl>
              {closed ? null : (
                <form action={changeAllocationAction} className="mt-4 grid gap-3">
                  <input type="hidden" name="screeningId" value={screening.id} />
                  <input type="hidden" name="scheme" value={a.scheme} />
                  <div>
                    <label htmlFor={`${id}-kind`} className={label}>
                      Change
                    </label>
                    <select id={`${id}-kind`} name="change" className={field} defaultValue="set">
                      <option value="set">Set to exactly this many places</option>
                      <option value="release">Release this many to general sale</option>
                      {a.releasedAt ? null : <option value="top_up">Top up this many from general sale</option>}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`${id}-places`} className={label}>
                      Places
                    </label>
                    <input id={`${id}-places`} name="places" type="number" min={0} step={1} required defaultValue={a.allocated} className={field} />
                  </div>
                  <div>
                    <label htmlFor={`${id}-reason`} className={label}>
                      Reason
                    </label>
                    <input id={`${id}-reason`} name="reason" type="text" required minLength={3} maxLength={300} aria-describedby={`${id}-reason-hint`} className={field} />
                    <p id={`${id}-reason-hint`} className="mt-1 text-xs text-muted">
                      Kept in the history below with your name.
                    </p>
                  </div>
                  <div>
                    <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
                      Save {info.label} change
                    </button>
                  </div>
                </form>
              )}
            </section>
          );
        })}
      </div>

      <section id="history" aria-labelledby="history-title" className="mt-10">
        <h2 id="history-title" className="font-serif text-2xl font-bold">
          History
        </h2>
        {history.length === 0 ? (
          <p className="mt-2">No changes yet: the allocations are as the screening was created.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Every change to this screening&apos;s allocations, newest first</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="px-2 py-2">When</th>
                  <th scope="col" className="px-2 py-2">Scheme</th>
                  <th scope="col" className="px-2 py-2">Change</th>
                  <th scope="col" className="px-2 py-2">Places</th>
                  <th scope="col" className="px-2 py-2">After</th>
                  <th scope="col" className="px-2 py-2">Who</th>
                  <th scope="col" className="px-2 py-2">Why</th>
                </tr>
              </thead>
              <tbody>
                {history.map((c) => (
                  <tr key={c.id} className="border-b border-stone-200">
                    <td className="px-2 py-2">{formatDateTime(c.createdAt, tz)}</td>
                    <td className="px-2 py-2">{accessSchemeInfo(c.scheme).label}</td>
                    <td className="px-2 py-2">{KIND_LABEL[c.kind]}</td>
                    <td className="px-2 py-2">{c.delta > 0 ? `+${c.delta}` : c.delta}</td>
                    <td className="px-2 py-2">{c.quantityAfter}</td>
                    <td className="px-2 py-2">{c.actor ?? 'Automatic (cut-off)'}</td>
                    <td className="px-2 py-2">{c.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Container>
  );
}
