import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sessions, users } from '@/db/schema/auth';
import type { UserRole } from '@/db/schema/auth';

export type { UserRole };
import { hashToken } from '@/platform/tokens';

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  organisationId: string | null;
  orgRole: 'member' | 'admin' | null;
}

/**
 * The account a session cookie names, as the database has it now, in one
 * query: only while the cookie's server-side session row exists and has not
 * expired. Sign-out and role changes delete the rows, so a copied cookie
 * stops working everywhere at once.
 */
export async function userForSession(userId: string | undefined, sessionId: string | undefined): Promise<CurrentUser | null> {
  if (!userId || !sessionId) return null;
  const [u] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId, orgRole: users.orgRole })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, hashToken(sessionId)), eq(sessions.userId, userId), gt(sessions.expires, sql`now()`)));
  return u ?? null;
}
