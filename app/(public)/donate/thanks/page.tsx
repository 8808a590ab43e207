import type { Metadata } from 'next';
import Link from 'next/link';
import { getDonationOutcome } from '@/domain/access-fund/donation-checkout';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { isUuid } from '@/lib/ids';
import { formatCents } from '@/lib/format';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Thank you', description: 'Thank you for giving to the access fund.', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where Stripe sends a donor back. It shows the gift's amount and whether the payment is confirmed: never who gave. */
export default async function DonationThanksPage({ searchParams }: Props) {
  const [festival, query] = await Promise.all([requireCurrentFestival(), searchParams]);
  const id = typeof query.donation === 'string' && isUuid(query.donation) ? query.donation : null;
  const gift = id ? await getDonationOutcome(id) : null;
  return (
    <Container>
      <PageHeading lead={`Your gift helps someone see a film at ${festival.name}.`}>Thank you</PageHeading>
      <div className="max-w-2xl space-y-4">
        {gift?.status === 'paid' ? (
          <Notice title="Gift received">
            Your gift of {formatCents(gift.amountCents, gift.currency)} is in the access fund. Your receipt is on its way by email.
          </Notice>
        ) : gift?.status === 'pending' ? (
          <Notice title="Confirming your payment">
            We are waiting for the payment service to confirm your gift of {formatCents(gift.amountCents, gift.currency)}. This usually takes a few seconds; your receipt follows by email. You can refresh this page.
          </Notice>
        ) : gift?.status === 'refunded' ? (
          <Notice title="Gift refunded">This gift was refunded to you in full.</Notice>
        ) : gift ? (
          <Notice title="No gift was taken" tone="warn">
            This payment did not go through, and no money was taken. <Link href="/donate" className="underline">Try again</Link>
          </Notice>
        ) : (
          <p>If you have just given, your receipt is on its way by email.</p>
        )}
        <p>
          <Link href="/access/fund" className="font-semibold text-accent underline underline-offset-2">
            See what the community has given
          </Link>
        </p>
      </div>
    </Container>
  );
}
