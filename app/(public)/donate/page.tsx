import type { Metadata } from 'next';
import Link from 'next/link';
import { donateAction } from './actions';
import { getDonationTicketValue } from '@/domain/access-fund/donations';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getCurrentUser } from '@/web/auth/guards';
import { GiftFields } from '@/components/access-fund/GiftFields';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';
import { BuyerFields } from '@/components/ui/BuyerFields';

export const metadata: Metadata = { title: 'Give to the access fund', description: 'Donate tickets or an amount to the access fund, which pays for free tickets for the people our partners serve.' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DonatePage({ searchParams }: Props) {
  const [festival, query, user] = await Promise.all([requireCurrentFestival(), searchParams, getCurrentUser()]);
  const ticketValueCents = await getDonationTicketValue(festival.id);
  const error = typeof query.error === 'string' ? query.error : null;
  return (
    <Container>
      <PageHeading lead="Donate a ticket, or any amount. The access fund pays for tickets our community partners give to people for whom price would otherwise be the reason to miss a film.">
        Give to the access fund
      </PageHeading>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-4">
          {error ? (
            <Notice title="Something needs your attention" tone="warn">
              {error}
            </Notice>
          ) : null}
          {query.cancelled ? <Notice title="Payment cancelled">No money was taken. You can try again whenever you like.</Notice> : null}
          <form action={donateAction} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
            <h2 className="font-serif text-xl font-bold">Your gift</h2>
            <GiftFields
              legend="Your gift to the access fund"
              ticketValueCents={ticketValueCents}
              currency={festival.currency}
              withTotal
              intro={`A donated ticket is the festival's usual ticket price. You need no ticket of your own to give.`}
            />
            <h2 className="font-serif text-xl font-bold">Your details</h2>
            <p className="text-sm text-muted">For your receipt only. Your name is never shown publicly.</p>
            <BuyerFields name={user?.name ?? ''} email={user?.email ?? ''} />
            <button type="submit" className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
              Continue to payment
            </button>
          </form>
        </div>
        <aside aria-labelledby="where-heading" className="h-fit rounded-lg border border-stone-300 bg-white p-4 text-sm">
          <h2 id="where-heading" className="font-serif text-xl font-bold">
            Where your gift goes
          </h2>
          <p className="mt-2">Gifts are credited to the fund once your payment is confirmed. Community organisations ask for tickets; festival staff approve them, and each ticket is paid from the fund at its face value.</p>
          <p className="mt-2">
            <Link href="/access/fund" className="font-semibold text-accent underline underline-offset-2">
              See what the community has given
            </Link>
          </p>
        </aside>
      </div>
    </Container>
  );
}
