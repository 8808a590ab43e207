import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cancelScreeningAction } from './actions';
import { getCancellationPreview } from '@/domain/cancellations/cancel-screening';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { formatCents } from '@/lib/format';
import { addDays, formatDateTime, localDate } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Cancel a screening', robots: { index: false } };

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
const label = 'block text-sm font-semibold';

/** The confirmation: what cancelling this screening will do, in counts, then the reason and the refund deadline. */
export default async function NewCancellationPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requirePermission('screenings.cancel');
  const [query, festival] = await Promise.all([searchParams, requireCurrentFestival()]);
  const screeningId = one(query.screening);
  if (!screeningId) {
    // Reached without a screening (a bookmark, the nav's habit): say where to choose one rather than a 404.
    return (
      <Container>
        <PageHeading>Cancel a screening</PageHeading>
        <BoxOfficeNav user={user} current="/box-office/cancellations" />
        <Notice title="Choose a screening first">
          Pick the screening to cancel from{' '}
          <Link href="/box-office/cancellations#cancel-title" className="underline">
            the list of screenings
          </Link>
          : you will see what will happen before you confirm.
        </Notice>
      </Container>
    );
  }
  const preview = await getCancellationPreview(screeningId);
  if (!preview) notFound();
  const tz = festival.timeZone;
  const error = one(query.error);
  // Holders get a week to choose by default, in festival time.
  const defaultDeadline = `${addDays(localDate(new Date(), tz), 7)}T12:00`;
  const closed = preview.status === 'cancelled' || preview.over;

  return (
    <Container>
      <PageHeading lead={`${formatDateTime(preview.startsAt, tz)} · ${preview.venue}`}>Cancel {preview.title}</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/cancellations" />
      <p className="mb-4 text-sm">
        <Link href="/box-office/cancellations" className="underline">
          All cancellations
        </Link>
      </p>
      {error ? (
        <div className="mb-4">
          <Notice title="Nothing was changed" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {preview.status === 'cancelled' ? (
        <Notice title="Already cancelled">
          This screening is cancelled.{' '}
          <Link href={`/box-office/cancellations/${preview.id}`} className="underline">
            See its progress
          </Link>
          .
        </Notice>
      ) : preview.over ? (
        <Notice title="This screening has ended">An ended screening cannot be cancelled.</Notice>
      ) : null}

      <section aria-labelledby="effects-title" className="rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="effects-title" className="font-serif text-xl font-bold">
          What will happen
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>Online sales and access claims stop at once.</li>
          <li>
            <strong data-testid="paid-orders">{preview.paidOrders}</strong> paid order{preview.paidOrders === 1 ? '' : 's'} ({preview.paidTickets} ticket
            {preview.paidTickets === 1 ? '' : 's'}, {formatCents(preview.paidCents, preview.currency)}): each holder is emailed a choice of a refund, an
            exchange or a gift to the access fund; whoever has not chosen by the deadline is refunded.
          </li>
          <li>
            <strong data-testid="free-orders">{preview.freeOrders}</strong> free order{preview.freeOrders === 1 ? '' : 's'} ({preview.freeTickets} ticket
            {preview.freeTickets === 1 ? '' : 's'}: access, partner, donated or complimentary): each holder is emailed and the tickets are voided.
          </li>
          <li>
            <strong>{preview.liveHolds}</strong> hold{preview.liveHolds === 1 ? '' : 's'} released now
            {preview.checkouts > 0 ? `; ${preview.checkouts} checkout${preview.checkouts === 1 ? '' : 's'} under way finish on Stripe and any that pays is refunded` : ''}.
          </li>
        </ul>
      </section>

      {closed ? null : (
        <form action={cancelScreeningAction} className="mt-6 grid max-w-xl gap-4">
          <input type="hidden" name="screeningId" value={preview.id} />
          <div>
            <label htmlFor="reason" className={label}>
              Reason
            </label>
            <textarea id="reason" name="reason" required minLength={3} maxLength={500} rows={3} aria-describedby="reason-hint" className={field} />
            <p id="reason-hint" className="mt-1 text-xs text-muted">
              Every holder reads this in their email.
            </p>
          </div>
          <div>
            <label htmlFor="refundDeadline" className={label}>
              Refund deadline ({tz})
            </label>
            <input id="refundDeadline" name="refundDeadline" type="datetime-local" required defaultValue={defaultDeadline} aria-describedby="deadline-hint" className={field} />
            <p id="deadline-hint" className="mt-1 text-xs text-muted">
              Holders who have not chosen by then are refunded automatically.
            </p>
          </div>
          <div>
            <PendingButton className="min-h-11 rounded-md bg-red-800 px-4 py-2 font-semibold text-white">
              Cancel the screening and email {preview.paidOrders + preview.freeOrders} holder{preview.paidOrders + preview.freeOrders === 1 ? '' : 's'}
            </PendingButton>
          </div>
        </form>
      )}
    </Container>
  );
}
