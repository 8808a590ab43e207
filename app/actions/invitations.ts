'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { acceptInvitation } from '@/db/commands/auth';
import { hashPassword, passwordProblem } from '@/lib/auth/password';

/** Anyone holding the invitation's secret may accept it, once; the token is the authority. */
export async function acceptInvitationAction(token: string, form: FormData): Promise<void> {
  const name = z.string().trim().min(1).max(120).safeParse(form.get('name'));
  const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
  const back = `/invite/${encodeURIComponent(token)}`;
  if (!name.success) redirect(`${back}?error=name`);
  if (password && passwordProblem(password)) redirect(`${back}?error=password`);
  const result = await acceptInvitation(getDb(), token, { name: name.data, passwordHash: password ? await hashPassword(password) : null });
  if (!result.ok) redirect(`${back}?error=${result.reason}`);
  redirect(`/signin?accepted=${result.role}`);
}
