import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { PaymentMethod } from '@/db/schema/payments';
import { paymentMethod } from '@/db/schema/payments';
import { rows, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { localDayRange } from '@/lib/time';
import { checkedInSql, countableOrder, dayRangesSql, MONEY_METHODS_SQL, rate } from './shared';

/*
 * The sales reports (counts and amounts only): by screening, by film, by day, the ticket-type mix, check-in and
 * no-show rates, and the money by payment method for the till. The rules they share are in ./shared.ts. Every list is
 * bounded: one festival day, a range of at most MAX_DAYS days, or a page of FILM_PAGE_SIZE rows.
 */

type Festival = { id: string; timeZone: string };

export const FILM_PAGE_SIZE = 50;
export const MAX_DAYS = 62;

/** Money per order, as SQL expressions over an orders alias `o`. */
const takenSql = sql`(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.order_id = o.id AND p.method IN ${MONEY_METHODS_SQL})`;
const refundedSql = sql`(SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r WHERE r.order_id = o.id AND r.method IN ${MONEY_METHODS_SQL} AND r.status <> 'failed')`;
const isCompSql = sql`EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.method = 'complimentary')`;

export interface SalesFigures {
  /** Valid tickets sold or given at the desk (access schemes' tickets are counted in the access reports). */
  ticketsSold: number;
  /** Of those, complimentary. */
  comps: number;
  /** Tickets refunded or otherwise voided. */
  ticketsVoided: number;
  takenCents: number;
  refundedCents: number;
  netCents: number;
}

type FiguresRow = { sold: number; comps: number; voided: number; taken: number; refunded: number };

/** The figures of a set of screenings (`scope` is a condition on the screenings alias `s`), per screening row. */
function figuresSelect() {
  return sql`
    (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE t.screening_id = s.id AND o.scheme IS NULL AND t.status = 'valid') AS sold,
    (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE t.screening_id = s.id AND o.scheme IS NULL AND t.status = 'valid' AND ${isCompSql}) AS comps,
    (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE t.screening_id = s.id AND o.scheme IS NULL AND t.status = 'void') AS voided,
    (SELECT coalesce(sum(${takenSql}), 0)::int FROM orders o WHERE o.screening_id = s.id AND ${countableOrder(sql`o`)}) AS taken,
    (SELECT coalesce(sum(${refundedSql}), 0)::int FROM orders o WHERE o.screening_id = s.id AND ${countableOrder(sql`o`)}) AS refunded`;
}

function figures(r: FiguresRow): SalesFigures {
  return { ticketsSold: r.sold, comps: r.comps, ticketsVoided: r.voided, takenCents: r.taken, refundedCents: r.refunded, netCents: r.taken - r.refunded };
}

export interface ScreeningSalesRow extends SalesFigures {
  screeningId: string;
  title: string;
  startsAt: Date;
}

/** Sales of the screenings of one festival-local day. */
export async function listSalesByScreening(festival: Festival, day: string, db: SqlRunner = getDb()): Promise<ScreeningSalesRow[]> {
  const { start, end } = localDayRange(day, festival.timeZone);
  const found = await rows<FiguresRow & { id: string; title: string; starts_at: string }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, ${figuresSelect()}
    FROM screenings s
    WHERE s.festival_id = ${festival.id} AND s.starts_at >= ${start.toISOString()}::timestamptz AND s.starts_at < ${end.toISOString()}::timestamptz
    ORDER BY s.starts_at, s.id`);
  return found.map((r) => ({ screeningId: r.id, title: r.title, startsAt: new Date(r.starts_at), ...figures(r) }));
}

export interface FilmSalesRow extends SalesFigures {
  /** The film's title, or a shorts programme's. */
  title: string;
  screenings: number;
}

/** Sales per film (a shorts programme is one title), best-selling first, a page at a time. */
export async function listSalesByFilm(festival: Festival, page: number, db: SqlRunner = getDb()): Promise<{ rows: FilmSalesRow[]; page: number; hasMore: boolean }> {
  const p = Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
  const found = await rows<FiguresRow & { title: string; screenings: number }>(db, sql`
    WITH per_screening AS (
      SELECT ${screeningTitleSql(sql`s`)} AS title, ${figuresSelect()} FROM screenings s WHERE s.festival_id = ${festival.id})
    SELECT title, count(*)::int AS screenings, sum(sold)::int AS sold, sum(comps)::int AS comps, sum(voided)::int AS voided,
           sum(taken)::int AS taken, sum(refunded)::int AS refunded
    FROM per_screening GROUP BY title
    ORDER BY sum(taken) - sum(refunded) DESC, sum(sold) DESC, title
    LIMIT ${FILM_PAGE_SIZE + 1} OFFSET ${(p - 1) * FILM_PAGE_SIZE}`);
  return {
    page: p,
    hasMore: found.length > FILM_PAGE_SIZE,
    rows: found.slice(0, FILM_PAGE_SIZE).map((r) => ({ title: r.title, screenings: r.screenings, ...figures(r) })),
  };
}

export interface DaySalesRow {
  day: string;
  /** Tickets issued that day to paying (or comp) buyers, whatever became of them later. */
  ticketsIssued: number;
  takenCents: number;
  refundedCents: number;
  netCents: number;
}

/** Sales per festival-local day of sale (when the money moved, not when the film plays). */
export async function listSalesByDay(festival: Festival, days: readonly string[], db: SqlRunner = getDb()): Promise<DaySalesRow[]> {
  const bounded = days.slice(0, MAX_DAYS);
  if (bounded.length === 0) return [];
  const found = await rows<{ day: string; issued: number; taken: number; refunded: number }>(db, sql`
    SELECT d.day,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id JOIN screenings s ON s.id = o.screening_id
             WHERE s.festival_id = ${festival.id} AND o.scheme IS NULL AND t.created_at >= d.lo AND t.created_at < d.hi) AS issued,
           (SELECT coalesce(sum(p.amount_cents), 0)::int FROM payments p JOIN orders o ON o.id = p.order_id JOIN screenings s ON s.id = o.screening_id
             WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND p.method IN ${MONEY_METHODS_SQL}
               AND p.created_at >= d.lo AND p.created_at < d.hi) AS taken,
           (SELECT coalesce(sum(r.amount_cents), 0)::int FROM refunds r JOIN orders o ON o.id = r.order_id JOIN screenings s ON s.id = o.screening_id
             WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND r.method IN ${MONEY_METHODS_SQL} AND r.status <> 'failed'
               AND r.created_at >= d.lo AND r.created_at < d.hi) AS refunded
    FROM ${dayRangesSql(bounded, festival.timeZone)} ORDER BY d.day`);
  return found.map((r) => ({ day: r.day, ticketsIssued: r.issued, takenCents: r.taken, refundedCents: r.refunded, netCents: r.taken - r.refunded }));
}

export interface TicketTypeRow {
  name: string;
  tickets: number;
  /** Share of all valid tickets in this report, in percent. */
  sharePercent: number | null;
  /** The tickets' face value (what each was sold for). */
  valueCents: number;
}

/** The ticket-type mix of the festival's valid tickets; the access schemes' own $0 types are counted in the access reports. */
export async function listTicketTypeMix(festival: Festival, db: SqlRunner = getDb()): Promise<TicketTypeRow[]> {
  const found = await rows<{ name: string; tickets: number; value: number }>(db, sql`
    SELECT tt.name, count(*)::int AS tickets, coalesce(sum(t.price_cents), 0)::int AS value
    FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id JOIN orders o ON o.id = t.order_id JOIN screenings s ON s.id = t.screening_id
    WHERE s.festival_id = ${festival.id} AND t.status = 'valid' AND tt.scheme IS NULL AND o.scheme IS NULL
    GROUP BY tt.name ORDER BY count(*) DESC, tt.name LIMIT 100`);
  const total = found.reduce((n, r) => n + r.tickets, 0);
  return found.map((r) => ({ name: r.name, tickets: r.tickets, sharePercent: rate(r.tickets, total), valueCents: r.value }));
}

export interface CheckInRateRow {
  screeningId: string;
  title: string;
  startsAt: Date;
  /** Valid tickets (general sale, desk and the Community Access and Donated schemes). */
  tickets: number;
  checkedIn: number;
  noShows: number;
  checkInPercent: number | null;
  noShowPercent: number | null;
}

/**
 * Check-in and no-show rates of the screenings of one day that have started by `now` (a screening still to come has
 * no no-shows yet). Indigenous Access tickets are left out, so that no total minus the access report's counts can
 * give their number away.
 */
export async function listCheckInRates(festival: Festival, day: string, now = new Date(), db: SqlRunner = getDb()): Promise<CheckInRateRow[]> {
  const { start, end } = localDayRange(day, festival.timeZone);
  const found = await rows<{ id: string; title: string; starts_at: string; tickets: number; checked_in: number }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
             WHERE t.screening_id = s.id AND t.status = 'valid' AND ${countableOrder(sql`o`)}) AS tickets,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
             WHERE t.screening_id = s.id AND t.status = 'valid' AND ${countableOrder(sql`o`)} AND ${checkedInSql(sql`t`)}) AS checked_in
    FROM screenings s
    WHERE s.festival_id = ${festival.id} AND s.status <> 'cancelled'
      AND s.starts_at >= ${start.toISOString()}::timestamptz AND s.starts_at < ${end.toISOString()}::timestamptz
      AND s.starts_at <= ${now.toISOString()}::timestamptz
    ORDER BY s.starts_at, s.id`);
  return found.map((r) => ({
    screeningId: r.id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    tickets: r.tickets,
    checkedIn: r.checked_in,
    noShows: r.tickets - r.checked_in,
    checkInPercent: rate(r.checked_in, r.tickets),
    noShowPercent: rate(r.tickets - r.checked_in, r.tickets),
  }));
}

export interface PaymentMethodRow {
  method: PaymentMethod;
  payments: number;
  amountCents: number;
  refunds: number;
  refundedCents: number;
  netCents: number;
}

export interface TillRow {
  staff: string;
  method: PaymentMethod;
  payments: number;
  amountCents: number;
}

/**
 * Money by payment method on one festival-local day (when it was taken or given back), and the desk's own takings
 * per staff member, so a till can be counted against it. Complimentary rows count orders (their amount is 0).
 */
export async function listPaymentMethods(festival: Festival, day: string, db: SqlRunner = getDb()): Promise<{ methods: PaymentMethodRow[]; till: TillRow[] }> {
  const { start, end } = localDayRange(day, festival.timeZone);
  const lo = sql`${start.toISOString()}::timestamptz`;
  const hi = sql`${end.toISOString()}::timestamptz`;
  const [paid, back, till] = await Promise.all([
    rows<{ method: PaymentMethod; n: number; amount: number }>(db, sql`
      SELECT p.method, count(*)::int AS n, coalesce(sum(p.amount_cents), 0)::int AS amount
      FROM payments p JOIN orders o ON o.id = p.order_id JOIN screenings s ON s.id = o.screening_id
      WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND p.created_at >= ${lo} AND p.created_at < ${hi}
      GROUP BY p.method`),
    rows<{ method: PaymentMethod; n: number; amount: number }>(db, sql`
      SELECT r.method, count(*)::int AS n, coalesce(sum(r.amount_cents), 0)::int AS amount
      FROM refunds r JOIN orders o ON o.id = r.order_id JOIN screenings s ON s.id = o.screening_id
      WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND r.status <> 'failed' AND r.created_at >= ${lo} AND r.created_at < ${hi}
      GROUP BY r.method`),
    rows<{ staff: string; method: PaymentMethod; n: number; amount: number }>(db, sql`
      SELECT coalesce(u.name, u.email) AS staff, p.method, count(*)::int AS n, coalesce(sum(p.amount_cents), 0)::int AS amount
      FROM payments p JOIN users u ON u.id = p.recorded_by_id JOIN orders o ON o.id = p.order_id JOIN screenings s ON s.id = o.screening_id
      WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND p.created_at >= ${lo} AND p.created_at < ${hi}
      GROUP BY 1, p.method ORDER BY 1, p.method`),
  ]);
  const methods = paymentMethod.enumValues.map((method) => {
    const p = paid.find((x) => x.method === method);
    const r = back.find((x) => x.method === method);
    const amountCents = p?.amount ?? 0;
    const refundedCents = r?.amount ?? 0;
    return { method, payments: p?.n ?? 0, amountCents, refunds: r?.n ?? 0, refundedCents, netCents: amountCents - refundedCents };
  });
  return { methods, till: till.map((t) => ({ staff: t.staff, method: t.method, payments: t.n, amountCents: t.amount })) };
}

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = {
  stripe: 'Stripe',
  cash: 'Cash',
  card_terminal: 'Card terminal',
  complimentary: 'Complimentary',
  exchange_credit: 'Exchange credit',
};
