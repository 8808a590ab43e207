import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { UserRole } from '@/db/schema/auth';

export type { UserRole };
import { hashToken } from '@/platform/tokens';

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
 * The account a session cookie names, as the database has it now, in one
 * query: only while the cookie's server-side session row exists and has not
 * expired. Sign-out and role changes delete the rows, so a copied cookie
 * stops working everywhere at once.
 */
export async function userForSession(userId: string | undefined, sessionId: string | undefined): Promise<CurrentUser | null> {
  if (!userId || !sessionId) return null;
  const [u] = await getDb().execute<{ id: string; email: string; name: string | null; role: UserRole; organisation_id: string | null; org_role: 'member' | 'admin' | null } & Row>(sql`
    SELECT u.id, u.email, u.name, u.role, u.organisation_id, u.org_role
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.session_token = ${hashToken(sessionId)} AND s.user_id = ${userId} AND s.expires > now()`);
  return u ? { id: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisation_id, orgRole: u.org_role } : null;
}
