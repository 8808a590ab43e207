'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { changeUserRole, createInvitation, USER_ROLES } from '@/domain/accounts/auth';
import { sendInvitation } from '@/domain/accounts/invitation-mail';
import { requirePermission } from '@/web/auth/guards';

const Email = z.string().trim().toLowerCase().email().max(254);
const Uuid = z.string().uuid();

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
  const admin = await requirePermission('users.manage');
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

const RoleChange = z.object({ userId: z.string().min(1).max(64), role: z.enum(USER_ROLES), organisationId: Uuid.optional() });

export async function changeRoleAction(form: FormData): Promise<void> {
  const parsed = RoleChange.safeParse({ userId: form.get('userId'), role: form.get('role'), organisationId: form.get('organisationId') || undefined });
  const admin = await requirePermission('users.manage');
  if (!parsed.success) redirect('/admin/users?error=role');
  const result = await changeUserRole(getDb(), parsed.data.userId, parsed.data.role, parsed.data.organisationId ?? null, admin);
  if (!result.ok) redirect(`/admin/users?error=${result.reason}`);
  revalidatePath('/admin/users');
  redirect('/admin/users?changed=1');
}
