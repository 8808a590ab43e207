import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { checkIns, tickets } from '@/db/schema';
import { firstRow, type ColumnsOf } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { can } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { transact } from '@/domain/shared/refusal';
import { formatDateTime, formatTime } from '@/lib/time';
import { normalizeTicketCode } from '@/lib/ticket-code';
import { doorTicketTypeSql } from './queries';

/**
 * Admission at the door. Every scan of a known ticket leaves a `check_ins` row (admitted, duplicate or refused), so a
 * ticket's history can be read; the ticket's row lock makes admission atomic (two scanners on one ticket at the same
 * moment: one admitted, one duplicate) and the partial unique index `check_ins_one_admission_key` is the backstop.
 * A refused scan is still a write (the row that says it was refused), so these commands return `ok: false` after
 * committing; nothing else changes.
 */

export const DEVICE_LABEL_MAX = 40;

export const DeviceLabel = z.string().trim().min(1, 'Name this device (say, "Door 2").').max(DEVICE_LABEL_MAX);
const ClientScanId = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'clientScanId: letters, digits, - and _ only');

export const AdmitInput = z
  .object({
    screeningId: z.guid(),
    code: z.string().trim().min(1).max(500).optional(),
    ticketId: z.guid().optional(),
    deviceLabel: DeviceLabel,
    method: z.enum(['qr', 'code', 'name']),
    clientScanId: ClientScanId.optional(),
    scannedAt: z.coerce.date().optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.ticketId === undefined), { message: 'Give either a ticket code or a ticketId, not both.' });
export type AdmitInput = z.input<typeof AdmitInput>;

/** What the door sees of a ticket: enough to check the person in front of them, nothing about how they got it. */
export interface DoorTicket {
  id: string;
  code: string;
  holderName: string;
  seat: string | null;
  ticketType: string;
}

export type ScanOutcome = 'admitted' | 'duplicate' | 'refused';

export type AdmitResult =
  | { ok: true; result: 'admitted'; ticket: DoorTicket; admittedAt: Date; replayed: boolean }
  | {
      ok: false;
      reason: 'already_admitted';
      result: 'duplicate';
      message: string;
      ticket: DoorTicket;
      /** The ticket's one admission: when and by which device. */
      firstAdmission: { at: Date; deviceLabel: string; offline: boolean };
      replayed: boolean;
    }
  | { ok: false; reason: 'void' | 'wrong_screening'; result: 'refused'; message: string; ticket: DoorTicket; replayed: boolean }
  | { ok: false; reason: 'unknown_ticket' | 'screening_not_found' | 'forbidden' | 'invalid'; message: string };

type TicketRow = Pick<ColumnsOf<typeof tickets>, 'id' | 'code' | 'status' | 'screening_id' | 'holder_name'> & {
  seat_label: string | null;
  ticket_type: string;
};

type AdmissionRow = Pick<ColumnsOf<typeof checkIns>, 'device_label' | 'offline'> & { scanned_at: string };

/** Locks the ticket row: every later decision about this ticket waits for this transaction. */
async function lockTicket(tx: Transaction, by: { code: string } | { ticketId: string }): Promise<TicketRow | null> {
  const where = 'code' in by ? sql`t.code = ${by.code}` : sql`t.id = ${by.ticketId}`;
  return firstRow<TicketRow>(tx, sql`
    SELECT t.id, t.code, t.status, t.screening_id, t.holder_name, ${doorTicketTypeSql} AS ticket_type,
           CASE WHEN s.id IS NULL THEN NULL ELSE 'Row ' || s.row_label || ', seat ' || s.seat_number END AS seat_label
    FROM tickets t
    JOIN ticket_types tt ON tt.id = t.ticket_type_id
    LEFT JOIN seats s ON s.id = t.seat_id
    WHERE ${where}
    FOR UPDATE OF t`);
}

function doorTicket(row: TicketRow): DoorTicket {
  return { id: row.id, code: row.code, holderName: row.holder_name, seat: row.seat_label, ticketType: row.ticket_type };
}

async function firstAdmission(tx: Transaction, ticketId: string): Promise<{ at: Date; deviceLabel: string; offline: boolean } | null> {
  const row = await firstRow<AdmissionRow>(tx, sql`
    SELECT device_label, offline, to_json(scanned_at) #>> '{}' AS scanned_at
    FROM check_ins WHERE ticket_id = ${ticketId} AND result = 'admitted'`);
  return row ? { at: new Date(row.scanned_at), deviceLabel: row.device_label, offline: row.offline } : null;
}

export function alreadyAdmittedMessage(first: { at: Date; deviceLabel: string }, timeZone: string): string {
  return `Already admitted at ${formatTime(first.at, timeZone)} by ${first.deviceLabel}.`;
}

interface ScanContext {
  offline: boolean;
}

/**
 * One scan, in one transaction. `offline` marks a scan the device admitted from its downloaded list while the network
 * was down and sends now: its `scannedAt` is the device's clock, and a duplicate means two devices let one ticket in.
 */
export async function recordScan(db: Database, actor: CurrentUser, input: unknown, context: ScanContext): Promise<AdmitResult> {
  if (!can(actor, 'door.check_in')) return { ok: false, reason: 'forbidden', message: 'Only box-office staff check tickets in.' };
  const parsed = AdmitInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message ?? 'Invalid scan.' };
  const scan = parsed.data;
  let code: string | null = null;
  if (scan.code !== undefined) {
    code = normalizeTicketCode(scan.code);
    if (!code) return { ok: false, reason: 'unknown_ticket', message: 'That is not a ticket code of this festival.' };
  }
  const now = new Date();
  // A device clock ahead of the server's cannot put a scan in the future.
  const scannedAt = scan.scannedAt && scan.scannedAt.getTime() < now.getTime() ? scan.scannedAt : now;

  return transact<AdmitResult, never>(db, async (tx): Promise<AdmitResult> => {
    const screening = await firstRow<{ time_zone: string }>(tx, sql`
      SELECT f.time_zone FROM screenings s JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${scan.screeningId}`);
    if (!screening) return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
    const tz = screening.time_zone;

    const ticket = await lockTicket(tx, code !== null ? { code } : { ticketId: scan.ticketId! });
    if (!ticket) return { ok: false, reason: 'unknown_ticket', message: 'No ticket has this code. Check it, or send the person to the box office.' };

    // A replayed scan (the same clientScanId sent again by a sync that lost its answer) returns what was recorded.
    if (scan.clientScanId) {
      const earlier = await firstRow<{ result: ScanOutcome; ticket_id: string | null }>(tx, sql`
        SELECT result, ticket_id FROM check_ins WHERE client_scan_id = ${scan.clientScanId}`);
      // Only a scan of this very ticket is a replay: a clientScanId reused for another ticket would otherwise answer
      // "admitted (replayed)" for a ticket someone else had let in, hiding a double admission.
      if (earlier && earlier.ticket_id !== ticket.id) return { ok: false, reason: 'invalid', message: 'This clientScanId was already used for another scan.' };
      if (earlier) return replay(tx, earlier.result, ticket, scan.screeningId, tz);
    }

    const write = async (result: ScanOutcome): Promise<boolean> => {
      const inserted = await firstRow<{ id: string }>(tx, sql`
        INSERT INTO check_ins (ticket_id, screening_id, result, method, device_label, staff_id, scanned_at, offline, client_scan_id)
        VALUES (${ticket.id}, ${scan.screeningId}, ${result}, ${scan.method}, ${scan.deviceLabel}, ${actor.id}, ${scannedAt.toISOString()}::timestamptz,
                ${context.offline}, ${scan.clientScanId ?? null})
        ON CONFLICT (client_scan_id) WHERE client_scan_id IS NOT NULL DO NOTHING
        RETURNING id`);
      if (!inserted) return false;
      await recordAudit(tx, actor, {
        action: 'checkIn',
        subjectKind: 'ticket',
        subjectId: ticket.id,
        screeningId: scan.screeningId,
        after: { result, method: scan.method, device: scan.deviceLabel, offline: context.offline, scannedAt: scannedAt.toISOString() },
      });
      return true;
    };

    if (ticket.status === 'void') {
      await write('refused');
      return { ok: false, reason: 'void', result: 'refused', message: 'This ticket was cancelled (void): do not admit.', ticket: doorTicket(ticket), replayed: false };
    }
    if (ticket.screening_id !== scan.screeningId) {
      await write('refused');
      return { ok: false, reason: 'wrong_screening', result: 'refused', message: await otherScreeningMessage(tx, ticket.screening_id, tz), ticket: doorTicket(ticket), replayed: false };
    }
    const first = await firstAdmission(tx, ticket.id);
    if (first) {
      await write('duplicate');
      return { ok: false, reason: 'already_admitted', result: 'duplicate', message: alreadyAdmittedMessage(first, tz), ticket: doorTicket(ticket), firstAdmission: first, replayed: false };
    }
    // Not inserted: the clientScanId names another ticket's scan (the replay check above found none for this ticket's lock).
    if (!(await write('admitted'))) return { ok: false, reason: 'invalid', message: 'This clientScanId was already used for another scan.' };
    await tx.execute(sql`UPDATE tickets SET checked_in_at = ${scannedAt.toISOString()}::timestamptz WHERE id = ${ticket.id}`);
    return { ok: true, result: 'admitted', ticket: doorTicket(ticket), admittedAt: scannedAt, replayed: false };
  });
}

async function otherScreeningMessage(tx: Transaction, screeningId: string, tz: string): Promise<string> {
  const other = await firstRow<{ title: string; starts_at: string }>(tx, sql`
    SELECT ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at FROM screenings s WHERE s.id = ${screeningId}`);
  return other ? `Wrong screening: this ticket is for ${other.title}, ${formatDateTime(new Date(other.starts_at), tz)}.` : 'Wrong screening: this ticket is for another screening.';
}

async function replay(tx: Transaction, result: ScanOutcome, ticket: TicketRow, screeningId: string, tz: string): Promise<AdmitResult> {
  const first = await firstAdmission(tx, ticket.id);
  if (result === 'admitted' && first) return { ok: true, result: 'admitted', ticket: doorTicket(ticket), admittedAt: first.at, replayed: true };
  if (result === 'duplicate' && first) {
    return { ok: false, reason: 'already_admitted', result: 'duplicate', message: alreadyAdmittedMessage(first, tz), ticket: doorTicket(ticket), firstAdmission: first, replayed: true };
  }
  const reason = ticket.screening_id !== screeningId ? 'wrong_screening' : 'void';
  return { ok: false, reason, result: 'refused', message: reason === 'void' ? 'This ticket was cancelled (void): do not admit.' : await otherScreeningMessage(tx, ticket.screening_id, tz), ticket: doorTicket(ticket), replayed: true };
}

/** A scan at the door, online: the API's POST /check-ins and the check-in page. */
export function admitTicket(db: Database, actor: CurrentUser, input: unknown): Promise<AdmitResult> {
  return recordScan(db, actor, input, { offline: false });
}
