import type { NextRequest } from 'next/server';
import { can } from '@/domain/accounts/permissions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { salesCsv, SalesExportQuery } from '@/domain/reports/csv';
import { localDate } from '@/lib/time';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';

/** One sales table as CSV (`?table=screenings&day=…`), as bounded as the page's table; reports.read only. */
export const GET = withErrors(async (request: NextRequest) => {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to download reports.');
  if (!can(user, 'reports.read')) return apiError(403, 'forbidden', 'You may not read sales reports.');
  const parsed = SalesExportQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const { filename, body } = await salesCsv(festival, parsed.data, localDate(new Date(), festival.timeZone));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
