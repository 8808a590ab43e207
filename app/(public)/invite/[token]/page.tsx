import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { signOutAction } from '@/app/(public)/signin/actions';
import { acceptInvitationAction } from './actions';
import { getInvitation } from '@/domain/accounts/accounts';
import { roleCan } from '@/domain/accounts/permissions';
import { getCurrentUser } from '@/web/auth/guards';
import { PASSWORD_RULES } from '@/domain/accounts/password';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Accept invitation', description: 'Accept your invitation and sign in with your new role.', robots: { index: false } };

const ERRORS: Record<string, string> = {
  name: 'Please give your name.',
  name_required: 'Please give your name.',
  password: `Choose a password: ${PASSWORD_RULES}`,
  password_required: `Staff accounts need a password: ${PASSWORD_RULES}`,
  invalid_or_expired: 'This invitation has expired or was already used.',
  sign_in_required: 'This address already has an account: sign in to it first, then accept here.',
  wrong_account: 'You are signed in to another account. This invitation can only be accepted by the account it was sent to.',
  last_admin: 'You are the festival’s last administrator: this invitation would leave the festival without one. Appoint another administrator first.',
  account_exists: 'An account was just created for this address. Sign in to it, then accept here.',
};

const ROLE: Record<string, string> = { audience: 'audience member', partner: 'community partner', staff: 'box-office staff', admin: 'administrator' };

function describe(role: string, organisation: string | null, orgRole?: string | null): string {
  const what = ROLE[role] ?? role;
  if (!organisation) return what;
  return `${orgRole === 'admin' ? 'organisation admin' : what} at ${organisation}`;
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params;
  const invitation = await getInvitation(token);
  if (!invitation) notFound();
  const error = (await searchParams).error;
  const user = await getCurrentUser();
  const staff = roleCan(invitation.role, 'password.sign_in');
  const here = `/invite/${encodeURIComponent(token)}`;
  const input = 'mt-1 w-full rounded-md border border-stone-500 px-3 py-2';
  const existing = invitation.existing;
  const mine = existing && user && user.email === invitation.email;
  return (
    <Container>
      <PageHeading lead={invitation.organisation ? `You are invited to join ${invitation.organisation}.` : `You are invited as ${ROLE[invitation.role] ?? invitation.role}.`}>
        Accept your invitation
      </PageHeading>
      {typeof error === 'string' ? (
        <div className="mb-4">
          <Notice title="Not yet" tone="warn">
            {ERRORS[error] ?? 'Please try again.'}
          </Notice>
        </div>
      ) : null}
      {!existing ? (
        <form action={acceptInvitationAction.bind(null, token)} className="max-w-md space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <p>
            Account email: <strong>{invitation.email}</strong>
          </p>
          <div>
            <label htmlFor="name" className="block font-semibold">
              Your name
            </label>
            <input id="name" name="name" required maxLength={120} autoComplete="name" className={input} />
          </div>
          {staff ? <PasswordField input={input} /> : <p className="text-sm text-muted">You will sign in with a link sent to this address.</p>}
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
            Accept
          </button>
        </form>
      ) : !user ? (
        <div className="max-w-md space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">This address already has an account</h2>
          <p>
            To accept, sign in as <strong>{invitation.email}</strong>. You will come back to this page to confirm.
          </p>
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className="inline-block min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
            Sign in to accept
          </Link>
        </div>
      ) : !mine ? (
        <div className="max-w-md space-y-4 rounded-lg border border-stone-300 bg-white p-4" role="alert">
          <h2 className="font-serif text-xl font-bold">This invitation is for another account</h2>
          <p>
            You are signed in as <strong>{user.email}</strong>. This invitation was sent to <strong>{invitation.email}</strong> and only that account can accept it.
          </p>
          <form action={signOutAction}>
            <input type="hidden" name="callbackUrl" value={here} />
            <button type="submit" className="min-h-11 rounded-md border border-stone-600 bg-white px-4 py-2 font-semibold">
              Sign out, then sign in as {invitation.email}
            </button>
          </form>
        </div>
      ) : (
        <form action={acceptInvitationAction.bind(null, token)} className="max-w-md space-y-4 rounded-lg border border-stone-300 bg-white p-4">
          <h2 className="font-serif text-xl font-bold">Confirm the change</h2>
          <p>
            Your role changes from <strong>{describe(existing.role, existing.organisation)}</strong> to{' '}
            <strong>{describe(invitation.role, invitation.organisation, invitation.orgRole)}</strong>.
          </p>
          {staff && !existing.hasPassword ? <PasswordField input={input} /> : null}
          <p className="text-sm text-muted">You will be signed out, and sign in again with your new role.</p>
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
            Accept and change my role
          </button>
        </form>
      )}
    </Container>
  );
}

function PasswordField({ input }: { input: string }) {
  return (
    <div>
      <label htmlFor="password" className="block font-semibold">
        Choose a password
      </label>
      <input id="password" name="password" type="password" required minLength={12} autoComplete="new-password" aria-describedby="password-rules" className={input} />
      <p id="password-rules" className="text-sm text-muted">
        {PASSWORD_RULES}
      </p>
    </div>
  );
}
