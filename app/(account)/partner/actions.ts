'use server';

import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createInvitation } from '@/domain/accounts/auth';
import { sendInvitation } from '@/domain/accounts/invitation-mail';
import { requireOrgInviter } from '@/web/auth/guards';

const Email = z.string().trim().toLowerCase().email().max(254);
const Uuid = z.string().uuid();

/** An organisation's own admin (or a festival admin) invites colleagues into that organisation only; staff do not. */
export async function inviteColleagueAction(organisationId: string, form: FormData): Promise<void> {
  const email = Email.safeParse(form.get('email'));
  const orgId = Uuid.safeParse(organisationId);
  if (!orgId.success) redirect('/partner');
  const inviter = await requireOrgInviter(orgId.data);
  if (!email.success) redirect('/partner?error=email');
  const invitation = await createInvitation(getDb(), { email: email.data, role: 'partner', organisationId: orgId.data, orgRole: 'member', invitedBy: inviter.id });
  // The command checks the inviter's row again, in the same statement that writes the invitation.
  if (!invitation.ok) forbidden();
  await sendInvitation(email.data, invitation.token, inviter.name ?? inviter.email, 'partner', 'your organisation');
  redirect('/partner?invited=1');
}
