'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { acceptInvitation } from '@/domain/accounts/auth';
import { getCurrentUser } from '@/web/auth/guards';
import { hashPassword, passwordProblem } from '@/domain/accounts/password';

/**
 * The invitation's secret creates a new account, once. For an email that
 * already has an account, the secret is not enough: the command also wants
 * that very account signed in, confirming on the invitation page.
 */
export async function acceptInvitationAction(token: string, form: FormData): Promise<void> {
  const name = z.string().trim().min(1).max(120).safeParse(form.get('name'));
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  const back = `/invite/${encodeURIComponent(token)}`;
  if (password && passwordProblem(password)) redirect(`${back}?error=password`);
  const user = await getCurrentUser();
  const result = await acceptInvitation(getDb(), token, {
    name: name.success ? name.data : null,
    passwordHash: password ? await hashPassword(password) : null,
    actingUserId: user?.id ?? null,
  });
  if (!result.ok) redirect(`${back}?error=${result.reason}`);
  // A role change revoked the account's sessions: it signs in again with its new role.
  redirect(`/signin?accepted=${result.role}`);
}
