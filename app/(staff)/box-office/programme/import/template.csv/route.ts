import { IMPORT_TEMPLATE } from '@/domain/programme/import';
import { requirePermission } from '@/web/auth/guards';

/** The programme file's template: the header and two example rows. */
export async function GET() {
  await requirePermission('programme.edit');
  return new Response(IMPORT_TEMPLATE, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="programme-template.csv"', 'cache-control': 'no-store' },
  });
}
