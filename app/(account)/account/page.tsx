import type { Metadata } from 'next';
import { updateProfileAction } from './actions';
import { requireUser } from '@/web/auth/guards';
import { signOutAction } from '@/app/(public)/signin/actions';
import { AccountNav } from '@/components/account/AccountNav';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

const ROLE: Record<string, string> = { audience: 'Audience member', partner: 'Community partner', staff: 'Box-office staff', admin: 'Administrator' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = await searchParams;
  return (
    <Container>
      <PageHeading lead={`${ROLE[user.role]} · ${user.email}`}>Your account</PageHeading>
      <AccountNav user={user} signOut={signOutAction} />
      {query.saved ? (
        <div className="mb-4">
          <Notice title="Saved">Your profile is up to date.</Notice>
        </div>
      ) : null}
      <form action={updateProfileAction} className="max-w-md space-y-4 rounded-lg border border-stone-300 bg-white p-4">
        <h2 className="font-serif text-xl font-bold">Profile</h2>
        <div>
          <label htmlFor="name" className="block font-semibold">
            Name
          </label>
          <input id="name" name="name" defaultValue={user.name ?? ''} required maxLength={120} autoComplete="name" className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2" />
        </div>
        <p className="text-sm">
          Email: <strong>{user.email}</strong>
        </p>
        <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
          Save
        </button>
      </form>
    </Container>
  );
}
