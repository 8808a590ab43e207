import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CheckInMethod, CheckInResult } from '@/db/schema/check-ins';
import type { OrderSource, OrderStatus, ticketStatus } from '@/db/schema/orders';
import type { PaymentMethod, RefundSource, RefundStatus } from '@/db/schema/payments';
import type { checkIns, orders, payments, refunds, tickets } from '@/db/schema';
import { getDb } from '@/db/client';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { listAuditEntries, type AuditEntryView } from '@/domain/audit/audit-log';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { seatLabel, type SeatKind } from '@/lib/seats';

export type { OrderSource, OrderStatus };
export type TicketStatus = (typeof ticketStatus.enumValues)[number];

/**
 * What the desk reads about orders: the lookup (by name, email, order number or ticket code) and one order's whole
 * story (tickets with their check-ins, payments, refunds, audit entries). Both leave out Indigenous Access orders:
 * who self-identified is never shown to staff (the same rule as userMayReadOrder), so such an order is "not found".
 */

/** The most orders one lookup returns: the desk narrows its search rather than paging through the festival. */
export const LOOKUP_LIMIT = 25;

export const OrderLookupQuery = z
  .string()
  .trim()
  .min(2, 'Type at least 2 characters: a name, an email, an order number or a ticket code.')
  .max(200, 'Type at most 200 characters.');

export interface OrderLookupRow {
  id: string;
  number: string;
  status: OrderStatus;
  source: OrderSource;
  buyerName: string;
  buyerEmail: string;
  totalCents: number;
  currency: string;
  createdAt: Date;
  screening: { id: string; title: string; startsAt: Date };
  validTickets: number;
  /** Why this order matched: staff see at once whether the code or the email found it. */
  matchedBy: 'ticket_code' | 'order_number' | 'email' | 'name';
}

/** Staff never see who claimed Indigenous Access (domain/accounts/accounts.ts userMayReadOrder says the same). */
const NOT_INDIGENOUS: SQL = sql`o.scheme IS DISTINCT FROM 'indigenous_access'`;

/** `%`, `_` and `\` typed at the desk are letters, not patterns. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type LookupSqlRow = Pick<ColumnsOf<typeof orders>, 'id' | 'number' | 'status' | 'source' | 'buyer_name' | 'buyer_email' | 'total_cents' | 'currency'> & {
  created_at: string;
  screening_id: string;
  title: string;
  starts_at: string;
  valid_tickets: number;
  matched_by: OrderLookupRow['matchedBy'];
};

/**
 * Orders of the festival matching `q`: exact ticket code or order number first, then emails starting with it, then
 * names containing it; newest first within each, at most LOOKUP_LIMIT. Each branch is an indexed or bounded search.
 */
export async function listOrdersForDesk(festivalId: string, q: string, db: SqlRunner = getDb()): Promise<{ orders: OrderLookupRow[]; truncated: boolean }> {
  const query = OrderLookupQuery.parse(q);
  const like = `${likeEscape(query.toLowerCase())}`;
  const found = await rows<LookupSqlRow>(db, sql`
    WITH matched AS (
      SELECT t.order_id AS id, 1 AS rank, 'ticket_code' AS matched_by FROM tickets t WHERE upper(t.code) = upper(${query})
      UNION ALL SELECT o.id, 1, 'order_number' FROM orders o WHERE upper(o.number) = upper(${query})
      UNION ALL SELECT o.id, 2, 'email' FROM orders o WHERE lower(o.buyer_email) LIKE ${`${like}%`}
      UNION ALL SELECT o.id, 3, 'name' FROM orders o WHERE lower(o.buyer_name) LIKE ${`%${like}%`}
    ), best AS (
      SELECT DISTINCT ON (id) id, rank, matched_by FROM matched ORDER BY id, rank
    )
    SELECT o.id, o.number, o.status, o.source, o.buyer_name, o.buyer_email, o.total_cents, o.currency,
           to_json(o.created_at) AS created_at, s.id AS screening_id, ${screeningTitleSql(sql`s`)} AS title,
           to_json(s.starts_at) AS starts_at, b.matched_by,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS valid_tickets
    FROM best b JOIN orders o ON o.id = b.id JOIN screenings s ON s.id = o.screening_id
    WHERE s.festival_id = ${festivalId} AND ${NOT_INDIGENOUS}
    ORDER BY b.rank, o.created_at DESC, o.id
    LIMIT ${LOOKUP_LIMIT + 1}`);
  return {
    truncated: found.length > LOOKUP_LIMIT,
    orders: found.slice(0, LOOKUP_LIMIT).map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      source: r.source,
      buyerName: r.buyer_name,
      buyerEmail: r.buyer_email,
      totalCents: r.total_cents,
      currency: r.currency,
      createdAt: new Date(r.created_at),
      screening: { id: r.screening_id, title: r.title, startsAt: new Date(r.starts_at) },
      validTickets: r.valid_tickets,
      matchedBy: r.matched_by,
    })),
  };
}

export interface DeskCheckIn {
  result: CheckInResult;
  method: CheckInMethod;
  deviceLabel: string;
  staff: string | null;
  scannedAt: Date;
  offline: boolean;
}

export interface DeskTicket {
  id: string;
  code: string;
  status: TicketStatus;
  typeName: string;
  priceCents: number;
  holderName: string;
  seat: string | null;
  checkedInAt: Date | null;
  checkIns: DeskCheckIn[];
}

export interface DeskPayment {
  id: string;
  method: PaymentMethod;
  amountCents: number;
  reference: string | null;
  reason: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

export interface DeskRefund {
  id: string;
  method: PaymentMethod;
  amountCents: number;
  donationCents: number;
  status: RefundStatus;
  source: RefundSource;
  reason: string;
  tickets: number;
  requestedBy: string | null;
  failureMessage: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface DeskOrder {
  id: string;
  number: string;
  status: OrderStatus;
  source: OrderSource;
  buyerName: string;
  buyerEmail: string;
  totalCents: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
  createdBy: string | null;
  /** The part of the total that was a gift to the access fund (refunded only on purpose). */
  giftCents: number;
  scheme: string | null;
  screening: { id: string; title: string; startsAt: Date; venueName: string; started: boolean };
  tickets: DeskTicket[];
  payments: DeskPayment[];
  refunds: DeskRefund[];
  /** The most a refund may still return: payments in, less refunds not failed. */
  refundableCents: number;
  audit: AuditEntryView[];
}

/** One order as the desk sees it; null for an unknown id and for an Indigenous Access order alike. */
export async function getOrderForDesk(festivalId: string, orderId: string, db: SqlRunner = getDb()): Promise<DeskOrder | null> {
  if (!z.guid().safeParse(orderId).success) return null;
  const o = await firstRow<
    Pick<ColumnsOf<typeof orders>, 'id' | 'number' | 'status' | 'source' | 'buyer_name' | 'buyer_email' | 'total_cents' | 'currency' | 'scheme'> & {
      created_at: string;
      paid_at: string | null;
      created_by: string | null;
      gift_cents: number;
      screening_id: string;
      title: string;
      starts_at: string;
      started: boolean;
      venue_name: string;
    }
  >(db, sql`
    SELECT o.id, o.number, o.status, o.source, o.buyer_name, o.buyer_email, o.total_cents, o.currency, o.scheme,
           to_json(o.created_at) AS created_at, to_json(o.paid_at) AS paid_at,
           (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = o.created_by_id) AS created_by,
           coalesce((SELECT sum(d.amount_cents)::int FROM donations d WHERE d.order_id = o.id AND d.status = 'paid'), 0) AS gift_cents,
           s.id AS screening_id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, s.starts_at <= now() AS started,
           v.name AS venue_name
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN venues v ON v.id = s.venue_id
    WHERE o.id = ${orderId} AND s.festival_id = ${festivalId} AND ${NOT_INDIGENOUS}`);
  if (!o) return null;

  const [ticketRows, checkInRows, paymentRows, refundRows, audit] = await Promise.all([
    rows<
      Pick<ColumnsOf<typeof tickets>, 'id' | 'code' | 'status' | 'price_cents' | 'holder_name'> & {
        checked_in_at: string | null;
        type_name: string;
        row_label: string | null;
        seat_number: number | null;
        kind: SeatKind | null;
      }
    >(db, sql`
      SELECT t.id, t.code, t.status, t.price_cents, t.holder_name, to_json(t.checked_in_at) AS checked_in_at, tt.name AS type_name,
             st.row_label, st.seat_number, st.kind
      FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN seats st ON st.id = t.seat_id
      WHERE t.order_id = ${orderId} ORDER BY t.status, st.y NULLS LAST, st.x, t.code`),
    rows<Pick<ColumnsOf<typeof checkIns>, 'result' | 'method' | 'device_label' | 'offline'> & { ticket_id: string; staff: string | null; scanned_at: string }>(
      db,
      sql`
      SELECT c.ticket_id, c.result, c.method, c.device_label, c.offline, to_json(c.scanned_at) AS scanned_at,
             (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = c.staff_id) AS staff
      FROM check_ins c JOIN tickets t ON t.id = c.ticket_id WHERE t.order_id = ${orderId} ORDER BY c.scanned_at, c.recorded_at`,
    ),
    rows<Pick<ColumnsOf<typeof payments>, 'id' | 'method' | 'amount_cents' | 'reference' | 'reason'> & { created_at: string; recorded_by: string | null }>(
      db,
      sql`
      SELECT p.id, p.method, p.amount_cents, p.reference, p.reason, to_json(p.created_at) AS created_at,
             (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = p.recorded_by_id) AS recorded_by
      FROM payments p WHERE p.order_id = ${orderId} ORDER BY p.created_at, p.id`,
    ),
    rows<
      Pick<ColumnsOf<typeof refunds>, 'id' | 'method' | 'amount_cents' | 'donation_cents' | 'status' | 'source' | 'reason' | 'failure_message'> & {
        tickets: number;
        created_at: string;
        completed_at: string | null;
        requested_by: string | null;
      }
    >(
      db,
      sql`
      SELECT r.id, r.method, r.amount_cents, r.donation_cents, r.status, r.source, r.reason, r.failure_message,
             cardinality(r.ticket_ids) AS tickets, to_json(r.created_at) AS created_at, to_json(r.completed_at) AS completed_at,
             (SELECT coalesce(u.name, u.email) FROM users u WHERE u.id = r.requested_by_id) AS requested_by
      FROM refunds r WHERE r.order_id = ${orderId} ORDER BY r.created_at, r.id`,
    ),
    listAuditEntries(db, { orderId }),
  ]);

  const paidIn = paymentRows.reduce((sum, p) => sum + p.amount_cents, 0);
  const refunded = refundRows.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amount_cents, 0);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    source: o.source,
    buyerName: o.buyer_name,
    buyerEmail: o.buyer_email,
    totalCents: o.total_cents,
    currency: o.currency,
    createdAt: new Date(o.created_at),
    paidAt: o.paid_at ? new Date(o.paid_at) : null,
    createdBy: o.created_by,
    giftCents: o.gift_cents,
    scheme: o.scheme,
    screening: { id: o.screening_id, title: o.title, startsAt: new Date(o.starts_at), venueName: o.venue_name, started: o.started },
    tickets: ticketRows.map((t) => ({
      id: t.id,
      code: t.code,
      status: t.status,
      typeName: t.type_name,
      priceCents: t.price_cents,
      holderName: t.holder_name,
      seat: t.row_label && t.seat_number !== null ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind ?? 'standard' }) : null,
      checkedInAt: t.checked_in_at ? new Date(t.checked_in_at) : null,
      checkIns: checkInRows
        .filter((c) => c.ticket_id === t.id)
        .map((c) => ({ result: c.result, method: c.method, deviceLabel: c.device_label, staff: c.staff, scannedAt: new Date(c.scanned_at), offline: c.offline })),
    })),
    payments: paymentRows.map((p) => ({
      id: p.id,
      method: p.method,
      amountCents: p.amount_cents,
      reference: p.reference,
      reason: p.reason,
      recordedBy: p.recorded_by,
      createdAt: new Date(p.created_at),
    })),
    refunds: refundRows.map((r) => ({
      id: r.id,
      method: r.method,
      amountCents: r.amount_cents,
      donationCents: r.donation_cents,
      status: r.status,
      source: r.source,
      reason: r.reason,
      tickets: r.tickets,
      requestedBy: r.requested_by,
      failureMessage: r.failure_message,
      createdAt: new Date(r.created_at),
      completedAt: r.completed_at ? new Date(r.completed_at) : null,
    })),
    refundableCents: Math.max(0, paidIn - refunded),
    audit: audit.entries,
  };
}
