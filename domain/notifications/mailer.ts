import { asc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { getDb } from '@/db/client';
import { emails } from '@/db/schema/emails';
import { orderAttachments } from '@/domain/payments/order-files';

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
      const [email] = await tx
        .select({ id: emails.id, to: emails.to, subject: emails.subject, html: emails.html, text: emails.text, attachments: emails.attachments })
        .from(emails)
        .where(eq(emails.status, 'pending'))
        .orderBy(asc(emails.createdAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!email) return false;
      const attachments = (await Promise.all(email.attachments.map((a) => orderAttachments(a)))).flat();
      await transport.sendMail({ from, to: email.to, subject: email.subject, html: email.html, text: email.text, attachments });
      await tx.update(emails).set({ status: 'sent', sentAt: sql`now()` }).where(eq(emails.id, email.id));
      return true;
    });
    if (!done) break;
    sent += 1;
  }
  return sent;
}
