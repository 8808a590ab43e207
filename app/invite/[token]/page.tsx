import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { acceptInvitationAction } from '@/app/actions/invitations';
import { getInvitation } from '@/db/queries/accounts';
import { PASSWORD_RULES } from '@/lib/auth/password';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = { title: 'Accept invitation', robots: { index: false } };

const ERRORS: Record<string, string> = {
  name: 'Please give your name.',
  password: `Choose a password: ${PASSWORD_RULES}`,
  password_required: `Staff accounts need a password: ${PASSWORD_RULES}`,
  invalid_or_expired: 'This invitation has expired or was already used.',
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params;
  const invitation = await getInvitation(token);
  if (!invitation) notFound();
  const error = (await searchParams).error;
  const staff = invitation.role === 'staff' || invitation.role === 'admin';
  const input = 'mt-1 w-full rounded-md border border-stone-500 px-3 py-2';
  return (
    <Container>
      <PageHeading lead={invitation.organisation ? `You are invited to join ${invitation.organisation}.` : `You are invited as ${invitation.role}.`}>
        Accept your invitation
      </PageHeading>
      {typeof error === 'string' ? (
        <div className="mb-4">
          <Notice title="Not yet" tone="warn">
            {ERRORS[error] ?? 'Please try again.'}
          </Notice>
        </div>
      ) : null}
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
        {staff ? (
          <div>
            <label htmlFor="password" className="block font-semibold">
              Choose a password
            </label>
            <input id="password" name="password" type="password" required minLength={12} autoComplete="new-password" aria-describedby="password-rules" className={input} />
            <p id="password-rules" className="text-sm text-muted">
              {PASSWORD_RULES}
            </p>
          </div>
        ) : (
          <p className="text-sm text-muted">You will sign in with a link sent to this address.</p>
        )}
        <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white">
          Accept
        </button>
      </form>
    </Container>
  );
}
