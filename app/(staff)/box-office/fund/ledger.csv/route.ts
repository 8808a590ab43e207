import { stringify } from 'csv-stringify/sync';
import { can } from '@/domain/accounts/permissions';
import { FUND_ENTRY_LABEL, listWholeFundLedger } from '@/domain/access-fund/reports';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getCurrentUser } from '@/web/auth/guards';
import { localDate, formatTime } from '@/lib/time';

/**
 * The whole ledger as CSV for the festival's accounts: the same columns as the page, no donor names. Cells are
 * formula-escaped (a note starting with "=" must not run in a spreadsheet).
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download the ledger.', { status: 401 });
  if (!can(user, 'access.reports')) return new Response('Not allowed.', { status: 403 });
  const festival = await requireCurrentFestival();
  const lines = await listWholeFundLedger(festival.id);
  const csv = stringify(
    lines.map((l) => ({
      date: localDate(l.at, festival.timeZone),
      time: formatTime(l.at, festival.timeZone),
      kind: l.kind,
      what: FUND_ENTRY_LABEL[l.kind],
      amount: (l.amountCents / 100).toFixed(2),
      balance_after: (l.balanceAfterCents / 100).toFixed(2),
      gift: l.donation ?? '',
      order: l.orderNumber ?? '',
      by: l.actor ?? '',
      note: l.note ?? '',
    })),
    { header: true, columns: ['date', 'time', 'kind', 'what', 'amount', 'balance_after', 'gift', 'order', 'by', 'note'], escape_formulas: true },
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="access-fund-ledger-${festival.slug}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
