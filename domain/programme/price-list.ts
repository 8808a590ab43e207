import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { screenings, ticketTypes } from '@/db/schema';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { auditFields, changedFields, issuesMessage, OPTIONAL_TEXT, type ProgrammeRefusal } from './shared';

/**
 * A screening's public price list: its ticket types without a scheme. The access schemes' $0 types are never listed,
 * changed or removed here. A price lives on the type; issued tickets and order items carry their own price, so a new
 * price changes only what is sold next.
 */
export const TicketTypeInput = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{1,40}$/, 'A code is lower-case letters, digits and _ (e.g. adult)')
    .refine((c) => !c.startsWith('access_'), 'Codes starting with access_ belong to the access schemes'),
  name: z.string().trim().min(1, 'A ticket type needs a name').max(80),
  description: OPTIONAL_TEXT(200),
  priceCents: z.number({ error: 'Give a price' }).int().min(0, 'A price is never negative').max(1_000_000),
  position: z.number().int().min(0).max(999).default(0),
  active: z.boolean().default(true),
});
export type TicketTypeInput = z.input<typeof TicketTypeInput>;

export type PriceListRefusal = ProgrammeRefusal<'invalid_input' | 'not_found' | 'code_taken' | 'has_sales' | 'last_type'>;
export type PriceListResult = { ok: true; ticketTypeId: string } | PriceListRefusal;

/** "12.50" or "12" dollars → cents; null for anything else. */
export function parsePrice(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*\$?(\d{1,5})(?:\.(\d{1,2}))?\s*$/.exec(value);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export interface PriceListRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  priceCents: number;
  position: number;
  active: boolean;
  sold: number;
}

export async function listPriceList(db: Database, screeningId: string): Promise<PriceListRow[]> {
  return db
    .select({
      id: ticketTypes.id,
      code: ticketTypes.code,
      name: ticketTypes.name,
      description: ticketTypes.description,
      priceCents: ticketTypes.priceCents,
      position: ticketTypes.position,
      active: ticketTypes.active,
      sold: sql<number>`((SELECT count(*) FROM tickets t WHERE t.ticket_type_id = ${ticketTypes.id})
                       + (SELECT count(*) FROM hold_items h WHERE h.ticket_type_id = ${ticketTypes.id}))::int`,
    })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.screeningId, screeningId), isNull(ticketTypes.scheme)))
    .orderBy(asc(ticketTypes.position), asc(ticketTypes.code));
}

async function lockScreening(tx: Parameters<Parameters<Database['transaction']>[0]>[0], screeningId: string) {
  const [s] = await tx.select({ id: screenings.id }).from(screenings).where(eq(screenings.id, screeningId)).for('update');
  return s ?? null;
}

const codeTaken = (code: string): PriceListRefusal => ({ ok: false, reason: 'code_taken', message: `This screening already has a ticket type with the code "${code}".` });

export async function addTicketType(db: Database, actor: { id: string }, screeningId: string, raw: TicketTypeInput): Promise<PriceListResult> {
  const parsed = TicketTypeInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  return transact<PriceListResult, PriceListRefusal>(db, async (tx, refuse) => {
    if (!(await lockScreening(tx, screeningId))) return refuse({ ok: false, reason: 'not_found', message: 'No such screening.' });
    const [taken] = await tx.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.screeningId, screeningId), eq(ticketTypes.code, values.code)));
    if (taken) return refuse(codeTaken(values.code));
    const [row] = await tx.insert(ticketTypes).values({ screeningId, ...values }).returning({ id: ticketTypes.id });
    await recordAudit(tx, actor, { action: 'ticket_type.create', subjectKind: 'screening', subjectId: screeningId, screeningId, after: auditFields(values) });
    return { ok: true, ticketTypeId: row!.id };
  });
}

export async function updateTicketType(db: Database, actor: { id: string }, ticketTypeId: string, raw: TicketTypeInput): Promise<PriceListResult> {
  const parsed = TicketTypeInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  if (!z.guid().safeParse(ticketTypeId).success) return { ok: false, reason: 'not_found', message: 'No such ticket type.' };
  const values = parsed.data;
  return transact<PriceListResult, PriceListRefusal>(db, async (tx, refuse) => {
    const [peek] = await tx.select({ screeningId: ticketTypes.screeningId }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
    if (!peek) return refuse({ ok: false, reason: 'not_found', message: 'No such ticket type.' });
    await lockScreening(tx, peek.screeningId);
    const [type] = await tx.select().from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId)).for('update');
    if (!type || type.scheme !== null) return refuse({ ok: false, reason: 'not_found', message: 'No such ticket type on the price list.' });
    if (values.code !== type.code) {
      const [taken] = await tx.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.screeningId, type.screeningId), eq(ticketTypes.code, values.code)));
      if (taken) return refuse(codeTaken(values.code));
    }
    if (!values.active && type.active) await refuseLastActive(tx, type.screeningId, ticketTypeId, refuse);
    await tx.update(ticketTypes).set(values).where(eq(ticketTypes.id, ticketTypeId));
    const diff = changedFields(type, values);
    await recordAudit(tx, actor, {
      action: 'ticket_type.update',
      subjectKind: 'screening',
      subjectId: type.screeningId,
      screeningId: type.screeningId,
      before: auditFields({ ticketType: type.code, ...diff.before }),
      after: auditFields({ ticketType: values.code, ...diff.after }),
    });
    return { ok: true, ticketTypeId };
  });
}

/** Online sale needs one active type: the last one is not switched off (nor removed) by accident. */
async function refuseLastActive(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  screeningId: string,
  ticketTypeId: string,
  refuse: (r: PriceListRefusal) => never,
): Promise<void> {
  const [other] = await tx
    .select({ id: ticketTypes.id })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.screeningId, screeningId), isNull(ticketTypes.scheme), eq(ticketTypes.active, true), sql`${ticketTypes.id} <> ${ticketTypeId}`))
    .limit(1);
  if (!other) refuse({ ok: false, reason: 'last_type', message: 'This is the last ticket type on sale: add another before removing or deactivating it.' });
}

/** Removes a type nobody ever bought or held; one with sales is deactivated instead (the refusal says so). */
export async function deleteTicketType(db: Database, actor: { id: string }, ticketTypeId: string): Promise<{ ok: true } | PriceListRefusal> {
  if (!z.guid().safeParse(ticketTypeId).success) return { ok: false, reason: 'not_found', message: 'No such ticket type.' };
  return transact<{ ok: true } | PriceListRefusal, PriceListRefusal>(db, async (tx, refuse) => {
    const [peek] = await tx.select({ screeningId: ticketTypes.screeningId }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
    if (!peek) return refuse({ ok: false, reason: 'not_found', message: 'No such ticket type.' });
    await lockScreening(tx, peek.screeningId);
    const [type] = await tx.select().from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId)).for('update');
    if (!type || type.scheme !== null) return refuse({ ok: false, reason: 'not_found', message: 'No such ticket type on the price list.' });
    const used = await tx.execute(sql`
      SELECT 1 FROM tickets WHERE ticket_type_id = ${ticketTypeId}
      UNION ALL SELECT 1 FROM order_items WHERE ticket_type_id = ${ticketTypeId}
      UNION ALL SELECT 1 FROM hold_items WHERE ticket_type_id = ${ticketTypeId} LIMIT 1`);
    if (used.length > 0) {
      return refuse({ ok: false, reason: 'has_sales', message: `“${type.name}” has been sold or held, so it stays on record: deactivate it instead.` });
    }
    if (type.active) await refuseLastActive(tx, type.screeningId, ticketTypeId, refuse);
    await tx.delete(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
    await recordAudit(tx, actor, {
      action: 'ticket_type.delete',
      subjectKind: 'screening',
      subjectId: type.screeningId,
      screeningId: type.screeningId,
      before: auditFields({ code: type.code, name: type.name, priceCents: type.priceCents }),
    });
    return { ok: true };
  });
}

export async function getTicketTypeScreening(db: Database, ticketTypeId: string): Promise<string | null> {
  if (!z.guid().safeParse(ticketTypeId).success) return null;
  const [t] = await db.select({ screeningId: ticketTypes.screeningId }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
  return t?.screeningId ?? null;
}
