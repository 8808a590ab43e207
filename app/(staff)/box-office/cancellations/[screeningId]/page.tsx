import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getCancellation } from '@/domain/cancellations/queries';
import { formatDateTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { AutoRefresh } from '@/components/box-office/AutoRefresh';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { CancellationCounts } from '@/components/box-office/CancellationCounts';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Cancellation progress', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Params = Promise<{ screeningId: string }>;

/** One cancellation's job, live: orders per state, refreshed every two seconds until every order has ended. */
export default async function CancellationProgressPage({ params }: { params: Params }) {
  const user = await requirePermission('screenings.cancel');
  const [{ screeningId }, festival] = await Promise.all([params, requireCurrentFestival()]);
  const c = await getCancellation(screeningId);
  if (!c) notFound();
  const tz = festival.timeZone;
  const done = c.status === 'finished';
  const ended = c.counts.refunded + c.counts.exchanged + c.counts.donated + c.counts.closed;
  return (
    <Container>
      <PageHeading lead={`${formatDateTime(c.startsAt, tz)} · ${c.venue}`}>Cancelled: {c.title}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/cancellations" />
      <p className="mb-4 text-sm">
        <Link href="/box-office/cancellations" className="underline">
          All cancellations
        </Link>
      </p>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Reason</dt>
        <dd>{c.reason}</dd>
        <dt className="font-semibold">Cancelled</dt>
        <dd>
          {formatDateTime(c.createdAt, tz)}
          {c.cancelledBy ? ` by ${c.cancelledBy}` : ''}
        </dd>
        <dt className="font-semibold">Refund deadline</dt>
        <dd>{formatDateTime(c.refundDeadline, tz)}</dd>
      </dl>

      <section aria-labelledby="progress-title" className="mt-6 rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="progress-title" className="font-serif text-xl font-bold">
          Progress
        </h2>
        <div role="status" aria-live="polite">
          <p className="mt-2" data-testid="progress-status">
            {done ? 'Done: every order has been dealt with.' : `In progress: ${ended} of ${c.total} order${c.total === 1 ? '' : 's'} dealt with.`}
          </p>
        </div>
        <CancellationCounts counts={c.counts} />
        {c.attention > 0 ? (
          <p className="mt-3 font-semibold text-amber-900">
            {c.attention} refund{c.attention === 1 ? '' : 's'} could not be made yet: the job retries; check the orders&apos; refunds if this stays.
          </p>
        ) : null}
        {done ? null : <p className="mt-3 text-xs text-muted">This page updates by itself.</p>}
      </section>
      <AutoRefresh active={!done} />
    </Container>
  );
}
