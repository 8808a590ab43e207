import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { cancelIndigenousClaimAction, leaveWaitlistAction } from './actions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getMyIndigenousRequests } from '@/domain/access/indigenous-views';
import { formatDateTime } from '@/lib/time';
import { AccountNav } from '@/components/account/AccountNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'My access requests', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const buttonClass = 'min-h-11 rounded-md border border-stone-500 bg-white px-3 py-1 text-sm font-semibold hover:bg-stone-100';

/** The person's Indigenous Access claims (with cancel buttons) and the waiting lists they are on. */
export default async function MyRequestsPage({ searchParams }: Props) {
  const user = await requireUser();
  const festival = await requireCurrentFestival();
  const { claims, waiting } = await getMyIndigenousRequests(user);
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : null;
  const cancelled = typeof query.cancelled === 'string' ? Number(query.cancelled) : 0;
  const tz = festival.timeZone;

  return (
    <Container>
      <PageHeading lead="Indigenous Access tickets you claimed, and the waiting lists you are on.">My access requests</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      <div aria-live="polite" className="mb-4 space-y-2">
        {error ? (
          <Notice title="We could not do that" tone="warn">
            {error}
          </Notice>
        ) : null}
        {cancelled > 0 ? (
          <Notice title="Cancelled">
            {cancelled === 1 ? 'The ticket is' : `${cancelled} tickets are`} cancelled and the places are free for someone else. Thank you for letting us know.
          </Notice>
        ) : null}
        {query.left === '1' ? <Notice title="You left the waiting list">We will not email you about that screening any more.</Notice> : null}
      </div>

      <section aria-labelledby="claims">
        <h2 id="claims" className="font-serif text-2xl font-bold">
          Indigenous Access tickets
        </h2>
        {claims.length === 0 ? (
          <p className="mt-2">
            You have no Indigenous Access tickets. <Link href="/access/indigenous" className="underline">Find a screening</Link>.
          </p>
        ) : (
          <ul className="mt-3 space-y-4">
            {claims.map((c) => (
              <li key={c.orderId} className="rounded-lg border border-stone-300 bg-white p-4">
                <h3 className="font-semibold">
                  <Link href={`/orders/${c.orderId}`} className="underline">
                    {c.title}
                  </Link>
                </h3>
                <p className="text-sm">
                  <time dateTime={c.startsAt.toISOString()}>{formatDateTime(c.startsAt, tz)}</time> · {c.venueName} · order {c.number}
                </p>
                <ul className="mt-2 space-y-2">
                  {c.tickets.map((t, i) => (
                    <li key={t.id} className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/tickets/${t.code}`} className="underline">
                        Ticket {i + 1}
                        {t.seat ? ` · ${t.seat}` : ''}
                      </Link>
                      {!c.started && c.tickets.length > 1 ? (
                        <form action={cancelIndigenousClaimAction}>
                          <input type="hidden" name="orderId" value={c.orderId} />
                          <input type="hidden" name="ticketId" value={t.id} />
                          <button type="submit" className={buttonClass} aria-label={`Cancel ticket ${i + 1} for ${c.title}`}>
                            Cancel this ticket
                          </button>
                        </form>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {!c.started ? (
                  <form action={cancelIndigenousClaimAction} className="mt-3">
                    <input type="hidden" name="orderId" value={c.orderId} />
                    <button type="submit" className={buttonClass} aria-label={`Cancel ${c.tickets.length === 1 ? 'the ticket' : 'all tickets'} for ${c.title}`}>
                      {c.tickets.length === 1 ? 'Cancel ticket' : 'Cancel all tickets'}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="waiting" className="mt-8">
        <h2 id="waiting" className="font-serif text-2xl font-bold">
          Waiting lists
        </h2>
        {waiting.length === 0 ? (
          <p className="mt-2">You are not on any waiting list.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {waiting.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-300 bg-white p-4">
                <div>
                  <p className="font-semibold">{w.title}</p>
                  <p className="text-sm">
                    <time dateTime={w.startsAt.toISOString()}>{formatDateTime(w.startsAt, tz)}</time> · {w.venueName} · {w.quantity}{' '}
                    {w.quantity === 1 ? 'ticket' : 'tickets'}
                  </p>
                  <p className="text-sm">
                    {w.live && w.expiresAt
                      ? `Places are being kept for you until ${formatDateTime(w.expiresAt, tz)}: use the link in your email to claim them.`
                      : 'Waiting: we will email you if places come back.'}
                  </p>
                </div>
                <form action={leaveWaitlistAction}>
                  <input type="hidden" name="entryId" value={w.id} />
                  <button type="submit" className={buttonClass} aria-label={`Leave the waiting list for ${w.title}`}>
                    Leave the list
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Container>
  );
}
