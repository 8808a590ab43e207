import type { Metadata } from 'next';
import Link from 'next/link';
import { FUND_ENTRY_LABEL, getFundTotals, listFundLedger } from '@/domain/access-fund/reports';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { requirePermission } from '@/web/auth/guards';
import { formatCents } from '@/lib/format';
import { formatDateTime } from '@/lib/time';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Access fund', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The access fund's ledger for staff: the balance, the totals and every move, newest first. Gifts are shown by
 * reference and amount, not by donor: deciding on requests needs the money, not who gave it.
 */
export default async function FundLedgerPage({ searchParams }: Props) {
  const user = await requirePermission('access.reports');
  const [festival, query] = await Promise.all([requireCurrentFestival(), searchParams]);
  const requested = typeof query.page === 'string' ? Number.parseInt(query.page, 10) : 1;
  const [totals, ledger] = await Promise.all([getFundTotals(festival.id), listFundLedger(festival.id, Number.isFinite(requested) ? requested : 1)]);
  const money = (cents: number) => formatCents(cents, totals.currency);
  const summary: [string, string][] = [
    ['Balance now', money(totals.balanceCents)],
    ['Gifts received', `${money(totals.donationsCents)} (${totals.donationCount})`],
    ['Gifts refunded', money(totals.refundedCents)],
    ['Donated tickets paid', `${money(totals.ticketsCents)} (${totals.ticketCount})`],
    ['Returned from voided tickets', money(totals.voidedCents)],
  ];
  return (
    <Container>
      <PageHeading lead="Every credit and debit of the access fund, with the balance after each. The balance can never go below zero.">Access fund</PageHeading>
      <BoxOfficeNav user={user} current="/box-office/fund" />
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="font-serif text-xl font-bold">
          Totals
        </h2>
        <dl className="mt-2 grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {summary.map(([label, value]) => (
            <div key={label} className="rounded-lg border border-stone-300 bg-white p-3">
              <dt className="text-sm font-semibold">{label}</dt>
              <dd className="mt-1 text-lg font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {totals.shortfalls.length ? (
        <section aria-labelledby="shortfall-heading" className="mt-6">
          <h2 id="shortfall-heading" className="sr-only">
            Refunds the fund could not cover
          </h2>
          <Notice title="Refunded gifts the fund had already spent" tone="warn">
            <p>These gifts were refunded to their donors after the fund had paid for donated tickets with them. The fund gave back what it held and stayed at zero or above; the festival has covered the rest.</p>
            <ul className="mt-2 list-disc pl-5">
              {totals.shortfalls.map((s) => (
                <li key={s.reference}>
                  {s.reference}: gift {money(s.amountCents)}, taken back from the fund {money(s.reversedCents)}, shortfall <strong>{money(s.amountCents - s.reversedCents)}</strong> ({formatDateTime(s.refundedAt, festival.timeZone)})
                </li>
              ))}
            </ul>
          </Notice>
        </section>
      ) : null}

      <section aria-labelledby="ledger-heading" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="ledger-heading" className="font-serif text-xl font-bold">
            Ledger
          </h2>
          <a href="/box-office/fund/ledger.csv" className="font-semibold text-accent underline underline-offset-2" download>
            Download the ledger (CSV)
          </a>
        </div>
        {ledger.lines.length === 0 ? (
          <p className="mt-2">Nothing yet: the first gift will appear here once its payment is confirmed.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">
                Access fund ledger, newest first, page {ledger.page} of {ledger.pages}
              </caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="py-2 pr-3">When</th>
                  <th scope="col" className="pr-3">What</th>
                  <th scope="col" className="pr-3 text-right">Amount</th>
                  <th scope="col" className="pr-3 text-right">Balance after</th>
                  <th scope="col" className="pr-3">Reference</th>
                  <th scope="col" className="pr-3">By</th>
                </tr>
              </thead>
              <tbody>
                {ledger.lines.map((l) => (
                  <tr key={l.id} className="border-b border-stone-200 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(l.at, festival.timeZone)}</td>
                    <td className="pr-3">
                      {FUND_ENTRY_LABEL[l.kind]}
                      {l.note ? <span className="block text-muted">{l.note}</span> : null}
                    </td>
                    <td className="pr-3 text-right whitespace-nowrap">{l.amountCents > 0 ? `+${money(l.amountCents)}` : l.amountCents < 0 ? `−${money(-l.amountCents)}` : money(0)}</td>
                    <td className="pr-3 text-right whitespace-nowrap">{money(l.balanceAfterCents)}</td>
                    <td className="pr-3">{l.donation ? `Gift ${l.donation}` : l.orderNumber ? `Order ${l.orderNumber}` : '—'}</td>
                    <td className="pr-3">{l.actor ?? (l.kind === 'donation' || l.kind === 'donation_refund' ? 'Payment' : '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {ledger.pages > 1 ? (
          <nav aria-label="Ledger pages" className="mt-3 flex gap-4 text-sm">
            {ledger.page > 1 ? (
              <Link href={`/box-office/fund?page=${ledger.page - 1}`} className="underline">
                Newer entries
              </Link>
            ) : null}
            <span>
              Page {ledger.page} of {ledger.pages}
            </span>
            {ledger.page < ledger.pages ? (
              <Link href={`/box-office/fund?page=${ledger.page + 1}`} className="underline">
                Older entries
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Container>
  );
}
