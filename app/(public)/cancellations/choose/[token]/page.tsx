import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { chooseDonationAction, chooseExchangeAction, chooseRefundAction } from './actions';
import { getChoiceView, listExchangeOptions } from '@/domain/cancellations/choices';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { PendingButton } from '@/components/ui/PendingButton';

export const metadata: Metadata = { title: 'Your cancelled screening', description: 'A screening you booked was cancelled: choose a refund or an exchange.', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

type Params = Promise<{ token: string }>;
type Query = Record<string, string | string[] | undefined>;

const button = 'min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white';

const OUTCOME: Record<string, string> = {
  refund_pending: 'Your refund is on its way to your original payment method.',
  refunded: 'Your money has been refunded to your original payment method. Refunds usually take 5–10 business days to appear.',
  donated: 'Your tickets are now a gift to the access fund. Thank you: a receipt is in your inbox.',
  exchanged: 'Your tickets were exchanged: the new tickets are in your inbox.',
  closed: 'These tickets were free, so there is nothing to refund.',
};

const ERROR: Record<string, string> = {
  already_decided: 'A choice had already been made for this order.',
  deadline_passed: 'The deadline to choose has passed: your tickets will be refunded to your original payment method.',
  dearer: 'That exchange costs more than your tickets: please ask the box office.',
  not_enough_places: 'That screening no longer has room for your tickets: choose another.',
  screening_closed: 'That screening is no longer on sale: choose another.',
};

/** The holder's page for a cancelled screening, opened from their email: a refund, an exchange or a gift. */
export default async function CancellationChoicePage({ params, searchParams }: { params: Params; searchParams: Promise<Query> }) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const view = await getChoiceView(token);
  if (!view) notFound();
  const tz = view.timeZone;
  const value = formatCents(view.valueCents, view.currency);
  const options = view.state === 'offered' ? await listExchangeOptions(view) : [];
  const error = typeof query.error === 'string' ? query.error : null;

  return (
    <Container className="pb-12">
      <PageHeading lead={`${formatDateTime(view.startsAt, tz)} · order ${view.orderNumber}`}>{view.title} is cancelled</PageHeading>
      <p className="max-w-2xl">
        Hi {view.buyerName}, we are sorry: this screening of {view.festivalName} has been cancelled. {view.reason}
      </p>
      {error ? (
        <div className="mt-4 max-w-2xl">
          <Notice title="Nothing was changed" tone="warn">
            {ERROR[error] ?? 'That did not work. Please try again, or ask the box office.'}
          </Notice>
        </div>
      ) : null}

      {view.state === 'offered' ? (
        <div className="mt-6 grid max-w-3xl gap-6">
          <p>
            You can choose what happens to your {view.tickets} ticket{view.tickets === 1 ? '' : 's'} ({value}). If you do nothing, we refund you in full after{' '}
            {formatDateTime(view.refundDeadline, tz)}.
          </p>
          <section aria-labelledby="refund-title" className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 id="refund-title" className="font-serif text-xl font-bold">
              A refund
            </h2>
            <p className="mt-1">{value} back to your original payment method.</p>
            <form action={chooseRefundAction} className="mt-3">
              <input type="hidden" name="token" value={token} />
              <PendingButton className={button}>Refund me {value}</PendingButton>
            </form>
          </section>
          <section aria-labelledby="exchange-title" className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 id="exchange-title" className="font-serif text-xl font-bold">
              An exchange
            </h2>
            <p className="mt-1">
              Another screening of the festival, for the same number of tickets at the same price or less (we refund any difference). For a dearer screening,
              ask the box office.
            </p>
            {options.length === 0 ? (
              <p className="mt-2 text-sm">No other screening has room for your tickets at that price right now: ask the box office.</p>
            ) : (
              <form action={chooseExchangeAction} className="mt-3 grid gap-3">
                <input type="hidden" name="token" value={token} />
                <div>
                  <label htmlFor="choice" className="block text-sm font-semibold">
                    Screening and ticket
                  </label>
                  <select id="choice" name="choice" required className="mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2">
                    {options.slice(0, 50).flatMap((o) =>
                      o.ticketTypes.map((t) => (
                        <option key={`${o.screeningId}:${t.id}`} value={`${o.screeningId}:${t.id}`}>
                          {o.title}, {formatDateTime(o.startsAt, tz)}, {o.venue}: {view.tickets} × {t.name} at {formatCents(t.priceCents, view.currency)}
                        </option>
                      )),
                    )}
                  </select>
                </div>
                <div>
                  <PendingButton className={button}>Exchange my tickets</PendingButton>
                </div>
              </form>
            )}
          </section>
          <section aria-labelledby="gift-title" className="rounded-lg border border-stone-300 bg-white p-4">
            <h2 id="gift-title" className="font-serif text-xl font-bold">
              A gift to the access fund
            </h2>
            <p className="mt-1">Your {value} pays for tickets for people who could not otherwise come. Nothing is refunded; you get a receipt.</p>
            <form action={chooseDonationAction} className="mt-3">
              <input type="hidden" name="token" value={token} />
              <PendingButton className={button}>Give {value} to the access fund</PendingButton>
            </form>
          </section>
        </div>
      ) : (
        <div className="mt-6 max-w-2xl">
          <Notice title="Done">{OUTCOME[view.state] ?? 'We are working on it: you will get an email.'}</Notice>
        </div>
      )}
    </Container>
  );
}
