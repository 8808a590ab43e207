import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getOrganisationReport } from '@/domain/partners/queries';
import { BoxOfficeNav } from '@/components/box-office/BoxOfficeNav';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { requirePermission } from '@/web/auth/guards';

export const metadata: Metadata = { title: 'Partner report', robots: { index: false } };

const cell = 'border-b border-stone-200 px-3 py-2 text-right tabular-nums';
const head = 'border-b border-stone-400 px-3 py-2 text-right font-semibold';

/** Per verified partner organisation: the tickets it was given and what became of them, and its allotments. Counts only. */
export default async function PartnerReportPage() {
  const user = await requirePermission('access.reports');
  const festival = await requireCurrentFestival();
  const report = (await getOrganisationReport(user, festival)) ?? [];

  return (
    <Container>
      <PageHeading lead="What each verified partner organisation received at this festival and how it was used. Counts only: the people the tickets were for are never named here.">
        Partner report
      </PageHeading>
      <BoxOfficeNav user={user} current="/box-office/partners" />
      <p className="mb-6 flex flex-wrap gap-4">
        <Link href="/box-office/partners" className="underline">
          Back to partners
        </Link>
        <a href="/box-office/partners/report.csv" className="font-semibold underline" download>
          Download the partner report (CSV)
        </a>
      </p>
      {report.length === 0 ? (
        <p className="text-muted">No organisation has been verified yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-sm">
            <caption className="sr-only">Tickets and allotment places per partner organisation</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-400 px-3 py-2 text-left font-semibold">Organisation</th>
                <th scope="col" className={head}>Community Access tickets</th>
                <th scope="col" className={head}>Donated tickets</th>
                <th scope="col" className={head}>Checked in</th>
                <th scope="col" className={head}>Unused after the screening</th>
                <th scope="col" className={head}>Allotment places granted</th>
                <th scope="col" className={head}>Allotment places used</th>
              </tr>
            </thead>
            <tbody>
              {report.map((r) => (
                <tr key={r.organisationId}>
                  <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal">
                    {r.name}
                  </th>
                  <td className={cell}>{r.communityIssued}</td>
                  <td className={cell}>{r.donatedIssued}</td>
                  <td className={cell}>{r.checkedIn}</td>
                  <td className={cell}>{r.unusedAfter}</td>
                  <td className={cell}>{r.placesGranted}</td>
                  <td className={cell}>{r.placesUsed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
