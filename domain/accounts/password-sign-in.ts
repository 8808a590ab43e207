import { CredentialsSignin } from '@auth/core/errors';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clearSignInFailures, recordSignInFailure, signInLockedFor } from '@/domain/accounts/auth';
import { clientAddress } from '@/platform/server/client-identity';
import { findUserForSignIn } from '@/domain/accounts/sign-in';
import { verifyPassword } from '@/domain/accounts/password';
import { roleCan } from '@/domain/accounts/permissions';

export class LockedOut extends CredentialsSignin {
  code = 'locked';
}

const Login = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

/** The lockout keys of one attempt: the account's email, and the client as the server sees it (never a form field). */
export function lockoutKeys(email: string, headers: Headers): [string, string] {
  return [`email:${email}`, `client:${clientAddress(headers)}`];
}

/**
 * The password provider's `authorize`: staff and admins only, argon2id,
 * lockout per email and per client counted in PostgreSQL. Returns null for
 * any wrong or unknown combination (one answer for both), throws LockedOut
 * while either key is locked, even with the right password.
 */
export async function authorizePassword(raw: unknown, headers: Headers): Promise<{ id: string; email: string; name: string | null } | null> {
  const parsed = Login.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const keys = lockoutKeys(parsed.data.email, headers);
  if ((await signInLockedFor(db, keys)) > 0) throw new LockedOut();
  const user = await findUserForSignIn(parsed.data.email);
  const staff = user && roleCan(user.role, 'password.sign_in');
  // Always verify (against a dummy when there is no staff account) so timing reveals nothing.
  const ok = await verifyPassword(parsed.data.password, staff ? user.passwordHash : null);
  if (!ok || !staff) {
    await recordSignInFailure(db, keys);
    return null;
  }
  await clearSignInFailures(db, keys[0]);
  return { id: user.id, email: user.email, name: user.name };
}
