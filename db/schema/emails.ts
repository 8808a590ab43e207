import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: an email is written in the same transaction as the
 * change it reports, then sent by the worker (SMTP) or read in the dev outbox.
 */
export const emailStatus = pgEnum('email_status', ['pending', 'sent', 'stored']);

export interface EmailAttachmentRef {
  kind: 'order_pdf' | 'order_ics';
  orderId: string;
}

export const emails = pgTable(
  'emails',
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    attachments: jsonb().$type<EmailAttachmentRef[]>().notNull().default([]),
    status: emailStatus().notNull().default('pending'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('emails_to_idx').on(t.to)],
);

export type Email = typeof emails.$inferSelect;
