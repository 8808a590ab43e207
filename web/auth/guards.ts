import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { userForSession, type CurrentUser, type UserRole } from '@/domain/accounts/current-user';
import { safeRedirectPath } from '@/domain/accounts/redirect';

export type { CurrentUser };

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

/** Signed in but without the role: 403. */
export async function requireRole(...roles: UserRole[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** A partner of this organisation (optionally its admin), or staff and admins, who see every organisation. */
export async function requireOrgMember(organisationId: string, opts: { orgAdmin?: boolean } = {}): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role === 'staff' || user.role === 'admin') return user;
  if (user.role !== 'partner' || user.organisationId !== organisationId) forbidden();
  if (opts.orgAdmin && user.orgRole !== 'admin') forbidden();
  return user;
}

/**
 * Who may invite into an organisation: its own partner admins, or festival
 * admins. Staff see every organisation but invite into none.
 */
export async function requireOrgInviter(organisationId: string): Promise<CurrentUser> {
  const user = await requireUser();
  const ownAdmin = user.role === 'partner' && user.organisationId === organisationId && user.orgRole === 'admin';
  if (user.role !== 'admin' && !ownAdmin) forbidden();
  return user;
}

export function isStaff(user: CurrentUser | null): boolean {
  return user?.role === 'staff' || user?.role === 'admin';
}
