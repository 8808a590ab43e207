'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { clientAddress } from '@/lib/api/client';

const Email = z.string().trim().toLowerCase().email().max(254);

/** Only same-site paths are allowed as a destination after sign-in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') ? v : '/account';
}

export async function requestSignInLinkAction(form: FormData): Promise<void> {
  const email = Email.safeParse(form.get('email'));
  if (!email.success) redirect('/signin?error=email');
  // Always ends on "check your email": the answer never says whether an account exists.
  await signIn('email', { email: email.data, redirectTo: safeCallback(form.get('callbackUrl')) });
}

export async function passwordSignInAction(form: FormData): Promise<void> {
  const h = await headers();
  const client = clientAddress(h);
  try {
    await signIn('password', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      client,
      redirectTo: safeCallback(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = 'code' in error && error.code === 'locked';
      redirect(`/signin?error=${locked ? 'locked' : 'password'}`);
    }
    throw error; // the success redirect
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
