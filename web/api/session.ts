import 'server-only';
import { headers } from 'next/headers';
import { userForApiToken } from '@/domain/accounts/api-tokens';
import { can, type Permission } from '@/domain/accounts/permissions';
import { getCurrentUser, type CurrentUser } from '@/web/auth/guards';
import { apiError } from './respond';

/**
 * The API's caller: a staff API token (`Authorization: Bearer mq_…`, for door phones and scripts) or else the
 * session cookie. A bearer header that names no live token is refused outright rather than falling back to the
 * cookie, so a scanner with a revoked token finds out.
 */
async function apiCaller(): Promise<{ user: CurrentUser | null; badToken: boolean }> {
  const authorization = (await headers()).get('authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const user = await userForApiToken(bearer);
    return { user, badToken: !user };
  }
  return { user: await getCurrentUser(), badToken: false };
}

/** The API's session check: 401 for nobody signed in, 403 without the permission (never a redirect to sign in). */
export async function apiUserWith(permission: Permission): Promise<{ user: CurrentUser } | { response: Response }> {
  const { user, badToken } = await apiCaller();
  if (badToken) return { response: apiError(401, 'unauthorized', 'This API token is unknown, expired or revoked.') };
  if (!user) return { response: apiError(401, 'unauthorized', 'Sign in first.') };
  if (!can(user, permission)) return { response: apiError(403, 'forbidden', 'You do not have permission to do that.') };
  return { user };
}
