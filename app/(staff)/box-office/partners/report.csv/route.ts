import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { can } from '@/domain/accounts/permissions';
import { getOrganisationReport } from '@/domain/partners/queries';
import { organisationReportCsv } from '@/domain/partners/report-csv';
import { apiError, withErrors } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';

/** The box office's partner report as CSV: one row per verified organisation, counts only, the same figures as the page. */
export const GET = withErrors(async () => {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to download reports.');
  if (!can(user, 'access.reports')) return apiError(403, 'forbidden', 'You may not read access reports.');
  const festival = await requireCurrentFestival();
  const csv = organisationReportCsv((await getOrganisationReport(user, festival)) ?? []);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="partner-report-${festival.slug}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
