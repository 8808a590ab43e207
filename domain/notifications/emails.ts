import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import type { EmailAttachmentRef } from '@/db/schema/emails';

/**
 * Puts an email in the outbox, inside the caller's transaction when there is
 * one: it goes out only if the change it reports is committed.
 */
export async function queueEmail(
  db: Database | Transaction,
  to: string,
  email: { subject: string; html: string; text: string },
  status: 'pending' | 'stored',
  attachments: EmailAttachmentRef[] = [],
): Promise<void> {
  // Raw SQL: the attachments go in as one jsonb parameter, as the outbox reader expects them.
  await db.execute(sql`INSERT INTO emails ("to", subject, html, text, attachments, status)
    VALUES (${to.toLowerCase()}, ${email.subject}, ${email.html}, ${email.text}, ${JSON.stringify(attachments)}::jsonb, ${status}::email_status)`);
}
