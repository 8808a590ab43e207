import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { checkIns } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { localDayRange } from '@/lib/time';

/** Reads for the door: today's screenings, live counts, the offline list, name search and cross-device conflicts. */

/**
 * A ticket's type as the door names it: an access scheme's $0 type ("Indigenous Access", "Community Access", "Donated")
 * is shown as "Free ticket", the same for every scheme, so the door never learns who self-identified. `tt` is the
 * ticket_types alias of the surrounding statement.
 */
export const DOOR_FREE_TICKET = 'Free ticket';
export const doorTicketTypeSql = sql`CASE WHEN tt.scheme IS NULL THEN tt.name ELSE ${DOOR_FREE_TICKET} END`;

export interface DoorScreening {
  id: string;
  title: string;
  startsAt: Date;
  venueName: string;
  status: string;
  expected: number;
  admitted: number;
}

/** The festival's screenings on one local day (the door's "today"), with their counts. */
export async function listDoorScreenings(db: SqlRunner, festival: { id: string; timeZone: string }, date: string): Promise<DoorScreening[]> {
  const { start, end } = localDayRange(date, festival.timeZone);
  const found = await rows<{ id: string; title: string; starts_at: string; venue_name: string; status: string; expected: number; admitted: number }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue_name, s.status::text AS status,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid') AS expected,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid' AND t.checked_in_at IS NOT NULL) AS admitted
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festival.id} AND s.starts_at >= ${start.toISOString()}::timestamptz AND s.starts_at < ${end.toISOString()}::timestamptz
    ORDER BY s.starts_at, v.name
    LIMIT 100`);
  return found.map((r) => ({ id: r.id, title: r.title, startsAt: new Date(r.starts_at), venueName: r.venue_name, status: r.status, expected: r.expected, admitted: r.admitted }));
}

export interface DoorScreeningHeader {
  id: string;
  title: string;
  startsAt: Date;
  venueName: string;
  timeZone: string;
}

export async function getDoorScreening(db: SqlRunner, screeningId: string): Promise<DoorScreeningHeader | null> {
  const r = await firstRow<{ id: string; title: string; starts_at: string; venue_name: string; time_zone: string }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue_name, f.time_zone
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id
    WHERE s.id = ${screeningId}`);
  return r ? { id: r.id, title: r.title, startsAt: new Date(r.starts_at), venueName: r.venue_name, timeZone: r.time_zone } : null;
}

export interface CheckInSummary {
  screeningId: string;
  timeZone: string;
  /** Valid tickets: the people expected at the door. */
  expected: number;
  admitted: number;
  /** Second scans of an admitted ticket (turned away at the door, or found by a sync). */
  duplicates: number;
  refused: number;
  /** Offline admissions of a ticket another scan had admitted: people let in twice. */
  conflicts: number;
}

export async function getCheckInSummary(db: SqlRunner, screeningId: string): Promise<CheckInSummary | null> {
  const r = await firstRow<{ time_zone: string | null; expected: number; admitted: number; duplicates: number; refused: number; conflicts: number }>(db, sql`
    SELECT (SELECT f.time_zone FROM screenings s JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${screeningId}) AS time_zone,
           (SELECT count(*)::int FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid') AS expected,
           (SELECT count(*)::int FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid' AND checked_in_at IS NOT NULL) AS admitted,
           (SELECT count(*)::int FROM check_ins WHERE screening_id = ${screeningId} AND result = 'duplicate') AS duplicates,
           (SELECT count(*)::int FROM check_ins WHERE screening_id = ${screeningId} AND result = 'refused') AS refused,
           (SELECT count(*)::int FROM check_ins WHERE screening_id = ${screeningId} AND result = 'duplicate' AND offline) AS conflicts`);
  if (!r?.time_zone) return null;
  return { screeningId, timeZone: r.time_zone, expected: r.expected, admitted: r.admitted, duplicates: r.duplicates, refused: r.refused, conflicts: r.conflicts };
}

export interface CheckInConflict {
  id: string;
  ticketCode: string;
  seat: string | null;
  first: { deviceLabel: string; at: Date; offline: boolean };
  second: { deviceLabel: string; at: Date };
  syncedAt: Date;
}

/** The screening's double admissions found by syncs, newest first: which ticket, which two devices, when. */
export async function listCheckInConflicts(db: SqlRunner, screeningId: string): Promise<CheckInConflict[]> {
  type Row = Pick<ColumnsOf<typeof checkIns>, 'id' | 'device_label'> & {
    code: string;
    seat: string | null;
    scanned_at: string;
    recorded_at: string;
    first_device: string;
    first_at: string;
    first_offline: boolean;
  };
  const found = await rows<Row>(db, sql`
    SELECT d.id, t.code, d.device_label, to_json(d.scanned_at) #>> '{}' AS scanned_at, to_json(d.recorded_at) #>> '{}' AS recorded_at,
           CASE WHEN s.id IS NULL THEN NULL ELSE 'Row ' || s.row_label || ', seat ' || s.seat_number END AS seat,
           a.device_label AS first_device, to_json(a.scanned_at) #>> '{}' AS first_at, a.offline AS first_offline
    FROM check_ins d
    JOIN tickets t ON t.id = d.ticket_id
    LEFT JOIN seats s ON s.id = t.seat_id
    JOIN check_ins a ON a.ticket_id = d.ticket_id AND a.result = 'admitted'
    WHERE d.screening_id = ${screeningId} AND d.result = 'duplicate' AND d.offline
    ORDER BY d.recorded_at DESC
    LIMIT 200`);
  return found.map((r) => ({
    id: r.id,
    ticketCode: r.code,
    seat: r.seat,
    first: { deviceLabel: r.first_device, at: new Date(r.first_at), offline: r.first_offline },
    second: { deviceLabel: r.device_label, at: new Date(r.scanned_at) },
    syncedAt: new Date(r.recorded_at),
  }));
}

export const NAME_SEARCH_LIMIT = 20;

export interface DoorNameMatch {
  ticketId: string;
  holderName: string;
  buyerName: string;
  seat: string | null;
  ticketType: string;
  admitted: boolean;
}

/**
 * Tickets of one screening whose holder or buyer name contains `query`, at most NAME_SEARCH_LIMIT. Every valid ticket
 * is listed alike, access tickets included, and without any scheme: the door needs names, not how a ticket was had.
 */
export async function searchDoorTickets(db: SqlRunner, screeningId: string, query: string): Promise<DoorNameMatch[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await rows<{ id: string; holder_name: string; buyer_name: string; seat: string | null; ticket_type: string; admitted: boolean }>(db, sql`
    SELECT t.id, t.holder_name, o.buyer_name, ${doorTicketTypeSql} AS ticket_type, t.checked_in_at IS NOT NULL AS admitted,
           CASE WHEN s.id IS NULL THEN NULL ELSE 'Row ' || s.row_label || ', seat ' || s.seat_number END AS seat
    FROM tickets t
    JOIN orders o ON o.id = t.order_id
    JOIN ticket_types tt ON tt.id = t.ticket_type_id
    LEFT JOIN seats s ON s.id = t.seat_id
    WHERE t.screening_id = ${screeningId} AND t.status = 'valid'
      AND (t.holder_name ILIKE ${pattern} OR o.buyer_name ILIKE ${pattern})
    ORDER BY t.holder_name, s.row_label, s.seat_number
    LIMIT ${NAME_SEARCH_LIMIT}`);
  return found.map((r) => ({ ticketId: r.id, holderName: r.holder_name, buyerName: r.buyer_name, seat: r.seat, ticketType: r.ticket_type, admitted: r.admitted }));
}

/**
 * The offline door list of a screening: for each valid ticket, an HMAC of its code under a key of this list, whether it
 * is admitted, and its seat label. No names, no codes, no order or ticket ids: a lost phone gives away nothing about
 * who is coming, and a list cannot be matched to another screening's. The key is derived from the app secret and the
 * screening (stable, so a device refreshing its list compares like with like); with 60-bit codes, guessing codes against
 * the HMACs is out of reach.
 */
export interface DoorList {
  screeningId: string;
  timeZone: string;
  /** Changes whenever a ticket is issued, voided or admitted. */
  version: string;
  generatedAt: Date;
  /** Hex key for HMAC-SHA256(key, normalized code); the device hashes what it scans with it. */
  key: string;
  entries: { h: string; admitted: boolean; seat: string | null }[];
}

/** Hex characters of the HMAC kept per entry (128 bits). */
export const DOOR_HASH_LENGTH = 32;

export function doorListKey(appSecret: string, screeningId: string): string {
  return createHmac('sha256', appSecret).update(`marquee door list v1:${screeningId}`).digest('hex');
}

export function doorHash(key: string, normalizedCode: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(normalizedCode, 'utf8').digest('hex').slice(0, DOOR_HASH_LENGTH);
}

export async function getDoorList(db: SqlRunner, screeningId: string, appSecret: string): Promise<DoorList | null> {
  const exists = await firstRow<{ time_zone: string }>(db, sql`SELECT f.time_zone FROM screenings s JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${screeningId}`);
  if (!exists) return null;
  const found = await rows<{ code: string; admitted: boolean; seat: string | null }>(db, sql`
    SELECT t.code, t.checked_in_at IS NOT NULL AS admitted,
           CASE WHEN s.id IS NULL THEN NULL ELSE 'Row ' || s.row_label || ', seat ' || s.seat_number END AS seat
    FROM tickets t LEFT JOIN seats s ON s.id = t.seat_id
    WHERE t.screening_id = ${screeningId} AND t.status = 'valid'`);
  const key = doorListKey(appSecret, screeningId);
  // Sorted by hash: the list's order says nothing about when or in which order tickets were bought.
  const entries = found.map((r) => ({ h: doorHash(key, r.code), admitted: r.admitted, seat: r.seat })).sort((a, b) => (a.h < b.h ? -1 : 1));
  const version = createHash('sha256')
    .update(entries.map((e) => `${e.h}${e.admitted ? 1 : 0}`).join(','))
    .digest('hex')
    .slice(0, 16);
  return { screeningId, timeZone: exists.time_zone, version, generatedAt: new Date(), key, entries };
}
