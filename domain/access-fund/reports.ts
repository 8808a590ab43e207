import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { donations, fundEntries } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { getFestivalTicketValueCents } from '@/domain/access-fund/face-value';
import { donationReference } from '@/domain/access-fund/donations';

/** What the public page shows: totals only, never who gave or who received. */
export interface PublicFundFigures {
  currency: string;
  /** Gifts received, less gifts refunded (the ledger's donation and donation_refund entries). */
  raisedCents: number;
  /** The festival's usual ticket price, which "tickets funded" counts in. */
  ticketValueCents: number;
  /** How many tickets the money raised pays for, at that price. */
  ticketsFunded: number;
  /** Donated tickets issued and not voided. */
  ticketsIssued: number;
  /** Of those, how many were checked in at the door. */
  ticketsUsed: number;
  /** What the fund holds now, for the next requests. */
  balanceCents: number;
}

export async function getPublicFundFigures(festivalId: string, db: SqlRunner = getDb()): Promise<PublicFundFigures | null> {
  const row = await firstRow<{ currency: string; raised: number; balance: number; issued: number; used: number }>(db, sql`
    SELECT f.currency,
      (SELECT coalesce(sum(e.amount_cents), 0)::int FROM fund_entries e
        WHERE e.festival_id = f.id AND e.kind IN ('donation', 'donation_refund')) AS raised,
      coalesce((SELECT a.balance_cents FROM access_funds a WHERE a.festival_id = f.id), 0) AS balance,
      (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id JOIN screenings s ON s.id = t.screening_id
        WHERE s.festival_id = f.id AND o.scheme = 'donated' AND t.status = 'valid') AS issued,
      (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id JOIN screenings s ON s.id = t.screening_id
        WHERE s.festival_id = f.id AND o.scheme = 'donated' AND t.status = 'valid' AND t.checked_in_at IS NOT NULL) AS used
    FROM festivals f WHERE f.id = ${festivalId}`);
  if (!row) return null;
  const ticketValueCents = await getFestivalTicketValueCents(db, festivalId);
  return {
    currency: row.currency,
    raisedCents: row.raised,
    ticketValueCents,
    ticketsFunded: ticketValueCents > 0 ? Math.floor(row.raised / ticketValueCents) : 0,
    ticketsIssued: row.issued,
    ticketsUsed: row.used,
    balanceCents: row.balance,
  };
}

/** The staff page's totals: every kind of move, summed, and the balance. */
export interface FundTotals {
  currency: string;
  balanceCents: number;
  donationsCents: number;
  donationCount: number;
  refundedCents: number;
  ticketsCents: number;
  ticketCount: number;
  voidedCents: number;
  /** Refunded gifts the fund could not reverse in full, because it had spent them on tickets. */
  shortfalls: { reference: string; amountCents: number; reversedCents: number; refundedAt: Date }[];
}

export async function getFundTotals(festivalId: string, db: SqlRunner = getDb()): Promise<FundTotals> {
  const t = await firstRow<{ currency: string; balance: number; donations: number; donation_count: number; refunded: number; tickets: number; ticket_count: number; voided: number }>(db, sql`
    SELECT f.currency,
      coalesce((SELECT a.balance_cents FROM access_funds a WHERE a.festival_id = f.id), 0) AS balance,
      coalesce(sum(e.amount_cents) FILTER (WHERE e.kind = 'donation'), 0)::int AS donations,
      (count(*) FILTER (WHERE e.kind = 'donation'))::int AS donation_count,
      coalesce(-sum(e.amount_cents) FILTER (WHERE e.kind = 'donation_refund'), 0)::int AS refunded,
      coalesce(-sum(e.amount_cents) FILTER (WHERE e.kind = 'ticket'), 0)::int AS tickets,
      (count(*) FILTER (WHERE e.kind = 'ticket'))::int AS ticket_count,
      coalesce(sum(e.amount_cents) FILTER (WHERE e.kind = 'ticket_void'), 0)::int AS voided
    FROM festivals f LEFT JOIN fund_entries e ON e.festival_id = f.id
    WHERE f.id = ${festivalId} GROUP BY f.id`);
  const shortfalls = await rows<Pick<ColumnsOf<typeof donations>, 'id' | 'amount_cents'> & { reversed: number; created_at: Date }>(db, sql`
    SELECT d.id, d.amount_cents, -e.amount_cents AS reversed, e.created_at
    FROM donations d JOIN fund_entries e ON e.donation_id = d.id AND e.kind = 'donation_refund'
    WHERE d.festival_id = ${festivalId} AND -e.amount_cents < d.amount_cents ORDER BY e.created_at DESC`);
  return {
    currency: t?.currency ?? 'CAD',
    balanceCents: t?.balance ?? 0,
    donationsCents: t?.donations ?? 0,
    donationCount: t?.donation_count ?? 0,
    refundedCents: t?.refunded ?? 0,
    ticketsCents: t?.tickets ?? 0,
    ticketCount: t?.ticket_count ?? 0,
    voidedCents: t?.voided ?? 0,
    shortfalls: shortfalls.map((s) => ({ reference: donationReference(s.id), amountCents: s.amount_cents, reversedCents: s.reversed, refundedAt: new Date(s.created_at) })),
  };
}

/**
 * One line of the ledger as staff read it. A gift is named by its reference and amount, never its donor: staff
 * decide about tickets, not about who paid for them (the donor's details stay with the payment, in Stripe).
 */
export interface LedgerLine {
  id: string;
  at: Date;
  kind: ColumnsOf<typeof fundEntries>['kind'];
  amountCents: number;
  balanceAfterCents: number;
  donation: string | null;
  /** The order the ticket belongs to (its number), not the ticket's code, which opens the ticket. */
  orderNumber: string | null;
  actor: string | null;
  note: string | null;
}

export const LEDGER_PAGE_SIZE = 50;

type LedgerRow = Pick<ColumnsOf<typeof fundEntries>, 'id' | 'kind' | 'amount_cents' | 'balance_after_cents' | 'donation_id' | 'note' | 'created_at'> & {
  order_number: string | null;
  actor: string | null;
};

function ledgerQuery(festivalId: string, limit: number, offset: number) {
  // Newest first; entries of one transaction share created_at, and their balances tell their order apart.
  return sql`
    SELECT e.id, e.kind, e.amount_cents, e.balance_after_cents, e.donation_id, e.note, e.created_at,
      o.number AS order_number, coalesce(u.name, u.email) AS actor
    FROM fund_entries e
    LEFT JOIN tickets t ON t.id = e.ticket_id LEFT JOIN orders o ON o.id = t.order_id
    LEFT JOIN users u ON u.id = e.actor_id
    WHERE e.festival_id = ${festivalId}
    ORDER BY e.created_at DESC, e.id DESC LIMIT ${limit} OFFSET ${offset}`;
}

function toLine(r: LedgerRow): LedgerLine {
  return {
    id: r.id,
    at: new Date(r.created_at),
    kind: r.kind,
    amountCents: r.amount_cents,
    balanceAfterCents: r.balance_after_cents,
    donation: r.donation_id ? donationReference(r.donation_id) : null,
    orderNumber: r.order_number,
    actor: r.actor,
    note: r.note,
  };
}

export async function listFundLedger(festivalId: string, page: number, db: SqlRunner = getDb()): Promise<{ lines: LedgerLine[]; total: number; page: number; pages: number }> {
  const count = await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM fund_entries WHERE festival_id = ${festivalId}`);
  const total = count?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / LEDGER_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const lines = await rows<LedgerRow>(db, ledgerQuery(festivalId, LEDGER_PAGE_SIZE, (current - 1) * LEDGER_PAGE_SIZE));
  return { lines: lines.map(toLine), total, page: current, pages };
}

/** The whole ledger for the CSV export, newest first (bounded: a festival's fund has thousands of entries, not millions). */
export async function listWholeFundLedger(festivalId: string, db: SqlRunner = getDb()): Promise<LedgerLine[]> {
  return (await rows<LedgerRow>(db, ledgerQuery(festivalId, 100_000, 0))).map(toLine);
}

export const FUND_ENTRY_LABEL: Record<LedgerLine['kind'], string> = {
  donation: 'Gift received',
  ticket: 'Donated ticket issued',
  donation_refund: 'Gift refunded',
  ticket_void: 'Donated ticket returned',
};
