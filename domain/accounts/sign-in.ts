import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { queueEmail } from '@/domain/notifications/emails';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { users } from '@/db/schema/auth';
import { clientAddress } from '@/platform/server/client-identity';
import { safeRedirectPath } from '@/domain/accounts/redirect';
import { roleCan } from '@/domain/accounts/permissions';
import { renderSignInEmail } from '@/platform/email/sign-in';
import { getEnv } from '@/platform/env';

export async function findUserForSignIn(email: string) {
  const [u] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  return u ?? null;
}

/** Sign-in emails: per address, a few per quarter hour; per client, enough for a shared office (the default of SIGNIN_EMAILS_PER_CLIENT_PER_HOUR). */
export const SIGN_IN_EMAIL_LIMITS = {
  perAddress: { limit: 3, windowSeconds: 15 * 60 },
  perClient: { limit: 20, windowSeconds: 60 * 60 },
} as const;

const CALLBACK_PATH = /^\/api\/auth\/callback\/[a-z-]+$/;

/**
 * The link Auth.js built, rebuilt on the configured public URL: Auth.js
 * derives its own from the request, and a forged Host must never decide
 * where a victim's token is sent. Only the callback path, the token, the
 * email and a same-site destination are kept.
 */
export function publicSignInLink(url: string, baseUrl: string): string | null {
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return null;
  }
  const token = given.searchParams.get('token');
  const email = given.searchParams.get('email');
  if (!token || !email) return null;
  const link = new URL(CALLBACK_PATH.test(given.pathname) ? given.pathname : '/api/auth/callback/email', new URL(baseUrl).origin);
  link.search = new URLSearchParams({ callbackUrl: safeRedirectPath(given.searchParams.get('callbackUrl')), token, email }).toString();
  return link.toString();
}

const Email = z.string().email().max(254);

/**
 * The email-link sign-in (Auth.js's sendVerificationRequest, reached by the
 * server action and by a direct POST to /api/auth/signin/email alike). The
 * page always says "check your email", whatever the address and whatever
 * the limits; what the email says differs only for the owner of the
 * mailbox: staff and admin accounts are told to use their password instead.
 */
export async function sendSignInEmail(email: string, url: string, headers: Headers): Promise<void> {
  const env = getEnv();
  const db = getDb();
  const address = Email.safeParse(email);
  if (!address.success) return;
  const to = address.data.toLowerCase();
  const client = clientAddress(headers);
  const [perAddress, perClient] = await Promise.all([
    hitRateLimit(db, `signin-email:${to}`, SIGN_IN_EMAIL_LIMITS.perAddress.limit, SIGN_IN_EMAIL_LIMITS.perAddress.windowSeconds),
    hitRateLimit(db, `signin-client:${client}`, env.SIGNIN_EMAILS_PER_CLIENT_PER_HOUR, SIGN_IN_EMAIL_LIMITS.perClient.windowSeconds),
  ]);
  if (!perAddress.ok || !perClient.ok) {
    console.warn(`[auth] sign-in email not sent: too many requests ${perAddress.ok ? `from client ${client}` : `for ${maskEmail(to)}`}`);
    return;
  }
  const link = publicSignInLink(url, env.PUBLIC_BASE_URL);
  const user = await findUserForSignIn(to);
  const staff = user ? roleCan(user.role, 'password.sign_in') : false;
  const signInPage = new URL('/signin', env.PUBLIC_BASE_URL).toString();
  if (!link && !staff) {
    console.warn('[auth] sign-in email not sent: Auth.js gave no usable link');
    return;
  }
  const message = renderSignInEmail({ url: staff ? null : link, festivalName: 'Harbourfront Film Festival', signInPage });
  await queueEmail(db, to, message, env.SMTP_URL ? 'pending' : 'stored');
}

/** Logs name the mailbox's domain, not the person. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}…${email.slice(at)}`;
}
