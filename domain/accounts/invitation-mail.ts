import 'server-only';
import { getDb } from '@/db/client';
import { queueEmail } from '@/domain/notifications/emails';
import { renderInvitation } from '@/platform/email/invitation';
import { getEnv } from '@/platform/env';

/** Queues the invitation email (both the admin's and an organisation admin's invitations send it). */
export async function sendInvitation(to: string, token: string, inviter: string, role: string, organisation: string | null) {
  const env = getEnv();
  const message = renderInvitation({ festivalName: 'Harbourfront Film Festival', inviter, role, organisation, url: `${env.PUBLIC_BASE_URL}/invite/${token}` });
  await queueEmail(getDb(), to, message, env.SMTP_URL ? 'pending' : 'stored');
}
