import type { Metadata } from 'next';
import Link from 'next/link';
import { withdrawDonationRequestAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { listOwnDonationRequests, STATUS_LABEL, type PartnerRequest } from '@/domain/donation-requests/queries';
import { requireOrgMember, requirePermission } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { PartnerNav } from '@/components/partner/PartnerNav';
import { Badge } from '@/components/ui/Badge';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { formatDateTime, formatIsoDateLong } from '@/lib/time';

export const metadata: Metadata = { title: 'Donation requests', robots: { index: false } };

const TONE = { submitted: 'info', approved: 'good', partly_approved: 'warn', declined: 'bad', fulfilled: 'neutral' } as const;

/** A partner's requests for donated tickets: each one's status and the festival's message, the tickets issued, and withdrawal while undecided. */
export default async function PartnerRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const partner = await requirePermission('partner.portal');
  const user = await requireOrgMember(partner.organisationId!);
  const festival = await requireCurrentFestival();
  const requests = await listOwnDonationRequests(partner);
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const done = query.submitted ? 'Request sent. We will email you when the festival has decided.' : query.withdrawn ? 'Request withdrawn.' : null;

  return (
    <Container>
      <PageHeading lead="Ask for donated tickets for the people your organisation serves. The festival's access fund pays for them.">Donation requests</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <PartnerNav current="/partner/requests" />
      {error ? (
        <div className="mb-4">
          <Notice title="That did not work" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      {done ? (
        <div className="mb-4">
          <Notice title="Done">{done}</Notice>
        </div>
      ) : null}
      <p className="mb-6">
        <ButtonLink href="/partner/requests/new">Ask for tickets</ButtonLink>
      </p>
      {requests.length === 0 ? (
        <p>Your organisation has not asked for donated tickets yet.</p>
      ) : (
        <ol className="space-y-6">
          {requests.map((r) => (
            <RequestCard key={r.id} request={r} timeZone={festival.timeZone} />
          ))}
        </ol>
      )}
    </Container>
  );
}

function RequestCard({ request: r, timeZone }: { request: PartnerRequest; timeZone: string }) {
  const headingId = `request-${r.id}`;
  const what = r.screenings.length
    ? r.screenings.map((s) => `${s.title}, ${formatDateTime(s.startsAt, timeZone)}`).join('; ')
    : `Any screening from ${formatIsoDateLong(r.fromDate!)} to ${formatIsoDateLong(r.toDate!)}`;
  return (
    <li className="rounded-lg border border-stone-300 bg-white p-4">
      <h2 id={headingId} className="font-serif text-xl font-bold">
        {r.quantity} ticket{r.quantity === 1 ? '' : 's'}, asked on {formatDateTime(r.createdAt, timeZone)}
      </h2>
      <p className="mt-1">
        <Badge tone={TONE[r.status]}>{STATUS_LABEL[r.status]}</Badge>{' '}
        {r.issued > 0 ? (
          <span className="text-sm">
            {r.issued} of {r.quantity} issued
          </span>
        ) : null}
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">For</dt>
        <dd>{what}</dd>
        <dt className="font-semibold">Who they are for</dt>
        <dd>{r.audience}</dd>
        {r.accessibilityNeeds ? (
          <>
            <dt className="font-semibold">Accessibility needs</dt>
            <dd>{r.accessibilityNeeds}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Contact</dt>
        <dd>
          {r.contactName} ({r.contactEmail})
        </dd>
        {r.staffMessage ? (
          <>
            <dt className="font-semibold">{r.status === 'declined' ? 'Why' : 'From the festival'}</dt>
            <dd>{r.staffMessage}</dd>
          </>
        ) : null}
      </dl>
      {r.status === 'submitted' ? (
        <form action={withdrawDonationRequestAction} className="mt-3">
          <input type="hidden" name="requestId" value={r.id} />
          <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-3 py-1 text-sm">
            Withdraw this request
          </button>
        </form>
      ) : null}
      {r.tickets.length ? (
        <section aria-labelledby={`${headingId}-tickets`} className="mt-4">
          <h3 id={`${headingId}-tickets`} className="font-semibold">
            Tickets issued
          </h3>
          <p className="text-sm text-muted">
            Add the name of the person who will use each ticket, print or email it on, or give back a ticket you will not use, in your organisation&apos;s{' '}
            <Link href="/partner/tickets" className="underline">
              Tickets
            </Link>
            .
          </p>
          <ul className="mt-2 space-y-3">
            {r.tickets.map((t, i) => (
              <li key={t.id} className="rounded-md border border-stone-200 p-3">
                <p className="text-sm">
                  <span className="font-semibold">{t.screening}</span>, {formatDateTime(t.startsAt, timeZone)}
                  {t.seat ? `, seat ${t.seat}` : ''}. Ticket for <span className="font-semibold">{t.holderName}</span>
                  {t.status === 'void' ? ' (given back)' : t.status !== 'valid' ? ` (${t.status})` : ''}
                </p>
                {t.status === 'valid' ? (
                  <div className="mt-2 flex flex-wrap items-end gap-3">
                    <Link href={`/partner/tickets#order-${t.orderId}`} className="min-h-11 py-2 text-sm font-semibold underline">
                      Name, send or give back ticket {i + 1}
                    </Link>
                    <a href={`/tickets/${t.code}/ticket.pdf`} className="min-h-11 py-2 text-sm underline">
                      Download ticket {i + 1} (PDF)
                    </a>
                    <Link href={`/tickets/${t.code}`} className="min-h-11 py-2 text-sm underline">
                      Ticket {i + 1} page, to forward
                    </Link>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </li>
  );
}
