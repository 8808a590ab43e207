import { stringify } from 'csv-stringify/sync';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { can } from '@/domain/accounts/permissions';
import { getOrganisationReport } from '@/domain/partners/queries';
import { apiError, withErrors } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';

/**
 * The partner report as CSV: one row per verified organisation, counts only. Organisation names are typed by the
 * public on the application form, so cells a spreadsheet would run as formulas are escaped.
 */
export const GET = withErrors(async () => {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to download reports.');
  if (!can(user, 'access.reports')) return apiError(403, 'forbidden', 'You may not read access reports.');
  const festival = await requireCurrentFestival();
  const report = (await getOrganisationReport(user, festival)) ?? [];
  const csv = stringify(
    report.map((r) => [r.name, r.communityIssued, r.donatedIssued, r.checkedIn, r.unusedAfter, r.placesGranted, r.placesUsed]),
    {
      header: true,
      columns: ['Organisation', 'Community Access tickets', 'Donated tickets', 'Checked in', 'Unused after the screening', 'Allotment places granted', 'Allotment places used'],
      escape_formulas: true,
    },
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="partner-report-${festival.slug}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
