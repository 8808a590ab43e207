import type { Metadata } from 'next';
import Link from 'next/link';
import { FundFigures } from '@/components/access-fund/FundFigures';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = {
  title: 'What the community has given',
  description: 'Money raised for the access fund, the tickets it funds, and how many were issued and used. Totals only.',
};

/**
 * Static and cacheable: nothing here reads the database. The figures come from GET /api/v1/access-fund through a
 * small client leaf, so the page can be served from a cache while the numbers stay live.
 */
export default function AccessFundPage() {
  return (
    <Container>
      <PageHeading lead="Audience members donate tickets at checkout or give on their own. Every gift goes into the access fund, which pays for tickets our community partners give out. These are the totals, live; no one who gave or received is named.">
        What the community has given
      </PageHeading>
      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="font-serif text-xl font-bold">
          The access fund so far
        </h2>
        <FundFigures />
      </section>
      <section aria-labelledby="how-heading" className="mt-8 max-w-2xl space-y-2">
        <h2 id="how-heading" className="font-serif text-xl font-bold">
          How it works
        </h2>
        <p>A gift counts once its payment is confirmed. When staff approve a community partner&apos;s request, each ticket is paid from the fund at its face value, and the fund can never spend more than it holds. If a gift is refunded, it comes off the total.</p>
        <p>
          <Link href="/donate" className="font-semibold text-accent underline underline-offset-2">
            Donate a ticket
          </Link>{' '}
          or add one when you book your own.
        </p>
      </section>
    </Container>
  );
}
