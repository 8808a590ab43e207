import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import type { auditEntries } from '@/db/schema';
import type { AuditSubjectKind } from '@/db/schema/audit-log';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';

/**
 * The audit log of staff writes: who, what, when, before and after. Every staff or admin write command calls
 * `recordAudit` with its own transaction, so the entry commits with the change or not at all (a refused command,
 * which rolls back, leaves no entry). Before and after hold the changed fields only, and never who self-identified
 * for Indigenous Access (claims are the claimant's own writes and are not recorded here at all).
 */

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditFields = Record<string, AuditValue>;

export interface AuditSubject {
  action: string;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  screeningId?: string | null;
  orderId?: string | null;
  organisationId?: string | null;
  before?: AuditFields | null;
  after?: AuditFields | null;
  reason?: string | null;
}

/**
 * Writes one entry in the caller's transaction. The actor's label (name, else email) is read from their row now,
 * so the log still says who it was if the account is later renamed or removed. clock_timestamp(), not now(): two
 * commands that queue on the same row lock are logged in the order their writes happened, not the order they began.
 */
export async function recordAudit(tx: Transaction, actor: { id: string }, entry: AuditSubject): Promise<void> {
  await tx.execute(sql`
    INSERT INTO audit_entries (actor_id, actor_label, action, subject_kind, subject_id, screening_id, order_id, organisation_id, before, after, reason, created_at)
    SELECT u.id, coalesce(u.name, u.email), ${entry.action}, ${entry.subjectKind}::audit_subject_kind, ${entry.subjectId},
           ${entry.screeningId ?? null}::uuid, ${entry.orderId ?? null}::uuid, ${entry.organisationId ?? null}::uuid,
           ${entry.before ? JSON.stringify(entry.before) : null}::jsonb, ${entry.after ? JSON.stringify(entry.after) : null}::jsonb,
           ${entry.reason ?? null}, clock_timestamp()
    FROM (SELECT ${actor.id}::text AS id) a LEFT JOIN users u ON u.id = a.id`);
}

export const AUDIT_PAGE_SIZE = 50;

export const AuditSearch = z.object({
  actorId: z.string().trim().min(1).max(200).optional(),
  screeningId: z.guid().optional(),
  orderId: z.guid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type AuditSearch = z.input<typeof AuditSearch>;

export interface AuditEntryView {
  id: string;
  actor: string;
  action: string;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  screeningId: string | null;
  orderId: string | null;
  before: AuditFields | null;
  after: AuditFields | null;
  reason: string | null;
  createdAt: Date;
}

/** The log, newest first, 50 to a page, narrowed by person, screening and order (each an indexed search). */
export async function listAuditEntries(db: SqlRunner, search: AuditSearch): Promise<{ entries: AuditEntryView[]; page: number; hasMore: boolean }> {
  const parsed = AuditSearch.safeParse(search);
  const s = parsed.success ? parsed.data : { page: 1 };
  const conditions = [sql`true`];
  if (s.actorId) conditions.push(sql`e.actor_id = ${s.actorId}`);
  if (s.screeningId) conditions.push(sql`e.screening_id = ${s.screeningId}::uuid`);
  if (s.orderId) conditions.push(sql`e.order_id = ${s.orderId}::uuid`);
  const found = await rows<
    Pick<ColumnsOf<typeof auditEntries>, 'id' | 'actor_label' | 'action' | 'subject_kind' | 'subject_id' | 'screening_id' | 'order_id' | 'reason' | 'created_at'> & {
      before: AuditFields | null;
      after: AuditFields | null;
    }
  >(db, sql`
    SELECT e.id, e.actor_label, e.action, e.subject_kind, e.subject_id, e.screening_id, e.order_id, e.before, e.after, e.reason, e.created_at
    FROM audit_entries e WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY e.created_at DESC, e.id DESC LIMIT ${AUDIT_PAGE_SIZE + 1} OFFSET ${(s.page - 1) * AUDIT_PAGE_SIZE}`);
  return {
    page: s.page,
    hasMore: found.length > AUDIT_PAGE_SIZE,
    entries: found.slice(0, AUDIT_PAGE_SIZE).map((e) => ({
      id: e.id,
      actor: e.actor_label,
      action: e.action,
      subjectKind: e.subject_kind,
      subjectId: e.subject_id,
      screeningId: e.screening_id,
      orderId: e.order_id,
      before: e.before,
      after: e.after,
      reason: e.reason,
      createdAt: new Date(e.created_at),
    })),
  };
}

/** Staff and admin accounts, for the search form's person select. */
export async function listAuditActors(db: SqlRunner): Promise<{ id: string; label: string }[]> {
  return rows<{ id: string; label: string }>(db, sql`
    SELECT id, coalesce(name, email) AS label FROM users WHERE role IN ('staff', 'admin') ORDER BY lower(coalesce(name, email)) LIMIT 500`);
}

/** An order named by its number or id, for the search form. */
export async function findOrderId(db: SqlRunner, reference: string): Promise<string | null> {
  const ref = reference.trim();
  if (z.guid().safeParse(ref).success) return ref;
  const row = await firstRow<{ id: string }>(db, sql`SELECT id FROM orders WHERE upper(number) = upper(${ref}) LIMIT 1`);
  return row?.id ?? null;
}

export interface AuditLogPage {
  entries: AuditEntryView[];
  page: number;
  hasMore: boolean;
  actors: { id: string; label: string }[];
  screenings: { id: string; title: string; startsAt: Date }[];
  /** The order reference typed in that matched no order (the page says so rather than showing the whole log). */
  orderNotFound: boolean;
}

/** What the box office's audit page shows: the search's options and one page of results. */
export async function getAuditLogPage(
  festivalId: string,
  search: { actorId?: string; screeningId?: string; order?: string; page: number },
  db: SqlRunner = getDb(),
): Promise<AuditLogPage> {
  const orderId = search.order ? await findOrderId(db, search.order) : undefined;
  const actors = await listAuditActors(db);
  const screenings = await rows<{ id: string; title: string; starts_at: Date }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, s.starts_at FROM screenings s
    WHERE s.festival_id = ${festivalId} ORDER BY s.starts_at, s.id LIMIT 500`);
  const base = { actors, screenings: screenings.map((s) => ({ id: s.id, title: s.title, startsAt: new Date(s.starts_at) })) };
  if (search.order && !orderId) return { ...base, entries: [], page: 1, hasMore: false, orderNotFound: true };
  const found = await listAuditEntries(db, {
    actorId: actors.some((a) => a.id === search.actorId) ? search.actorId : undefined,
    screeningId: z.guid().safeParse(search.screeningId).success ? search.screeningId : undefined,
    orderId: orderId ?? undefined,
    page: search.page,
  });
  return { ...base, ...found, orderNotFound: false };
}
