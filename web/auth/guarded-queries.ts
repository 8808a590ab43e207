import 'server-only';
import * as accounts from '@/domain/accounts/accounts';
import { requireOrgMember, requirePermission, requireUser } from '@/web/auth/guards';

/**
 * The private account queries, each behind the session check it needs: the
 * domain takes the acting user as an argument and never reads the request,
 * and pages call these, so a page that forgot its own guard still leaks nothing.
 */
export async function listMyOrders(): Promise<accounts.MyOrder[]> {
  return accounts.listMyOrders(await requireUser());
}

export async function getOrganisationPage(organisationId: string): Promise<accounts.OrganisationPage | null> {
  await requireOrgMember(organisationId);
  return accounts.getOrganisationPage(organisationId);
}

export async function listUsers(search: { q?: string; page?: number } = {}): Promise<{ users: accounts.UserRow[]; page: number; hasMore: boolean }> {
  await requirePermission('users.manage');
  return accounts.listUsers(search);
}

export async function listOrganisations(): Promise<{ id: string; name: string }[]> {
  await requirePermission('users.manage');
  return accounts.listOrganisations();
}
