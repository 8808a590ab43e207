import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { userForSession, type CurrentUser } from '@/domain/accounts/current-user';
import { can, mayInviteInto, mayReadOrganisation, type Permission } from '@/domain/accounts/permissions';
import { safeRedirectPath } from '@/domain/accounts/redirect';

export type { CurrentUser, Permission };

/**
 * The signed-in user as the database has them now: the session only carries
 * the id and the id of its server-side row, so a role change, a sign-out
 * elsewhere or a deleted account takes effect at once. A cookie whose row
 * is gone (signed out, revoked, expired) signs nobody in.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  return userForSession(session?.user?.id, session?.sessionId);
});

async function signInPath(): Promise<string> {
  const h = await headers();
  const back = safeRedirectPath(h.get('x-marquee-path'));
  return `/signin?callbackUrl=${encodeURIComponent(back)}`;
}

/** Pages and server actions: anonymous people are sent to sign in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(await signInPath());
  return user;
}

/**
 * Signed in but without the permission: 403 (anonymous people are sent to
 * sign in). Every page, action and route that is not for everyone asks for a
 * permission here; which roles hold it is domain/accounts/permissions.ts.
 */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}

/** A partner of this organisation, or whoever sees every organisation (staff and admins). */
export async function requireOrgMember(organisationId: string): Promise<CurrentUser> {
  const user = await requireUser();
  if (!mayReadOrganisation(user, organisationId)) forbidden();
  return user;
}

/**
 * Who may invite into an organisation: its own partner admins, or festival
 * admins. Staff see every organisation but invite into none.
 */
export async function requireOrgInviter(organisationId: string): Promise<CurrentUser> {
  const user = await requireUser();
  if (!mayInviteInto(user, organisationId)) forbidden();
  return user;
}
