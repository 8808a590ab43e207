import { eq, sql } from 'drizzle-orm';
import { hashToken, newToken } from '@/platform/tokens';
import type { Database, Transaction } from '@/db/client';
import { invitations, sessions, signInFailures, userRole, users, type UserRole } from '@/db/schema/auth';
import { rows, textArray, type ColumnsOf } from '@/db/sql';
import { boundKey } from '@/domain/limits/rate-limits';
import { roleCan, rolesWith } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';

export const USER_ROLES = userRole.enumValues;

/** Per account email: 5 failures in 15 minutes lock it for 15. Per client (often a shared address): 25. */
export const LOCKOUT = { maxFailures: 5, maxClientFailures: 25, windowMinutes: 15, lockMinutes: 15 } as const;

/** Whether any of the keys (the email, the client) is locked out; the same answer on every instance. */
export async function signInLockedFor(db: Database, keys: string[]): Promise<number> {
  const [row] = await rows<{ seconds: number | null }>(db, sql`
    SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds FROM sign_in_failures
    WHERE key = ANY(${textArray(keys.map(boundKey))}) AND locked_until > now()`);
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
  await db.delete(signInFailures).where(eq(signInFailures.key, boundKey(key)));
}

export interface InvitationInput {
  email: string;
  role: Exclude<UserRole, 'audience'>;
  organisationId: string | null;
  orgRole: 'member' | 'admin' | null;
  invitedBy: string;
  /**
   * False when the caller records the invitation in its own audit entry (verifyPartner's invitation of the
   * organisation's contact is part of the verification).
   */
  audit?: boolean;
}

export type InvitationCreated = { ok: true; id: string; token: string } | { ok: false; reason: 'not_allowed' };

/**
 * Creates an invitation valid for 7 days and returns its secret (only its
 * hash is stored). Who may invite is checked here, against the inviter's
 * row as it is now, by the same rule as mayInviteInto (domain/accounts/permissions.ts):
 * festival admins invite anyone; an organisation's own partner admin invites
 * partners into that organisation only. Staff invite no one, but whoever verifies partners invites a newly verified
 * organisation's own contact (verifyPartner, domain/partners/organisations.ts).
 */
const roleArray = (roles: UserRole[]) => sql`ARRAY[${sql.join(roles.map((r) => sql`${r}`), sql`, `)}]::user_role[]`;

export async function createInvitation(db: Database | Transaction, input: InvitationInput): Promise<InvitationCreated> {
  // A savepoint when the caller already has a transaction: the invitation and its audit entry are kept together.
  return db.transaction(async (tx) => {
    const token = newToken();
    const [row] = await rows<{ id: string; inviter_role: UserRole }>(tx, sql`
      INSERT INTO invitations (email, role, organisation_id, org_role, token_hash, invited_by, expires_at)
      SELECT ${input.email.toLowerCase()}, ${input.role}::user_role, ${input.organisationId}, ${input.orgRole}::org_role,
             ${hashToken(token)}, ${input.invitedBy}, now() + interval '7 days'
      FROM users inviter
      WHERE inviter.id = ${input.invitedBy}
        AND (inviter.role = ANY(${roleArray(rolesWith('organisations.invite_any'))})
             OR (inviter.role = ANY(${roleArray(rolesWith('partner.portal'))}) AND inviter.org_role = 'admin' AND ${input.role} = 'partner'
                 AND inviter.organisation_id = ${input.organisationId}::uuid)
             -- Whoever verifies partners invites a verified organisation's own contact as its first partner, and no one else.
             OR (inviter.role = ANY(${roleArray(rolesWith('partners.verify'))}) AND ${input.role} = 'partner'
                 AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = ${input.organisationId}::uuid AND o.status = 'verified'
                             AND lower(o.contact_email) = ${input.email.toLowerCase()})))
      RETURNING id, (SELECT role FROM users WHERE id = ${input.invitedBy}) AS inviter_role`);
    if (!row) return { ok: false, reason: 'not_allowed' } as const;
    // Staff and admin invitations are staff writes; a partner admin inviting a colleague is the partner's own.
    if (input.audit !== false && (row.inviter_role === 'staff' || row.inviter_role === 'admin')) {
      await recordAudit(tx, { id: input.invitedBy }, {
        action: 'createInvitation', subjectKind: 'user', subjectId: row.id, organisationId: input.organisationId,
        after: { email: input.email.toLowerCase(), role: input.role, ...(input.orgRole ? { orgRole: input.orgRole } : {}) },
      });
    }
    return { ok: true, id: row.id, token } as const;
  });
}

export type AcceptRefusal =
  | 'invalid_or_expired'
  | 'password_required'
  | 'name_required'
  | 'sign_in_required'
  | 'wrong_account'
  | 'last_admin'
  | 'account_exists';

export type AcceptResult = { ok: true; userId: string; email: string; role: UserRole; existing: boolean } | { ok: false; reason: AcceptRefusal };

export interface AcceptDetails {
  /** Used for a new account only. */
  name: string | null;
  /** argon2id hash of a password chosen on the invitation page; never replaces an existing one. */
  passwordHash: string | null;
  /** The signed-in account accepting, or null. An existing account changes only when it accepts itself. */
  actingUserId: string | null;
}

class Refused extends Error {
  constructor(readonly reason: AcceptRefusal) {
    super(reason);
  }
}

/**
 * Accepts an invitation once (its row is claimed inside the transaction, so
 * two simultaneous acceptances make one winner).
 * - A new email: the account is created with the invited role; staff and
 *   admins set their password here.
 * - An email that already has an account: only that account, signed in and
 *   confirming on the invitation page, may accept. Its role changes through
 *   the same rule as an admin's change (never the last admin, sessions
 *   revoked), and an existing password is never replaced.
 */
export async function acceptInvitation(db: Database, token: string, details: AcceptDetails): Promise<AcceptResult> {
  try {
    return await db.transaction(async (tx: Transaction) => {
      const [inv] = await rows<Pick<ColumnsOf<typeof invitations>, 'id' | 'email' | 'role' | 'organisation_id' | 'org_role'>>(tx, sql`
        UPDATE invitations SET accepted_at = now()
        WHERE token_hash = ${hashToken(token)} AND accepted_at IS NULL AND expires_at > now()
        RETURNING id, email, role, organisation_id, org_role`);
      if (!inv) throw new Refused('invalid_or_expired');
      const needsPassword = roleCan(inv.role, 'password.sign_in');
      const [existing] = await rows<Pick<ColumnsOf<typeof users>, 'id' | 'password_hash'>>(tx, sql`
        SELECT id, password_hash FROM users WHERE email = ${inv.email} FOR UPDATE`);
      if (!existing) {
        if (!details.name) throw new Refused('name_required');
        if (needsPassword && !details.passwordHash) throw new Refused('password_required');
        const [created] = await rows<{ id: string }>(tx, sql`
          INSERT INTO users (id, email, name, role, password_hash, organisation_id, org_role, email_verified)
          VALUES (${crypto.randomUUID()}, ${inv.email}, ${details.name}, ${inv.role}::user_role, ${needsPassword ? details.passwordHash : null},
                  ${inv.organisation_id}, ${inv.org_role}::org_role, now())
          ON CONFLICT (email) DO NOTHING
          RETURNING id`);
        // Someone created the account in the meantime: it is an existing account now, and needs its owner.
        if (!created) throw new Refused('account_exists');
        return { ok: true, userId: created.id, email: inv.email, role: inv.role, existing: false } as const;
      }
      if (!details.actingUserId) throw new Refused('sign_in_required');
      if (details.actingUserId !== existing.id) throw new Refused('wrong_account');
      if (needsPassword && !existing.password_hash && !details.passwordHash) throw new Refused('password_required');
      const changed = await setUserRole(tx, existing.id, inv.role, inv.organisation_id, inv.org_role);
      if (!changed.ok) throw new Refused(changed.reason === 'last_admin' ? 'last_admin' : 'invalid_or_expired');
      await tx.execute(sql`UPDATE users SET
        name = coalesce(name, ${details.name}),
        password_hash = coalesce(password_hash, ${needsPassword ? details.passwordHash : null}),
        email_verified = coalesce(email_verified, now())
        WHERE id = ${existing.id}`);
      return { ok: true, userId: existing.id, email: inv.email, role: inv.role, existing: true } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

export async function updateProfile(db: Database, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

export type RoleChange = { ok: true } | { ok: false; reason: 'not_found' | 'last_admin' | 'partner_needs_organisation' };

/** Admins change roles; the last admin cannot demote themselves out of the building. */
export async function changeUserRole(db: Database, userId: string, role: UserRole, organisationId: string | null, actor?: { id: string }): Promise<RoleChange> {
  return db.transaction((tx) => setUserRole(tx, userId, role, organisationId, null, actor));
}

/**
 * The one rule for changing a role, inside the caller's transaction (an
 * admin's change, an accepted invitation):
 * - the last admin is never demoted, even when two admins are demoted at once;
 * - a partner belongs to an organisation;
 * - the account's sessions are revoked, so a copied cookie carries no old role.
 */
export async function setUserRole(
  tx: Transaction,
  userId: string,
  role: UserRole,
  organisationId: string | null,
  orgRole: 'member' | 'admin' | null,
  /** The admin making the change, recorded in the audit log; none when someone accepts their own invitation. */
  actor?: { id: string },
): Promise<RoleChange> {
  const [user] = await rows<Pick<ColumnsOf<typeof users>, 'role' | 'organisation_id'>>(tx, sql`SELECT role, organisation_id FROM users WHERE id = ${userId} FOR UPDATE`);
  if (!user) return { ok: false, reason: 'not_found' };
  if (role === 'partner' && !organisationId) return { ok: false, reason: 'partner_needs_organisation' };
  if (user.role === 'admin' && role !== 'admin') {
    // One demotion of an admin at a time (a transaction-scoped lock), so the count below sees the others' commits.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('marquee:demote-admin'))`);
    const [admins] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    if ((admins?.n ?? 0) <= 1) return { ok: false, reason: 'last_admin' };
  }
  await tx.execute(sql`UPDATE users SET role = ${role}::user_role,
    organisation_id = ${role === 'partner' ? organisationId : null},
    org_role = ${role === 'partner' ? (orgRole ? sql`${orgRole}::org_role` : sql`coalesce(org_role, 'member')`) : sql`NULL`} WHERE id = ${userId}`);
  await revokeUserSessions(tx, userId);
  if (actor) {
    const nextOrg = role === 'partner' ? organisationId : null;
    await recordAudit(tx, actor, {
      action: 'setUserRole', subjectKind: 'user', subjectId: userId, organisationId: nextOrg ?? user.organisation_id,
      before: { role: user.role, ...(user.organisation_id !== nextOrg ? { organisationId: user.organisation_id } : {}) },
      after: { role, ...(user.organisation_id !== nextOrg ? { organisationId: nextOrg } : {}) },
    });
  }
  return { ok: true };
}

/**
 * Server-side sessions. The session cookie stays a JWT (the password
 * provider needs it), but it names a row here, created at sign-in: a
 * session is valid only while its row exists. Sign-out deletes the row;
 * a role change deletes all of the account's rows.
 */
export async function createAuthSession(db: Database, userId: string, maxAgeSeconds: number): Promise<string> {
  const id = newToken();
  await db.execute(sql`INSERT INTO sessions (session_token, user_id, expires)
    VALUES (${hashToken(id)}, ${userId}, now() + make_interval(secs => ${maxAgeSeconds}))`);
  // Expired rows are useless; deleting a few on the way keeps the table small without a job.
  await db.execute(sql`DELETE FROM sessions WHERE session_token IN (SELECT session_token FROM sessions WHERE expires < now() LIMIT 100)`);
  return id;
}

export async function deleteAuthSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, hashToken(sessionId)));
}

export async function revokeUserSessions(db: Database | Transaction, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
