import { z } from 'zod';
import type { Database } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { can } from '@/domain/accounts/permissions';
import { formatTime } from '@/lib/time';
import { AdmitInput, DeviceLabel, recordScan, type AdmitResult } from './admit';

/**
 * The offline door's sync: the scans a device admitted from its downloaded list while the network was down, sent
 * when it is back. Each scan is recorded in its own transaction (one ticket's lock at a time, like the online door),
 * idempotent by its clientScanId, so a sync whose answer was lost can be sent again. An offline admission of a ticket
 * some other scan had already admitted is a real double admission: it is recorded as 'duplicate' (offline) and
 * reported as a conflict naming both devices.
 */

export const MAX_SYNC_SCANS = 500;

export const SyncInput = z.object({
  deviceLabel: DeviceLabel,
  scans: z
    .array(
      z.object({
        clientScanId: z.string(),
        screeningId: z.string(),
        code: z.string(),
        scannedAt: z.string(),
        method: z.enum(['qr', 'code']).default('qr'),
      }),
    )
    .min(1, 'Send at least one scan.')
    .max(MAX_SYNC_SCANS, `Send at most ${MAX_SYNC_SCANS} scans at once.`),
});
export type SyncInput = z.input<typeof SyncInput>;

export interface SyncedScan {
  clientScanId: string;
  result: 'admitted' | 'duplicate' | 'refused' | 'unknown';
  message: string;
  replayed: boolean;
  /** Set when this offline admission and another admission let the same ticket in twice. */
  conflict: { ticketCode: string; seat: string | null; first: { deviceLabel: string; at: Date; offline: boolean }; second: { deviceLabel: string; at: Date } } | null;
}

export type SyncResult =
  | { ok: true; scans: SyncedScan[]; admitted: number; conflicts: number }
  | { ok: false; reason: 'forbidden' | 'invalid'; message: string };

export async function syncCheckIns(db: Database, actor: CurrentUser, input: unknown, timeZone: string): Promise<SyncResult> {
  if (!can(actor, 'door.check_in')) return { ok: false, reason: 'forbidden', message: 'Only box-office staff check tickets in.' };
  const parsed = SyncInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  // Validate every scan before recording any, so a malformed batch changes nothing.
  for (const [i, s] of parsed.data.scans.entries()) {
    const check = AdmitInput.safeParse({ ...s, deviceLabel: parsed.data.deviceLabel, scannedAt: s.scannedAt });
    if (!check.success) return { ok: false, reason: 'invalid', message: `scans.${i}: ${check.error.issues[0]?.message ?? 'invalid scan'}` };
    if (!s.clientScanId) return { ok: false, reason: 'invalid', message: `scans.${i}: clientScanId is required` };
  }
  const out: SyncedScan[] = [];
  for (const s of parsed.data.scans) {
    const result = await recordScan(db, actor, { ...s, deviceLabel: parsed.data.deviceLabel }, { offline: true });
    out.push(describe(s.clientScanId, result, parsed.data.deviceLabel, new Date(s.scannedAt), timeZone));
  }
  return { ok: true, scans: out, admitted: out.filter((s) => s.result === 'admitted').length, conflicts: out.filter((s) => s.conflict).length };
}

function describe(clientScanId: string, r: AdmitResult, deviceLabel: string, scannedAt: Date, tz: string): SyncedScan {
  if (r.ok) return { clientScanId, result: 'admitted', message: `Admitted ${r.ticket.holderName}.`, replayed: r.replayed, conflict: null };
  if (r.reason === 'already_admitted') {
    const first = r.firstAdmission;
    return {
      clientScanId,
      result: 'duplicate',
      replayed: r.replayed,
      message: `Admitted twice: ticket ${r.ticket.code} was let in at ${formatTime(first.at, tz)} by ${first.deviceLabel} and offline at ${formatTime(scannedAt, tz)} by ${deviceLabel}.`,
      conflict: { ticketCode: r.ticket.code, seat: r.ticket.seat, first, second: { deviceLabel, at: scannedAt } },
    };
  }
  if (r.reason === 'void' || r.reason === 'wrong_screening') return { clientScanId, result: 'refused', message: r.message, replayed: r.replayed, conflict: null };
  return { clientScanId, result: 'unknown', message: r.message, replayed: false, conflict: null };
}
