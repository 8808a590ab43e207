import 'server-only';
import { can, type Permission } from '@/domain/accounts/permissions';
import { getCurrentUser, type CurrentUser } from '@/web/auth/guards';
import { apiError } from './respond';

/** The API's session check: 401 for nobody signed in, 403 without the permission (never a redirect to sign in). */
export async function apiUserWith(permission: Permission): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: apiError(401, 'unauthorized', 'Sign in first.') };
  if (!can(user, permission)) return { response: apiError(403, 'forbidden', 'You do not have permission to do that.') };
  return { user };
}
