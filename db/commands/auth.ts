import { sql } from 'drizzle-orm';
import { hashToken, newToken } from '@/lib/tokens';
import type { Database, Transaction } from '../client';
import { userRole, type UserRole } from '../schema/auth';
import { boundKey } from './rate-limits';

export const USER_ROLES = userRole.enumValues;

type Row = Record<string, unknown>;

/** Per account email: 5 failures in 15 minutes lock it for 15. Per client (often a shared address): 25. */
export const LOCKOUT = { maxFailures: 5, maxClientFailures: 25, windowMinutes: 15, lockMinutes: 15 } as const;

/** Whether any of the keys (the email, the client) is locked out; the same answer on every instance. */
export async function signInLockedFor(db: Database, keys: string[]): Promise<number> {
  const [row] = await db.execute<{ seconds: number | null } & Row>(sql`
    SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds FROM sign_in_failures
    WHERE key = ANY(ARRAY[${sql.join(keys.map((k) => sql`${boundKey(k)}`), sql`, `)}]::text[]) AND locked_until > now()`);
  return row?.seconds ?? 0;
}

/** Counts a failure for each key in one atomic upsert; the fifth in the window locks the key. */
export async function recordSignInFailure(db: Database, keys: string[]): Promise<void> {
  for (const key of keys) {
    const max = key.startsWith('client:') ? LOCKOUT.maxClientFailures : LOCKOUT.maxFailures;
    await db.execute(sql`
      INSERT INTO sign_in_failures (key, failures, window_start) VALUES (${boundKey(key)}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_failures.window_start < now() - make_interval(mins => ${LOCKOUT.windowMinutes}) THEN 1 ELSE sign_in_failures.failures + 1 END,
        window_start = CASE WHEN sign_in_failures.window_start < now() - make_interval(mins => ${LOCKOUT.windowMinutes}) THEN now() ELSE sign_in_failures.window_start END,
        locked_until = CASE
          WHEN sign_in_failures.window_start >= now() - make_interval(mins => ${LOCKOUT.windowMinutes})
           AND sign_in_failures.failures + 1 >= ${max}
          THEN now() + make_interval(mins => ${LOCKOUT.lockMinutes}) ELSE sign_in_failures.locked_until END`);
  }
}

export async function clearSignInFailures(db: Database, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_failures WHERE key = ${boundKey(key)}`);
}

export interface InvitationInput {
  email: string;
  role: Exclude<UserRole, 'audience'>;
  organisationId: string | null;
  orgRole: 'member' | 'admin' | null;
  invitedBy: string;
}

/** Creates an invitation valid for 7 days and returns its secret (only its hash is stored). */
export async function createInvitation(db: Database, input: InvitationInput): Promise<{ id: string; token: string }> {
  const token = newToken();
  const [row] = await db.execute<{ id: string } & Row>(sql`
    INSERT INTO invitations (email, role, organisation_id, org_role, token_hash, invited_by, expires_at)
    VALUES (${input.email.toLowerCase()}, ${input.role}::user_role, ${input.organisationId}, ${input.orgRole}::org_role,
            ${hashToken(token)}, ${input.invitedBy}, now() + interval '7 days')
    RETURNING id`);
  return { id: row!.id, token };
}

export type AcceptResult = { ok: true; userId: string; email: string; role: UserRole } | { ok: false; reason: 'invalid_or_expired' | 'password_required' };

/**
 * Accepts an invitation once: creates the account, or gives an existing
 * account its new role (an audience member who becomes a partner keeps
 * their orders). Staff and admins must set a password here.
 */
export async function acceptInvitation(db: Database, token: string, details: { name: string; passwordHash: string | null }): Promise<AcceptResult> {
  return db.transaction(async (tx: Transaction) => {
    const [inv] = await tx.execute<{ id: string; email: string; role: UserRole; organisation_id: string | null; org_role: string | null } & Row>(sql`
      UPDATE invitations SET accepted_at = now()
      WHERE token_hash = ${hashToken(token)} AND accepted_at IS NULL AND expires_at > now()
      RETURNING id, email, role, organisation_id, org_role`);
    if (!inv) return { ok: false, reason: 'invalid_or_expired' } as const;
    const needsPassword = inv.role === 'staff' || inv.role === 'admin';
    if (needsPassword && !details.passwordHash) throw new PasswordRequired();
    const [user] = await tx.execute<{ id: string } & Row>(sql`
      INSERT INTO users (id, email, name, role, password_hash, organisation_id, org_role, email_verified)
      VALUES (${crypto.randomUUID()}, ${inv.email}, ${details.name}, ${inv.role}::user_role, ${needsPassword ? details.passwordHash : null},
              ${inv.organisation_id}, ${inv.org_role}::org_role, now())
      ON CONFLICT (email) DO UPDATE SET
        name = coalesce(users.name, excluded.name), role = excluded.role, organisation_id = excluded.organisation_id,
        org_role = excluded.org_role, password_hash = coalesce(excluded.password_hash, users.password_hash),
        email_verified = coalesce(users.email_verified, now())
      RETURNING id`);
    return { ok: true, userId: user!.id, email: inv.email, role: inv.role } as const;
  }).catch((error: unknown) => {
    if (error instanceof PasswordRequired) return { ok: false, reason: 'password_required' } as const;
    throw error;
  });
}

class PasswordRequired extends Error {}

export async function updateProfile(db: Database, userId: string, name: string): Promise<void> {
  await db.execute(sql`UPDATE users SET name = ${name} WHERE id = ${userId}`);
}

export type RoleChange = { ok: true } | { ok: false; reason: 'not_found' | 'last_admin' | 'partner_needs_organisation' };

/** Admins change roles; the last admin cannot demote themselves out of the building. */
export async function changeUserRole(db: Database, userId: string, role: UserRole, organisationId: string | null): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const [user] = await tx.execute<{ role: UserRole } & Row>(sql`SELECT role FROM users WHERE id = ${userId} FOR UPDATE`);
    if (!user) return { ok: false, reason: 'not_found' } as const;
    if (role === 'partner' && !organisationId) return { ok: false, reason: 'partner_needs_organisation' } as const;
    if (user.role === 'admin' && role !== 'admin') {
      const [admins] = await tx.execute<{ n: number } & Row>(sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
      if ((admins?.n ?? 0) <= 1) return { ok: false, reason: 'last_admin' } as const;
    }
    await tx.execute(sql`UPDATE users SET role = ${role}::user_role,
      organisation_id = ${role === 'partner' ? organisationId : null},
      org_role = ${role === 'partner' ? sql`coalesce(org_role, 'member')` : sql`NULL`} WHERE id = ${userId}`);
    return { ok: true } as const;
  });
}
