import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { firstRow, rows, type SqlRunner } from '@/db/sql';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { hashToken, newToken } from '@/platform/tokens';
import type { CurrentUser } from './current-user';
import { can } from './permissions';

/**
 * Staff API tokens: a door phone or a script calls the JSON API as its staff member with
 * `Authorization: Bearer mq_…`. The token acts with its user's permissions as they are now, so a demoted or removed
 * account's tokens stop working at once; only the secret's sha256 is stored, and the secret is shown once.
 */
export const API_TOKEN_PREFIX = 'mq_';
const MAX_DAYS = 90;

export const CreateApiTokenInput = z.object({
  label: z.string().trim().min(1, 'Name the token (say, "Door 2 phone").').max(80),
  days: z.coerce.number().int().min(1).max(MAX_DAYS).default(30),
});

export type CreateApiTokenResult = { ok: true; id: string; token: string; expiresAt: Date } | { ok: false; reason: 'forbidden' | 'invalid'; message: string };

/** Only those who may use the box-office API (staff and admins) make tokens, for themselves. */
export async function createApiToken(db: Database, actor: CurrentUser, input: unknown): Promise<CreateApiTokenResult> {
  if (!can(actor, 'door.check_in')) return { ok: false, reason: 'forbidden', message: 'Only box-office staff make API tokens.' };
  const parsed = CreateApiTokenInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message ?? 'Invalid token.' };
  const secret = `${API_TOKEN_PREFIX}${newToken()}`;
  return transact(db, async (tx) => {
    const row = await firstRow<{ id: string; expires_at: Date }>(tx, sql`
      INSERT INTO api_tokens (user_id, label, token_hash, expires_at)
      VALUES (${actor.id}, ${parsed.data.label}, ${hashToken(secret)}, now() + make_interval(days => ${parsed.data.days}))
      RETURNING id, expires_at`);
    await recordAudit(tx, actor, { action: 'createApiToken', subjectKind: 'api_token', subjectId: row!.id, after: { label: parsed.data.label, days: parsed.data.days } });
    return { ok: true, id: row!.id, token: secret, expiresAt: new Date(row!.expires_at) } as const;
  });
}

/** Revokes one of the actor's own tokens (an admin may revoke anyone's). */
export async function revokeApiToken(db: Database, actor: CurrentUser, tokenId: string): Promise<{ ok: true } | { ok: false; reason: 'not_found'; message: string }> {
  if (!z.guid().safeParse(tokenId).success) return { ok: false, reason: 'not_found', message: 'No such token.' };
  return transact(db, async (tx, refuse: (r: { ok: false; reason: 'not_found'; message: string }) => never) => {
    const row = await firstRow<{ label: string }>(tx, sql`
      UPDATE api_tokens SET revoked_at = now()
      WHERE id = ${tokenId} AND revoked_at IS NULL AND (user_id = ${actor.id} OR ${actor.role === 'admin'})
      RETURNING label`);
    if (!row) refuse({ ok: false, reason: 'not_found', message: 'No such token.' });
    await recordAudit(tx, actor, { action: 'revokeApiToken', subjectKind: 'api_token', subjectId: tokenId, before: { label: row!.label } });
    return { ok: true } as const;
  });
}

export async function listApiTokens(db: SqlRunner, actor: CurrentUser): Promise<{ id: string; label: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null }[]> {
  const found = await rows<{ id: string; label: string; created_at: Date; expires_at: Date; last_used_at: Date | null }>(db, sql`
    SELECT id, label, created_at, expires_at, last_used_at FROM api_tokens
    WHERE user_id = ${actor.id} AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC LIMIT 50`);
  return found.map((t) => ({
    id: t.id,
    label: t.label,
    createdAt: new Date(t.created_at),
    expiresAt: new Date(t.expires_at),
    lastUsedAt: t.last_used_at ? new Date(t.last_used_at) : null,
  }));
}

/** The account a bearer token acts for, now; null for an unknown, revoked or expired token. */
export async function userForApiToken(secret: string, db: SqlRunner = getDb()): Promise<CurrentUser | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const row = await firstRow<{ id: string; email: string; name: string | null; role: CurrentUser['role']; organisation_id: string | null; org_role: CurrentUser['orgRole'] }>(db, sql`
    UPDATE api_tokens t SET last_used_at = now()
    FROM users u
    WHERE t.token_hash = ${hashToken(secret)} AND t.revoked_at IS NULL AND t.expires_at > now() AND u.id = t.user_id
    RETURNING u.id, u.email, u.name, u.role, u.organisation_id, u.org_role`);
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisation_id, orgRole: row.org_role } : null;
}
