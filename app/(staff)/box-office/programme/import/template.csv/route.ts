import { can } from '@/domain/accounts/permissions';
import { IMPORT_TEMPLATE } from '@/domain/programme/import';
import { getCurrentUser } from '@/web/auth/guards';

/** The programme file's template: the header and two example rows (for those who edit the programme). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download the template.', { status: 401 });
  if (!can(user, 'programme.edit')) return new Response('Not allowed.', { status: 403 });
  return new Response(IMPORT_TEMPLATE, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="programme-template.csv"', 'cache-control': 'no-store' },
  });
}
