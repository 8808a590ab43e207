import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queueEmail } from '@/db/commands/emails';
import type { UserRole } from '@/db/schema/auth';
import { renderSignInEmail } from '@/lib/email/sign-in';
import { getEnv } from '@/lib/env';

type Row = Record<string, unknown>;

export async function findUserForSignIn(email: string) {
  const [u] = await getDb().execute<{ id: string; email: string; name: string | null; role: UserRole; password_hash: string | null } & Row>(sql`
    SELECT id, email, name, role, password_hash FROM users WHERE email = ${email.toLowerCase()}`);
  return u ? { id: u.id, email: u.email, name: u.name, role: u.role, passwordHash: u.password_hash } : null;
}

/**
 * The email-link sign-in. The page always says "check your email", whatever
 * the address; what the email says differs only for the owner of the
 * mailbox: staff and admin accounts are told to use their password instead.
 */
export async function sendSignInEmail(email: string, url: string): Promise<void> {
  const env = getEnv();
  const user = await findUserForSignIn(email);
  const staff = user?.role === 'staff' || user?.role === 'admin';
  const message = renderSignInEmail({ url: staff ? null : url, festivalName: 'Harbourfront Film Festival', signInPage: `${env.PUBLIC_BASE_URL}/signin` });
  await queueEmail(getDb(), email, message, env.SMTP_URL ? 'pending' : 'stored');
}
