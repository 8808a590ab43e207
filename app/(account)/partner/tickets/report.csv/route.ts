import { stringify } from 'csv-stringify/sync';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getPartnerReport } from '@/domain/partners/queries';
import { formatDateTime } from '@/lib/time';
import { getCurrentUser } from '@/web/auth/guards';
import { can } from '@/domain/accounts/permissions';

/** The partner's own report as CSV (counts only). Cells that a spreadsheet would run as formulas are escaped. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your report.', { status: 401 });
  if (!can(user, 'partner.portal')) return new Response('Forbidden', { status: 403 });
  const [festival, report] = await Promise.all([requireCurrentFestival(), getPartnerReport(user)]);
  const csv = stringify(
    (report ?? []).map((r) => [r.title, formatDateTime(r.startsAt, festival.timeZone), r.venueName, r.granted, r.issued, r.checkedIn, r.unused, r.codesNotRedeemed]),
    {
      header: true,
      columns: ['Screening', 'Starts', 'Venue', 'Places granted', 'Tickets issued', 'Checked in', 'Unused', 'Codes not used'],
      escape_formulas: true,
    },
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="community-access-report.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
}
