import { NextResponse } from 'next/server';
import type { AdmitResult } from '@/domain/check-in/admit';
import type { CheckInConflict, CheckInSummary, DoorList, DoorNameMatch, DoorScreening } from '@/domain/check-in/queries';
import type { SyncResult } from '@/domain/check-in/sync';
import { formatTime, isIsoDate, localDate } from '@/lib/time';
import { z } from '@/web/api/openapi/zod';
import type { ApiErrorBody } from './respond';

/*
 * The door's JSON operations (issue 9, check-in): response bodies, published by web/api/openapi/paths-check-in.ts,
 * and the one mapping from a scan's outcome to its HTTP answer, used by the API and the check-in page alike.
 */

const NO_STORE = { 'Cache-Control': 'no-store' };

export const DoorTicketBody = z
  .object({ id: z.guid(), code: z.string(), holderName: z.string(), seat: z.string().nullable(), ticketType: z.string() })
  .openapi('DoorTicket');

export const ScanBody = z
  .object({
    result: z.enum(['admitted', 'duplicate', 'refused']),
    /** What the door person reads: "Admitted", "Already admitted at 7:02 p.m. by Door 2.", "Wrong screening: …". */
    message: z.string(),
    error: z.string().optional().openapi({ description: 'Set when not admitted: already_admitted, void, wrong_screening' }),
    ticket: DoorTicketBody,
    admittedAt: z.iso.datetime().optional(),
    firstAdmission: z.object({ at: z.iso.datetime(), deviceLabel: z.string(), offline: z.boolean() }).optional(),
    replayed: z.boolean(),
  })
  .openapi('Scan');
export type ScanBody = z.infer<typeof ScanBody>;

/** A scan's answer: 200 admitted; 409 duplicate or refused (with the ticket, so the door sees whose it is); 404 unknown code. */
export function scanResponse(result: AdmitResult): NextResponse {
  if (result.ok) {
    return NextResponse.json<ScanBody>(
      { result: 'admitted', message: `Admitted: ${result.ticket.holderName}${result.ticket.seat ? `, ${result.ticket.seat}` : ''}.`, ticket: result.ticket, admittedAt: result.admittedAt.toISOString(), replayed: result.replayed },
      { headers: NO_STORE },
    );
  }
  switch (result.reason) {
    case 'already_admitted':
      return NextResponse.json<ScanBody>(
        {
          result: 'duplicate',
          error: 'already_admitted',
          message: result.message,
          ticket: result.ticket,
          firstAdmission: { at: result.firstAdmission.at.toISOString(), deviceLabel: result.firstAdmission.deviceLabel, offline: result.firstAdmission.offline },
          replayed: result.replayed,
        },
        { status: 409, headers: NO_STORE },
      );
    case 'void':
    case 'wrong_screening':
      return NextResponse.json<ScanBody>({ result: 'refused', error: result.reason, message: result.message, ticket: result.ticket, replayed: result.replayed }, { status: 409, headers: NO_STORE });
    case 'unknown_ticket':
      return NextResponse.json<ApiErrorBody>({ error: 'unknown_ticket', message: result.message }, { status: 404, headers: NO_STORE });
    case 'screening_not_found':
      return NextResponse.json<ApiErrorBody>({ error: 'not_found', message: result.message }, { status: 404, headers: NO_STORE });
    case 'forbidden':
      return NextResponse.json<ApiErrorBody>({ error: 'forbidden', message: result.message }, { status: 403, headers: NO_STORE });
    case 'invalid':
      return NextResponse.json<ApiErrorBody>({ error: 'bad_request', message: result.message }, { status: 400, headers: NO_STORE });
  }
}

export const DoorScreeningBody = z
  .object({
    id: z.guid(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    venueName: z.string(),
    status: z.string(),
    expected: z.number().int(),
    admitted: z.number().int(),
  })
  .openapi('DoorScreening');
export const DoorScreeningList = z.object({ date: z.string(), timeZone: z.string(), screenings: z.array(DoorScreeningBody) });
export type DoorScreeningList = z.infer<typeof DoorScreeningList>;

export const DoorDateQuery = z.object({
  date: z
    .string()
    .refine(isIsoDate, 'date must be YYYY-MM-DD')
    .optional()
    .openapi({ description: 'A day in the festival’s time zone (YYYY-MM-DD); today by default' }),
});

export function doorDate(query: z.infer<typeof DoorDateQuery>, timeZone: string): string {
  return query.date ?? localDate(new Date(), timeZone);
}

export function serializeDoorScreenings(date: string, timeZone: string, list: DoorScreening[]): DoorScreeningList {
  return { date, timeZone, screenings: list.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })) };
}

export const ConflictBody = z
  .object({
    id: z.guid(),
    ticketCode: z.string(),
    seat: z.string().nullable(),
    first: z.object({ deviceLabel: z.string(), at: z.iso.datetime(), time: z.string(), offline: z.boolean() }),
    second: z.object({ deviceLabel: z.string(), at: z.iso.datetime(), time: z.string() }),
    syncedAt: z.iso.datetime(),
  })
  .openapi('CheckInConflict', { description: '`time` is the festival-time clock reading ("7:02 p.m."), as the door shows it' });

export const CheckInSummaryBody = z
  .object({
    screeningId: z.guid(),
    timeZone: z.string(),
    expected: z.number().int(),
    admitted: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    conflicts: z.number().int(),
    conflictList: z.array(ConflictBody),
  })
  .openapi('CheckInSummary');
export type CheckInSummaryBody = z.infer<typeof CheckInSummaryBody>;

/** Clock readings are formatted here, in the festival's zone, so every device shows the server's one reading. */
export function serializeSummary(summary: CheckInSummary, conflicts: CheckInConflict[], timeZone: string): CheckInSummaryBody {
  return {
    ...summary,
    conflictList: conflicts.map((c) => ({
      ...c,
      first: { ...c.first, at: c.first.at.toISOString(), time: formatTime(c.first.at, timeZone) },
      second: { ...c.second, at: c.second.at.toISOString(), time: formatTime(c.second.at, timeZone) },
      syncedAt: c.syncedAt.toISOString(),
    })),
  };
}

export const DoorListBody = z
  .object({
    screeningId: z.guid(),
    timeZone: z.string(),
    version: z.string(),
    generatedAt: z.iso.datetime(),
    generatedAtTime: z.string().openapi({ description: 'generatedAt as the festival’s clock reads it' }),
    key: z.string().openapi({ description: 'Hex key: an entry is the first 32 hex digits of HMAC-SHA256(key, the normalized ticket code "ABCD-EFGH-JKMN")' }),
    entries: z.array(z.object({ h: z.string(), admitted: z.boolean(), seat: z.string().nullable() })),
  })
  .openapi('DoorList');
export type DoorListBody = z.infer<typeof DoorListBody>;

export function serializeDoorList(list: DoorList, timeZone: string): DoorListBody {
  return { ...list, generatedAt: list.generatedAt.toISOString(), generatedAtTime: formatTime(list.generatedAt, timeZone) };
}

export const DoorSearchQuery = z.object({
  q: z.string().trim().min(2, 'q: type at least 2 letters of a name').max(80),
});
export const DoorSearchBody = z.object({
  results: z.array(
    z
      .object({ ticketId: z.guid(), holderName: z.string(), buyerName: z.string(), seat: z.string().nullable(), ticketType: z.string(), admitted: z.boolean() })
      .openapi('DoorNameMatch'),
  ),
});
export type DoorSearchBody = z.infer<typeof DoorSearchBody>;
export function serializeSearch(results: DoorNameMatch[]): DoorSearchBody {
  return { results };
}

export const SyncResultBody = z
  .object({
    admitted: z.number().int(),
    conflicts: z.number().int(),
    scans: z.array(
      z.object({
        clientScanId: z.string(),
        result: z.enum(['admitted', 'duplicate', 'refused', 'unknown']),
        message: z.string(),
        replayed: z.boolean(),
        conflict: z
          .object({
            ticketCode: z.string(),
            seat: z.string().nullable(),
            first: z.object({ deviceLabel: z.string(), at: z.iso.datetime(), offline: z.boolean() }),
            second: z.object({ deviceLabel: z.string(), at: z.iso.datetime() }),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('CheckInSyncResult');
export type SyncResultBody = z.infer<typeof SyncResultBody>;

export function serializeSync(result: Extract<SyncResult, { ok: true }>): SyncResultBody {
  return {
    admitted: result.admitted,
    conflicts: result.conflicts,
    scans: result.scans.map((s) => ({
      ...s,
      conflict: s.conflict
        ? { ...s.conflict, first: { ...s.conflict.first, at: s.conflict.first.at.toISOString() }, second: { ...s.conflict.second, at: s.conflict.second.at.toISOString() } }
        : null,
    })),
  };
}

export const noStore = NO_STORE;
