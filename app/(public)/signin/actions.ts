'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { safeRedirectPath } from '@/domain/accounts/redirect';

const Email = z.string().trim().toLowerCase().email().max(254);

export async function requestSignInLinkAction(form: FormData): Promise<void> {
  const email = Email.safeParse(form.get('email'));
  if (!email.success) redirect('/signin?error=email');
  // Always ends on "check your email": the answer never says whether an account exists, nor whether a limit was hit.
  await signIn('email', { email: email.data, redirectTo: safeRedirectPath(form.get('callbackUrl')) });
}

export async function passwordSignInAction(form: FormData): Promise<void> {
  try {
    // No client field: the lockout key comes from the request the provider sees (domain/accounts/password-sign-in.ts).
    await signIn('password', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirectTo: safeRedirectPath(form.get('callbackUrl')),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = 'code' in error && error.code === 'locked';
      redirect(`/signin?error=${locked ? 'locked' : 'password'}`);
    }
    throw error; // the success redirect
  }
}

/** Signs out (Auth.js's signOut event deletes the session's row); a form may name a same-site page to return to. */
export async function signOutAction(form?: FormData): Promise<void> {
  await signOut({ redirectTo: safeRedirectPath(form?.get('callbackUrl'), '/') });
}
