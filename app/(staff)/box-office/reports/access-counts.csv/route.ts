import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { accessReportCsv } from '@/domain/access/reports';
import { getAccessReportForStaff } from '@/domain/access/indigenous-views';
import { can } from '@/domain/accounts/permissions';
import { apiError, withErrors } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';

/** The access report's counts per screening as CSV: the same counts as the page, small Indigenous Access counts hidden. */
export const GET = withErrors(async () => {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to download reports.');
  if (!can(user, 'access.reports')) return apiError(403, 'forbidden', 'You may not read access reports.');
  const festival = await requireCurrentFestival();
  const csv = accessReportCsv(await getAccessReportForStaff(festival));
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="access-counts-${festival.slug}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
