import 'server-only';
import { sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import type { UserRole } from '@/db/schema/auth';

type Row = Record<string, unknown>;

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  organisationId: string | null;
  orgRole: 'member' | 'admin' | null;
}

/**
 * The signed-in user as the database has them now: the session only carries
 * the id, so a role change or a deleted account takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [u] = await getDb().execute<{ id: string; email: string; name: string | null; role: UserRole; organisation_id: string | null; org_role: 'member' | 'admin' | null } & Row>(sql`
    SELECT id, email, name, role, organisation_id, org_role FROM users WHERE id = ${id}`);
  return u ? { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisation_id, orgRole: u.org_role } : null;
});

async function signInPath(): Promise<string> {
  const h = await headers();
  const back = h.get('x-marquee-path') ?? '/account';
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

export function isStaff(user: CurrentUser | null): boolean {
  return user?.role === 'staff' || user?.role === 'admin';
}
