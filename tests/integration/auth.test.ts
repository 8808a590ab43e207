import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  acceptInvitation,
  changeUserRole,
  createAuthSession,
  createInvitation,
  deleteAuthSession,
  LOCKOUT,
  recordSignInFailure,
  signInLockedFor,
  type InvitationInput,
} from '@/domain/accounts/auth';
import { userForSession } from '@/domain/accounts/current-user';
import { hashPassword, verifyPassword } from '@/domain/accounts/password';
import { createInvitationToken, createOrganisation, createUser, uniq, type UserInput } from '../support/factories';
import { rows } from '@/db/sql';


const makeUser = (role: UserInput['role'] = 'audience', opts: Omit<UserInput, 'role'> = {}) => createUser(getDb(), { role, ...opts });

/** Two organisations of this test's own. */
const organisations = async (): Promise<[string, string]> => [(await createOrganisation(getDb())).id, (await createOrganisation(getDb())).id];

const invite = (input: InvitationInput) => createInvitationToken(getDb(), input);

async function userRow(id: string) {
  const [u] = await rows<{ role: string; organisation_id: string | null; password_hash: string | null; name: string | null }>(getDb(), sql`
    SELECT role, organisation_id, password_hash, name FROM users WHERE id = ${id}`);
  return u!;
}

/** Runs a check with exactly one admin in the database (this one), then puts the others back. */
async function withSoleAdmin(check: (admin: { id: string; email: string }) => Promise<void>) {
  const others = await rows<{ id: string }>(getDb(), sql`UPDATE users SET role = 'staff' WHERE role = 'admin' RETURNING id`);
  const only = await makeUser('admin', { password: 'the only admin password' });
  try {
    await check(only);
  } finally {
    await getDb().execute(sql`UPDATE users SET role = 'audience' WHERE id = ${only.id}`);
    for (const o of others) await getDb().execute(sql`UPDATE users SET role = 'admin' WHERE id = ${o.id}`);
  }
}

const none = { name: null, passwordHash: null, actingUserId: null };

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

describe('invitations for new addresses', () => {
  it('an invitation is accepted once, and a staff invitation needs a name and a password', async () => {
    const admin = await makeUser('admin');
    const email = `${uniq('staff')}@example.org`;
    const token = await invite({ email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { ...none, name: 'New Staff' })).toEqual({ ok: false, reason: 'password_required' });
    expect(await acceptInvitation(getDb(), token, { ...none, passwordHash: await hashPassword('a long enough password') })).toEqual({ ok: false, reason: 'name_required' });
    const accepted = await acceptInvitation(getDb(), token, { ...none, name: 'New Staff', passwordHash: await hashPassword('a long enough password') });
    expect(accepted).toMatchObject({ ok: true, role: 'staff', email, existing: false });
    expect(await acceptInvitation(getDb(), token, { ...none, name: 'Again', passwordHash: await hashPassword('a long enough password') })).toEqual({
      ok: false,
      reason: 'invalid_or_expired',
    });
    expect(await acceptInvitation(getDb(), 'not-a-token', { ...none, name: 'X' })).toEqual({ ok: false, reason: 'invalid_or_expired' });
  });

  it('the same invitation accepted twice at once: exactly one account, one success', async () => {
    const admin = await makeUser('admin');
    const email = `${uniq('race')}@example.org`;
    const token = await invite({ email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id });
    const hashes = await Promise.all([hashPassword('first racer password'), hashPassword('second racer password')]);
    const results = await Promise.all(hashes.map((h, i) => acceptInvitation(getDb(), token, { name: `Racer ${i}`, passwordHash: h, actingUserId: null })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'invalid_or_expired' }]);
    const [count] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM users WHERE email = ${email}`);
    expect(count!.n).toBe(1);
  });

  it('two invitations for one new address accepted at once: the second finds an account and needs its owner', async () => {
    const admin = await makeUser('admin');
    const email = `${uniq('twice')}@example.org`;
    const [org] = await organisations();
    const tokens = [
      await invite({ email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id }),
      await invite({ email, role: 'partner', organisationId: org, orgRole: 'member', invitedBy: admin.id }),
    ];
    const hash = await hashPassword('a long enough password');
    const results = await Promise.all(tokens.map((t) => acceptInvitation(getDb(), t, { name: 'Someone', passwordHash: hash, actingUserId: null })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(account_exists|sign_in_required)$/) });
  });
});

describe('invitations for an address that already has an account', () => {
  it('change nothing without the owner, signed in; the owner confirming changes the role', async () => {
    const admin = await makeUser('admin');
    const audience = await makeUser('audience');
    const stranger = await makeUser('audience');
    const [org] = await organisations();
    const token = await invite({ email: audience.email, role: 'partner', organisationId: org, orgRole: 'member', invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { ...none, name: 'Anyone' })).toEqual({ ok: false, reason: 'sign_in_required' });
    expect(await acceptInvitation(getDb(), token, { ...none, actingUserId: stranger.id })).toEqual({ ok: false, reason: 'wrong_account' });
    expect(await userRow(audience.id)).toMatchObject({ role: 'audience', organisation_id: null });
    // Refusals do not use the invitation up: its owner can still accept it.
    expect(await acceptInvitation(getDb(), token, { ...none, actingUserId: audience.id })).toMatchObject({ ok: true, userId: audience.id, role: 'partner', existing: true });
    expect(await userRow(audience.id)).toMatchObject({ role: 'partner', organisation_id: org });
  });

  it("never replaces an existing password, not even the owner's own", async () => {
    const admin = await makeUser('admin');
    const original = await hashPassword('the original staff password');
    const staff = await makeUser('staff', { passwordHash: original });
    const token = await invite({ email: staff.email, role: 'admin', organisationId: null, orgRole: null, invitedBy: admin.id });
    const attackers = await hashPassword('the attackers new password');
    expect(await acceptInvitation(getDb(), token, { name: 'Attacker', passwordHash: attackers, actingUserId: null })).toEqual({ ok: false, reason: 'sign_in_required' });
    expect(await userRow(staff.id)).toMatchObject({ role: 'staff', password_hash: original });
    expect(await acceptInvitation(getDb(), token, { name: 'Owner', passwordHash: attackers, actingUserId: staff.id })).toMatchObject({ ok: true, role: 'admin' });
    expect(await userRow(staff.id)).toMatchObject({ role: 'admin', password_hash: original });
  });

  it('an account without a password that becomes staff sets one on the invitation page', async () => {
    const admin = await makeUser('admin');
    const audience = await makeUser('audience');
    const token = await invite({ email: audience.email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { ...none, actingUserId: audience.id })).toEqual({ ok: false, reason: 'password_required' });
    const hash = await hashPassword('my new staff password');
    expect(await acceptInvitation(getDb(), token, { ...none, passwordHash: hash, actingUserId: audience.id })).toMatchObject({ ok: true, role: 'staff' });
    expect(await userRow(audience.id)).toMatchObject({ role: 'staff', password_hash: hash });
  });

  it('never takes away the last admin, even with the owner confirming', async () => {
    await withSoleAdmin(async (only) => {
      const [org] = await organisations();
      const token = await invite({ email: only.email, role: 'partner', organisationId: org, orgRole: 'admin', invitedBy: only.id });
      expect(await acceptInvitation(getDb(), token, { ...none, actingUserId: only.id })).toEqual({ ok: false, reason: 'last_admin' });
      expect(await userRow(only.id)).toMatchObject({ role: 'admin', organisation_id: null });
    });
  });

  it('two admins demoted at once: one stays', async () => {
    await withSoleAdmin(async (first) => {
      const second = await makeUser('admin');
      const results = await Promise.all([changeUserRole(getDb(), first.id, 'staff', null), changeUserRole(getDb(), second.id, 'staff', null)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const [admins] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
      expect(admins!.n).toBe(1);
      await getDb().execute(sql`UPDATE users SET role = 'admin' WHERE id = ${first.id}`);
      await getDb().execute(sql`UPDATE users SET role = 'audience' WHERE id = ${second.id}`);
    });
  });
});

describe('who may invite', () => {
  it("staff and other organisations' admins cannot invite into an organisation; its own admins and festival admins can", async () => {
    const [org1, org2] = await organisations();
    const admin = await makeUser('admin');
    const staff = await makeUser('staff');
    const org1Admin = await makeUser('partner', { organisationId: org1, orgRole: 'admin' });
    const org1Member = await makeUser('partner', { organisationId: org1, orgRole: 'member' });
    const audience = await makeUser('audience');
    const into = (org: string, invitedBy: string, role: 'partner' | 'staff' = 'partner') =>
      createInvitation(getDb(), {
        email: `${uniq('invitee')}@example.org`,
        role,
        organisationId: role === 'partner' ? org : null,
        orgRole: role === 'partner' ? 'member' : null,
        invitedBy,
      });
    expect(await into(org1, staff.id)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await into(org2, org1Admin.id)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await into(org1, org1Member.id)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await into(org1, audience.id)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await into(org1, org1Admin.id, 'staff')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(await into(org1, org1Admin.id)).toMatchObject({ ok: true });
    expect(await into(org2, admin.id)).toMatchObject({ ok: true });
    expect(await into(org2, admin.id, 'staff')).toMatchObject({ ok: true });
  });
});

describe('roles', () => {
  it('refuses to demote the last admin and to make a partner without an organisation', async () => {
    await withSoleAdmin(async (only) => {
      expect(await changeUserRole(getDb(), only.id, 'staff', null)).toEqual({ ok: false, reason: 'last_admin' });
      const second = await makeUser('admin');
      expect(await changeUserRole(getDb(), only.id, 'staff', null)).toEqual({ ok: true });
      await getDb().execute(sql`UPDATE users SET role = 'audience' WHERE id = ${second.id}`);
    });
    const someone = await makeUser('audience');
    expect(await changeUserRole(getDb(), someone.id, 'partner', null)).toEqual({ ok: false, reason: 'partner_needs_organisation' });
    expect(await changeUserRole(getDb(), someone.id, 'staff', null)).toEqual({ ok: true });
  });
});

describe('server-side sessions', () => {
  it('a session is valid while its row exists: sign-out revokes it, other sessions stay', async () => {
    const user = await makeUser('audience');
    const [a, b] = [await createAuthSession(getDb(), user.id, 3600), await createAuthSession(getDb(), user.id, 3600)];
    expect(await userForSession(user.id, a)).toMatchObject({ id: user.id, role: 'audience' });
    await deleteAuthSession(getDb(), a);
    expect(await userForSession(user.id, a)).toBeNull();
    expect(await userForSession(user.id, b)).toMatchObject({ id: user.id });
    // A JWT with no session id (the old kind), or another user's session id, signs nobody in.
    expect(await userForSession(user.id, undefined)).toBeNull();
    const other = await makeUser('admin');
    expect(await userForSession(other.id, b)).toBeNull();
  });

  it('an expired row signs nobody in', async () => {
    const user = await makeUser('audience');
    const sid = await createAuthSession(getDb(), user.id, 3600);
    await getDb().execute(sql`UPDATE sessions SET expires = now() - interval '1 second' WHERE user_id = ${user.id}`);
    expect(await userForSession(user.id, sid)).toBeNull();
  });

  it("a role change revokes every session of the account, by an admin or by an invitation", async () => {
    const user = await makeUser('audience');
    const sid = await createAuthSession(getDb(), user.id, 3600);
    expect(await changeUserRole(getDb(), user.id, 'staff', null)).toEqual({ ok: true });
    expect(await userForSession(user.id, sid)).toBeNull();

    const admin = await makeUser('admin');
    const [org] = await organisations();
    const again = await createAuthSession(getDb(), user.id, 3600);
    const token = await invite({ email: user.email, role: 'partner', organisationId: org, orgRole: 'member', invitedBy: admin.id });
    expect(await acceptInvitation(getDb(), token, { ...none, actingUserId: user.id })).toMatchObject({ ok: true });
    expect(await userForSession(user.id, again)).toBeNull();
  });
});
