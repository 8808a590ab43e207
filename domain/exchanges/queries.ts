import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { firstRow, rows, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { seatLabel, type SeatKind } from '@/lib/seats';

/** An order as the exchange desk shows it: its valid tickets and where they could go. */
export interface ExchangeDeskOrder {
  id: string;
  number: string;
  status: string;
  buyerName: string;
  buyerEmail: string;
  currency: string;
  screeningId: string;
  title: string;
  startsAt: Date;
  screeningCancelled: boolean;
  /** Only a paid order outside the access schemes is exchanged (access tickets are given back). */
  exchangeable: boolean;
  tickets: { id: string; code: string; typeName: string; priceCents: number; seat: string | null }[];
}

export interface ExchangeTarget {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  placesLeft: number;
}

export interface ExchangeTargetDetail extends ExchangeTarget {
  ticketTypes: { id: string; name: string; priceCents: number }[];
  /** A reserved house's free seats, front to back (empty for general admission): the desk may name them. */
  freeSeats: { id: string; label: string }[];
}

/**
 * The order named by its id or number (as read out at the desk). An Indigenous Access order is never shown to staff
 * (who self-identified is private), so it is answered as missing.
 */
export async function getExchangeDeskOrder(reference: string, db: SqlRunner = getDb()): Promise<ExchangeDeskOrder | null> {
  const ref = reference.trim();
  if (!ref || ref.length > 100) return null;
  const byId = z.guid().safeParse(ref).success;
  const o = await firstRow<{
    id: string;
    number: string;
    status: string;
    scheme: string | null;
    buyer_name: string;
    buyer_email: string;
    currency: string;
    screening_id: string;
    title: string;
    starts_at: string;
    cancelled: boolean;
  }>(db, sql`
    SELECT o.id, o.number, o.status, o.scheme, o.buyer_name, o.buyer_email, o.currency, o.screening_id,
           ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, s.status = 'cancelled' AS cancelled
    FROM orders o JOIN screenings s ON s.id = o.screening_id
    WHERE ${byId ? sql`o.id = ${ref}::uuid` : sql`upper(o.number) = upper(${ref})`}
      AND o.scheme IS DISTINCT FROM 'indigenous_access'`);
  if (!o) return null;
  const tickets = await rows<{ id: string; code: string; type_name: string; price_cents: number; row_label: string | null; seat_number: number | null; kind: SeatKind | null }>(db, sql`
    SELECT t.id, t.code, tt.name AS type_name, t.price_cents, st.row_label, st.seat_number, st.kind
    FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN seats st ON st.id = t.seat_id
    WHERE t.order_id = ${o.id} AND t.status = 'valid' ORDER BY st.y NULLS LAST, st.x, t.created_at, t.id`);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    buyerName: o.buyer_name,
    buyerEmail: o.buyer_email,
    currency: o.currency,
    screeningId: o.screening_id,
    title: o.title,
    startsAt: new Date(o.starts_at),
    screeningCancelled: o.cancelled,
    exchangeable: o.status === 'paid' && o.scheme === null && tickets.length > 0,
    tickets: tickets.map((t) => ({
      id: t.id,
      code: t.code,
      typeName: t.type_name,
      priceCents: t.price_cents,
      seat: t.row_label !== null && t.seat_number !== null ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind ?? 'standard' }) : null,
    })),
  };
}

/** Screenings of the same festival the tickets could move to: not cancelled, not started, with places in general sale. */
export async function listExchangeTargets(order: Pick<ExchangeDeskOrder, 'screeningId'>, db: SqlRunner = getDb()): Promise<ExchangeTarget[]> {
  const found = await rows<{ id: string; title: string; starts_at: string; venue: string; places_left: number }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue,
           greatest(p.capacity - p.held - p.sold, 0) AS places_left
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = 'standard'
    WHERE s.festival_id = (SELECT festival_id FROM screenings WHERE id = ${order.screeningId}) AND s.id <> ${order.screeningId}
      AND s.status <> 'cancelled' AND s.starts_at > now() AND p.capacity - p.held - p.sold > 0
    ORDER BY s.starts_at, s.id LIMIT 300`);
  return found.map((s) => ({ id: s.id, title: s.title, startsAt: new Date(s.starts_at), venue: s.venue, placesLeft: s.places_left }));
}

/** One target with its price list (the types the desk sells: active, outside the access schemes). */
export async function getExchangeTarget(order: Pick<ExchangeDeskOrder, 'screeningId'>, screeningId: string, db: SqlRunner = getDb()): Promise<ExchangeTargetDetail | null> {
  if (!z.guid().safeParse(screeningId).success) return null;
  const target = (await listExchangeTargets(order, db)).find((t) => t.id === screeningId);
  if (!target) return null;
  const types = await rows<{ id: string; name: string; price_cents: number }>(db, sql`
    SELECT id, name, price_cents FROM ticket_types WHERE screening_id = ${screeningId} AND active AND scheme IS NULL ORDER BY position, price_cents DESC`);
  const seats = await rows<{ id: string; row_label: string; seat_number: number; kind: SeatKind }>(db, sql`
    SELECT st.id, st.row_label, st.seat_number, st.kind FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id
    WHERE ss.screening_id = ${screeningId} AND ss.state = 'available' ORDER BY st.y, st.x LIMIT 1000`);
  return {
    ...target,
    ticketTypes: types.map((t) => ({ id: t.id, name: t.name, priceCents: t.price_cents })),
    freeSeats: seats.map((s) => ({ id: s.id, label: seatLabel({ row: s.row_label, number: s.seat_number, kind: s.kind }) })),
  };
}
