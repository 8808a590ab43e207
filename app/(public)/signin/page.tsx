import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { passwordSignInAction, requestSignInLinkAction } from './actions';
import { getCurrentUser } from '@/web/auth/guards';
import { safeRedirectPath } from '@/domain/accounts/redirect';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Sign in', description: 'Sign in to see all your tickets in one place, or to manage your organisation’s requests.', robots: { index: false } };

const ERRORS: Record<string, string> = {
  email: 'Please enter a valid email address.',
  password: 'That email and password do not match a staff account.',
  locked: 'Too many failed attempts. Sign-in is paused for 15 minutes for this address and this device.',
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof query.error === 'string' ? (ERRORS[query.error] ?? 'Sign-in did not work. Please try again.') : null;
  const input = 'mt-1 w-full rounded-md border border-stone-500 px-3 py-2';
  return (
    <Container>
      <PageHeading lead="Buying tickets needs no account. Sign in to see all your tickets in one place, or to manage your organisation's requests.">
        Sign in
      </PageHeading>
      {typeof query.accepted === 'string' && !error ? (
        <div className="mb-6">
          <Notice title="Invitation accepted">Sign in to continue with your new role.</Notice>
        </div>
      ) : null}
      {error ? (
        <div className="mb-6">
          <Notice title="Not signed in" tone="warn">
            {error}
          </Notice>
        </div>
      ) : null}
      <div className="grid gap-8 md:grid-cols-2">
        <form action={requestSignInLinkAction} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">Audience and community partners</h2>
          <p className="text-sm text-muted">We email you a link that signs you in. No password to remember.</p>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <div>
            <label htmlFor="link-email" className="block font-semibold">
              Email
            </label>
            <input id="link-email" name="email" type="email" required autoComplete="email" className={input} />
          </div>
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
            Email me a sign-in link
          </button>
        </form>
        <form action={passwordSignInAction} className="space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">Festival staff</h2>
          <p className="text-sm text-muted">Box-office staff and administrators sign in with their password.</p>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <div>
            <label htmlFor="staff-email" className="block font-semibold">
              Email
            </label>
            <input id="staff-email" name="email" type="email" required autoComplete="username" className={input} />
          </div>
          <div>
            <label htmlFor="staff-password" className="block font-semibold">
              Password
            </label>
            <input id="staff-password" name="password" type="password" required autoComplete="current-password" className={input} />
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-stone-600 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
            Sign in with password
          </button>
        </form>
      </div>
    </Container>
  );
}
