import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { getDb } from '@/db/client';
import type { EmailAttachmentRef } from '@/db/schema/emails';
import { orderAttachments } from '@/domain/payments/order-files';

type Row = Record<string, unknown>;

/**
 * Sends the outbox by SMTP (only when SMTP_URL is set; otherwise the outbox
 * itself is the developer's mailbox). Each email is claimed with SKIP LOCKED
 * and marked sent in the same transaction, so two workers never send one twice.
 */
export async function sendPendingEmails(smtpUrl: string, from: string, limit = 20): Promise<number> {
  const transport = nodemailer.createTransport(smtpUrl);
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const done = await getDb().transaction(async (tx) => {
      const [email] = await tx.execute<{ id: string; to: string; subject: string; html: string; text: string; attachments: EmailAttachmentRef[] } & Row>(sql`
        SELECT id, "to", subject, html, text, attachments FROM emails WHERE status = 'pending' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`);
      if (!email) return false;
      const attachments = (await Promise.all(email.attachments.map((a) => orderAttachments(a)))).flat();
      await transport.sendMail({ from, to: email.to, subject: email.subject, html: email.html, text: email.text, attachments });
      await tx.execute(sql`UPDATE emails SET status = 'sent', sent_at = now() WHERE id = ${email.id}`);
      return true;
    });
    if (!done) break;
    sent += 1;
  }
  return sent;
}
