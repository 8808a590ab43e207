import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listCancellableScreenings, listCancellations } from '@/domain/cancellations/queries';
import { formatDateTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { CancellationCounts } from '@/components/box-office/CancellationCounts';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Cancellations', robots: { index: false } };

/** Cancelled screenings and their jobs' progress; and every screening that could still be cancelled. */
export default async function CancellationsPage() {
  const user = await requirePermission('screenings.cancel');
  const festival = await requireCurrentFestival();
  const [cancellations, screenings] = await Promise.all([listCancellations(festival.id), listCancellableScreenings(festival.id)]);
  const tz = festival.timeZone;
  return (
    <Container>
      <PageHeading lead="Cancelling a screening stops its sales at once and emails every holder: paid holders choose a refund, an exchange or a gift to the access fund.">
        Cancellations
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/cancellations" />

      <section aria-labelledby="cancelled-title">
        <h2 id="cancelled-title" className="font-serif text-2xl font-bold">
          Cancelled screenings
        </h2>
        {cancellations.length === 0 ? (
          <p className="mt-2">No screening has been cancelled.</p>
        ) : (
          <ul className="mt-3 grid gap-3">
            {cancellations.map((c) => (
              <li key={c.screeningId} className="rounded-lg border border-stone-300 bg-white p-4">
                <p className="font-semibold">
                  <Link href={`/box-office/cancellations/${c.screeningId}`} className="underline">
                    {c.title}, {formatDateTime(c.startsAt, tz)}
                  </Link>
                </p>
                <p className="text-sm">
                  {c.venue} · {c.status === 'finished' ? 'Done' : 'In progress'} · {c.total} order{c.total === 1 ? '' : 's'}
                </p>
                <CancellationCounts counts={c.counts} compact />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cancel-title" className="mt-10">
        <h2 id="cancel-title" className="font-serif text-2xl font-bold">
          Cancel a screening
        </h2>
        <p className="mt-1 text-sm">You will see what will happen, and confirm, on the next page.</p>
        {screenings.length === 0 ? (
          <p className="mt-2">No screening to cancel.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <caption className="sr-only">Screenings that have not ended and are not cancelled</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="px-2 py-2">Screening</th>
                  <th scope="col" className="px-2 py-2">When</th>
                  <th scope="col" className="px-2 py-2">Valid tickets</th>
                  <th scope="col" className="px-2 py-2"><span className="sr-only">Action</span></th>
                </tr>
              </thead>
              <tbody>
                {screenings.map((s) => (
                  <tr key={s.id} className="border-b border-stone-200">
                    <td className="px-2 py-2">{s.title}<span className="block text-xs text-muted">{s.venue}</span></td>
                    <td className="px-2 py-2">{formatDateTime(s.startsAt, tz)}</td>
                    <td className="px-2 py-2">{s.validTickets}</td>
                    <td className="px-2 py-2">
                      <Link href={`/box-office/cancellations/new?screening=${s.id}`} className="underline" aria-label={`Cancel ${s.title}, ${formatDateTime(s.startsAt, tz)}`}>
                        Cancel…
                      </Link>
                    </td>
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
