import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { acceptInvitation, changeUserRole, createInvitation, LOCKOUT, recordSignInFailure, signInLockedFor } from '@/db/commands/auth';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { uniq } from '../support/factories';

type Row = Record<string, unknown>;

async function makeUser(role: 'audience' | 'staff' | 'admin' = 'audience') {
  const id = crypto.randomUUID();
  const email = `${uniq('user')}@example.org`;
  await getDb().execute(sql`INSERT INTO users (id, email, role) VALUES (${id}, ${email}, ${role}::user_role)`);
  return { id, email };
}

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

describe('sign-in lockout in PostgreSQL', () => {
  it('locks an email after five failures, even when they arrive at once from several instances', async () => {
    const key = `email:${uniq('locked')}@example.org`;
    await Promise.all(Array.from({ length: LOCKOUT.maxFailures - 1 }, () => recordSignInFailure(getDb(), [key])));
    expect(await signInLockedFor(getDb(), [key])).toBe(0);
    await recordSignInFailure(getDb(), [key]);
    const seconds = await signInLockedFor(getDb(), [key]);
    expect(seconds).toBeGreaterThan(LOCKOUT.lockMinutes * 60 - 10);
    expect(seconds).toBeLessThanOrEqual(LOCKOUT.lockMinutes * 60);
  });

  it('gives a shared client address more room than one account', async () => {
    const client = `client:${uniq('10.0.0')}`;
    for (let i = 0; i < LOCKOUT.maxFailures + 2; i++) await recordSignInFailure(getDb(), [client]);
    expect(await signInLockedFor(getDb(), [client])).toBe(0);
  });
});

describe('invitations and roles', () => {
  it('an invitation is accepted once, and a staff invitation needs a password', async () => {
    const admin = await makeUser('admin');
    const email = `${uniq('staff')}@example.org`;
    const { token } = await createInvitation(getDb(), { email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { name: 'New Staff', passwordHash: null })).toEqual({ ok: false, reason: 'password_required' });
    const accepted = await acceptInvitation(getDb(), token, { name: 'New Staff', passwordHash: await hashPassword('a long enough password') });
    expect(accepted).toMatchObject({ ok: true, role: 'staff', email });
    expect(await acceptInvitation(getDb(), token, { name: 'Again', passwordHash: await hashPassword('a long enough password') })).toEqual({
      ok: false,
      reason: 'invalid_or_expired',
    });
    expect(await acceptInvitation(getDb(), 'not-a-token', { name: 'X', passwordHash: null })).toEqual({ ok: false, reason: 'invalid_or_expired' });
  });

  it('a partner invitation makes an existing audience account a member of the organisation, keeping the account', async () => {
    const admin = await makeUser('admin');
    const audience = await makeUser('audience');
    const [org] = await getDb().execute<{ id: string } & Row>(sql`SELECT id FROM organisations LIMIT 1`);
    const { token } = await createInvitation(getDb(), { email: audience.email, role: 'partner', organisationId: org!.id, orgRole: 'member', invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { name: 'Member', passwordHash: null })).toMatchObject({ ok: true, userId: audience.id, role: 'partner' });
    const [u] = await getDb().execute<{ role: string; organisation_id: string } & Row>(sql`SELECT role, organisation_id FROM users WHERE id = ${audience.id}`);
    expect(u).toEqual({ role: 'partner', organisation_id: org!.id });
  });

  it('refuses to demote the last admin and to make a partner without an organisation', async () => {
    // Leave exactly one admin in this test database for the duration of the check, then put the others back.
    const others = await getDb().execute<{ id: string } & Row>(sql`UPDATE users SET role = 'staff' WHERE role = 'admin' RETURNING id`);
    const only = await makeUser('admin');
    try {
      expect(await changeUserRole(getDb(), only.id, 'staff', null)).toEqual({ ok: false, reason: 'last_admin' });
      const second = await makeUser('admin');
      expect(await changeUserRole(getDb(), only.id, 'staff', null)).toEqual({ ok: true });
      await getDb().execute(sql`UPDATE users SET role = 'audience' WHERE id = ${second.id}`);
    } finally {
      for (const o of others) await getDb().execute(sql`UPDATE users SET role = 'admin' WHERE id = ${o.id}`);
    }
    const someone = await makeUser('audience');
    expect(await changeUserRole(getDb(), someone.id, 'partner', null)).toEqual({ ok: false, reason: 'partner_needs_organisation' });
    expect(await changeUserRole(getDb(), someone.id, 'staff', null)).toEqual({ ok: true });
  });
});
