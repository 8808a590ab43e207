import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/** What a staff write changed: the audit log is searched by the screening, order or organisation it touched. */
export const auditSubjectKind = pgEnum('audit_subject_kind', [
  'screening',
  'order',
  'organisation',
  'allotment',
  'donation_request',
  'user',
  'festival',
  'film',
  'person',
  'venue',
  'ticket',
  'rush_line',
  'api_token',
]);

/**
 * The audit log of every staff write: who (and their name at the time, kept if the account goes), what, when,
 * before and after (the changed fields only). Written by domain/audit/audit-log.ts `recordAudit` inside the
 * command's own transaction, so an entry exists exactly when its change was committed. Never holds who
 * self-identified for Indigenous Access: claims are not staff writes and are not recorded here.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: text().references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text().notNull(),
    action: text().notNull(),
    subjectKind: auditSubjectKind().notNull(),
    subjectId: text().notNull(),
    screeningId: uuid(),
    orderId: uuid(),
    organisationId: uuid(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_entries_actor_idx').on(t.actorId, t.createdAt.desc()),
    index('audit_entries_screening_idx').on(t.screeningId, t.createdAt.desc()).where(sql`${t.screeningId} IS NOT NULL`),
    index('audit_entries_order_idx').on(t.orderId, t.createdAt.desc()).where(sql`${t.orderId} IS NOT NULL`),
    index('audit_entries_created_idx').on(t.createdAt.desc()),
  ],
);

export type AuditEntry = typeof auditEntries.$inferSelect;
export type AuditSubjectKind = (typeof auditSubjectKind.enumValues)[number];
