import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyOrders } from '@/web/auth/guarded-queries';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { requireUser } from '@/web/auth/guards';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'My tickets', robots: { index: false } };

const STATUS: Record<string, string> = { paid: 'Tickets ready', pending: 'Payment processing', refund_due: 'Refund on its way', refunded: 'Refunded' };

export default async function MyTicketsPage() {
  const user = await requireUser();
  const [festival, orders] = await Promise.all([requireCurrentFestival(), listMyOrders()]);
  return (
    <Container>
      <PageHeading lead="Every order placed while signed in, and every order bought with your email address.">My tickets</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      {orders.length === 0 ? (
        <p>
          No tickets yet.{' '}
          <Link href="/" className="underline">
            Browse the programme
          </Link>
        </p>
      ) : (
        <ul className="grid gap-3">
          {orders.map((o) => (
            <li key={o.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <h2 className="font-serif text-lg font-bold">
                <Link href={`/orders/${o.id}`} className="underline-offset-4 hover:underline">
                  {o.title}
                </Link>
              </h2>
              <p className="text-sm">
                {formatDateTime(o.startsAt, festival.timeZone)} · {o.venueName}
              </p>
              <p className="text-sm text-muted">
                Order {o.number} · {o.tickets} ticket{o.tickets === 1 ? '' : 's'} · {formatCents(o.totalCents, o.currency)} · {STATUS[o.status] ?? o.status}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Container>
  );
}
