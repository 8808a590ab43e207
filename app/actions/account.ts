'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { changeUserRole, createInvitation, updateProfile, USER_ROLES } from '@/domain/accounts/auth';
import { queueEmail } from '@/domain/notifications/emails';
import { requireOrgInviter, requireRole, requireUser } from '@/web/auth/guards';
import { renderInvitation } from '@/platform/email/invitation';
import { getEnv } from '@/platform/env';

const Name = z.string().trim().min(1).max(120);
const Email = z.string().trim().toLowerCase().email().max(254);
const Uuid = z.string().uuid();

export async function updateProfileAction(form: FormData): Promise<void> {
  const name = Name.safeParse(form.get('name'));
  const user = await requireUser();
  if (!name.success) redirect('/account?error=name');
  await updateProfile(getDb(), user.id, name.data);
  revalidatePath('/account');
  redirect('/account?saved=1');
}

async function sendInvitation(to: string, token: string, inviter: string, role: string, organisation: string | null) {
  const env = getEnv();
  const message = renderInvitation({ festivalName: 'Harbourfront Film Festival', inviter, role, organisation, url: `${env.PUBLIC_BASE_URL}/invite/${token}` });
  await queueEmail(getDb(), to, message, env.SMTP_URL ? 'pending' : 'stored');
}

const Invite = z.object({
  email: Email,
  role: z.enum(['staff', 'admin', 'partner']),
  organisationId: Uuid.optional(),
  orgRole: z.enum(['member', 'admin']).default('member'),
});

/** Admins invite staff, admins and partner members of any organisation. */
export async function inviteUserAction(form: FormData): Promise<void> {
  const parsed = Invite.safeParse({
    email: form.get('email'),
    role: form.get('role'),
    organisationId: form.get('organisationId') || undefined,
    orgRole: form.get('orgRole') || undefined,
  });
  const admin = await requireRole('admin');
  if (!parsed.success || (parsed.data.role === 'partner') !== Boolean(parsed.data.organisationId)) redirect('/admin/users?error=invite');
  const { email, role, organisationId, orgRole } = parsed.data;
  const invitation = await createInvitation(getDb(), {
    email,
    role,
    organisationId: role === 'partner' ? organisationId! : null,
    orgRole: role === 'partner' ? orgRole : null,
    invitedBy: admin.id,
  });
  if (!invitation.ok) redirect('/admin/users?error=invite');
  await sendInvitation(email, invitation.token, admin.name ?? admin.email, role, null);
  redirect('/admin/users?invited=1');
}

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

const RoleChange = z.object({ userId: z.string().min(1).max(64), role: z.enum(USER_ROLES), organisationId: Uuid.optional() });

export async function changeRoleAction(form: FormData): Promise<void> {
  const parsed = RoleChange.safeParse({ userId: form.get('userId'), role: form.get('role'), organisationId: form.get('organisationId') || undefined });
  await requireRole('admin');
  if (!parsed.success) redirect('/admin/users?error=role');
  const result = await changeUserRole(getDb(), parsed.data.userId, parsed.data.role, parsed.data.organisationId ?? null);
  if (!result.ok) redirect(`/admin/users?error=${result.reason}`);
  revalidatePath('/admin/users');
  redirect('/admin/users?changed=1');
}
