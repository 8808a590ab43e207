import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { RushLineStatus } from '@/db/schema/rush-lines';
import { firstRow, rows, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { localDayRange, localDate } from '@/lib/time';
import { seatLabel, type SeatKind } from '@/lib/seats';
import { getRushReconciliation, type RushReconciliation } from './rush-lines';

/** The rush line pages' reads: narrow objects, bounded lists. */

export interface RushScreening {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  /** General sale's places left now. */
  left: number;
  line: { status: RushLineStatus; waiting: number } | null;
}

/** Today's screenings still running and the next ones (at most 30), with their rush line if any. */
export async function listRushScreenings(festival: { id: string; timeZone: string }, now = new Date(), db: SqlRunner = getDb()): Promise<RushScreening[]> {
  const from = localDayRange(localDate(now, festival.timeZone), festival.timeZone).start;
  const found = await rows<{ id: string; title: string; venue: string; starts_at: string; left: number | null; status: RushLineStatus | null; waiting: number | null }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, v.name AS venue, to_json(s.starts_at) AS starts_at,
           (SELECT greatest(capacity - held - sold, 0) FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind) AS left,
           l.status, (SELECT count(*)::int FROM rush_numbers r WHERE r.rush_line_id = l.id AND r.status IN ('waiting', 'called')) AS waiting
    FROM screenings s JOIN venues v ON v.id = s.venue_id LEFT JOIN rush_lines l ON l.screening_id = s.id
    WHERE s.festival_id = ${festival.id} AND s.status <> 'cancelled' AND s.starts_at >= ${from.toISOString()}::timestamptz AND s.ends_at > ${now.toISOString()}::timestamptz
    ORDER BY s.starts_at, s.id LIMIT 30`);
  return found.map((r) => ({
    id: r.id,
    title: r.title,
    venue: r.venue,
    startsAt: new Date(r.starts_at),
    left: r.left ?? 0,
    line: r.status ? { status: r.status, waiting: r.waiting ?? 0 } : null,
  }));
}

export interface RushNumberView {
  id: string;
  number: number;
  partySize: number;
  status: 'waiting' | 'called' | 'sold' | 'turned_away';
  orderNumber: string | null;
  placesBought: number;
}

export interface RushLineView {
  screening: { id: string; title: string; venue: string; startsAt: Date; endsAt: Date; cancelled: boolean; generalLeft: number; checkedIn: number; unscanned: number };
  line: {
    id: string;
    status: RushLineStatus;
    callMinutesBefore: number;
    callAt: Date;
    placesToSell: number | null;
    releasedTickets: number;
    placesSold: number;
    placesOffered: number;
    closedAt: Date | null;
  } | null;
  numbers: RushNumberView[];
  reconciliation: RushReconciliation | null;
  ticketTypes: { id: string; name: string; priceCents: number }[];
  /** Valid unscanned tickets staff may release at the call time (never Indigenous Access ones), most recent first. */
  releasable: { id: string; label: string }[];
  currency: string;
}

export const RUSH_NUMBERS_SHOWN = 500;

export async function getRushLineView(screeningId: string, db: SqlRunner = getDb()): Promise<RushLineView | null> {
  const s = await firstRow<{ id: string; title: string; venue: string; starts_at: string; ends_at: string; status: string; left: number | null; checked_in: number; unscanned: number; currency: string }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, v.name AS venue, to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at, s.status,
           (SELECT greatest(capacity - held - sold, 0) FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind) AS left,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid'
              AND (t.checked_in_at IS NOT NULL OR EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted'))) AS checked_in,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid' AND t.checked_in_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted')) AS unscanned,
           f.currency
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${screeningId}`);
  if (!s) return null;
  const startsAt = new Date(s.starts_at);
  const line = await firstRow<{ id: string; status: RushLineStatus; call_minutes_before: number; places_to_sell: number | null; released_tickets: number; closed_at: string | null; sold: number; offered: number }>(db, sql`
    SELECT l.id, l.status, l.call_minutes_before, l.places_to_sell, l.released_tickets, to_json(l.closed_at) AS closed_at,
           (SELECT count(t.id)::int FROM rush_numbers r JOIN tickets t ON t.order_id = r.order_id AND t.status = 'valid'
             WHERE r.rush_line_id = l.id AND r.status = 'sold') AS sold,
           (SELECT coalesce(sum(party_size), 0)::int FROM rush_numbers r WHERE r.rush_line_id = l.id AND r.status = 'called') AS offered
    FROM rush_lines l WHERE l.screening_id = ${screeningId}`);
  const [numbers, ticketTypes, releasable] = await Promise.all([
    line
      ? rows<{ id: string; number: number; party_size: number; status: RushNumberView['status']; order_number: string | null; bought: number }>(db, sql`
          SELECT r.id, r.number, r.party_size, r.status, o.number AS order_number,
                 (SELECT count(*)::int FROM tickets t WHERE t.order_id = r.order_id AND t.status = 'valid') AS bought
          FROM rush_numbers r LEFT JOIN orders o ON o.id = r.order_id
          WHERE r.rush_line_id = ${line.id} ORDER BY r.number LIMIT ${RUSH_NUMBERS_SHOWN}`)
      : Promise.resolve([]),
    rows<{ id: string; name: string; price_cents: number }>(db, sql`
      SELECT id, name, price_cents FROM ticket_types WHERE screening_id = ${screeningId} AND scheme IS NULL AND active ORDER BY position, name`),
    line?.status === 'open'
      ? rows<{ id: string; order_number: string; type: string; row_label: string | null; seat_number: number | null; kind: SeatKind | null }>(db, sql`
          SELECT t.id, o.number AS order_number, tt.name AS type, st.row_label, st.seat_number, st.kind
          FROM tickets t JOIN orders o ON o.id = t.order_id JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN seats st ON st.id = t.seat_id
          WHERE t.screening_id = ${screeningId} AND t.status = 'valid' AND t.checked_in_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted')
            AND o.scheme IS DISTINCT FROM 'indigenous_access'
          ORDER BY t.created_at DESC, t.id LIMIT 200`)
      : Promise.resolve([]),
  ]);
  return {
    screening: {
      id: s.id,
      title: s.title,
      venue: s.venue,
      startsAt,
      endsAt: new Date(s.ends_at),
      cancelled: s.status === 'cancelled',
      generalLeft: s.left ?? 0,
      checkedIn: s.checked_in,
      unscanned: s.unscanned,
    },
    line: line
      ? {
          id: line.id,
          status: line.status,
          callMinutesBefore: line.call_minutes_before,
          callAt: new Date(startsAt.getTime() - line.call_minutes_before * 60_000),
          placesToSell: line.places_to_sell,
          releasedTickets: line.released_tickets,
          placesSold: line.sold,
          placesOffered: line.offered,
          closedAt: line.closed_at ? new Date(line.closed_at) : null,
        }
      : null,
    numbers: numbers.map((n) => ({ id: n.id, number: n.number, partySize: n.party_size, status: n.status, orderNumber: n.order_number, placesBought: n.bought })),
    reconciliation: line ? await getRushReconciliation(db, line.id) : null,
    ticketTypes: ticketTypes.map((t) => ({ id: t.id, name: t.name, priceCents: t.price_cents })),
    releasable: releasable.map((t) => ({
      id: t.id,
      label: [t.order_number, t.type, t.row_label !== null && t.seat_number !== null && t.kind !== null ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind }) : null]
        .filter(Boolean)
        .join(' · '),
    })),
    currency: s.currency,
  };
}
