import type { Database } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { createInvitation, type InvitationInput } from '@/domain/accounts/auth';
import type { UserRole } from '@/domain/accounts/current-user';
import { hashPassword } from '@/domain/accounts/password';
import { sessionCookie } from '../sessions';
import { uniq } from './unique';

/**
 * Accounts: users in each role, organisations, invitations, and users
 * signed in. There is no command that creates a user outright (sign-in and
 * invitations do, through Auth.js and acceptInvitation), so a user is one row
 * as either would leave it; everything after that goes through the commands.
 */

export interface UserInput {
  role?: UserRole;
  organisationId?: string | null;
  orgRole?: 'member' | 'admin' | null;
  /** Hashed here with argon2id, as the invitation page stores it; staff and admins sign in with it. */
  password?: string;
  /** An existing hash, when a test compares it afterwards. */
  passwordHash?: string;
  email?: string;
  name?: string | null;
}

export interface TestUser {
  id: string;
  email: string;
}

export async function createUser(db: Database, o: UserInput = {}): Promise<TestUser> {
  const role = o.role ?? 'audience';
  const email = o.email ?? `${uniq(role)}@example.org`;
  const passwordHash = o.passwordHash ?? (o.password === undefined ? null : await hashPassword(o.password));
  const [user] = await db
    .insert(users)
    .values({ email, name: o.name ?? null, role, passwordHash, organisationId: o.organisationId ?? null, orgRole: o.orgRole ?? null })
    .returning({ id: users.id, email: users.email });
  if (!user) throw new Error('no user');
  return user;
}

/** A user with a session, and the cookie a browser signed in as them sends (signed with the app's secret). */
export async function createSignedInUser(db: Database, secret: string, o: UserInput = {}): Promise<TestUser & { cookie: string; sessionId: string }> {
  const user = await createUser(db, o);
  return { ...user, ...(await sessionCookie(db, user, secret)) };
}

export async function createOrganisation(db: Database, name = `Organisation ${uniq('org')}`) {
  const [organisation] = await db.insert(organisations).values({ slug: uniq('org'), name }).returning({ id: organisations.id, name: organisations.name });
  if (!organisation) throw new Error('no organisation');
  return organisation;
}

/** An invitation made through the command (so the inviter must be allowed to); answers its secret token. */
export async function createInvitationToken(db: Database, input: InvitationInput): Promise<string> {
  const created = await createInvitation(db, input);
  if (!created.ok) throw new Error(`invitation refused: ${created.reason}`);
  return created.token;
}
