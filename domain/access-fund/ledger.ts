import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { FundEntryKind } from '@/db/schema/access-fund';
import { firstRow } from '@/db/sql';

export interface FundMove {
  festivalId: string;
  kind: FundEntryKind;
  /** Positive: the amount credited (donation, ticket_void) or debited (ticket, donation_refund). */
  amountCents: number;
  donationId?: string | null;
  ticketId?: string | null;
  actorId?: string | null;
  note?: string | null;
}

export type FundMoveResult =
  | { ok: true; balanceCents: number; recorded: boolean }
  | { ok: false; reason: 'insufficient_funds'; balanceCents: number };

const DEBITS: readonly FundEntryKind[] = ['ticket', 'donation_refund'];

/**
 * The one way the access fund changes: one conditional UPDATE of the festival's fund row (which serialises every
 * move of that fund: two staff approving at once take turns) and one ledger entry, in the caller's transaction.
 * A debit that would take the balance below zero changes nothing and answers insufficient_funds; the table's
 * check forbids it anyway. A move already in the ledger (the same donation's credit, the same ticket's debit,
 * by the unique indexes) is not applied twice: `recorded: false`.
 */
export async function moveFund(tx: Transaction, move: FundMove): Promise<FundMoveResult> {
  if (!Number.isInteger(move.amountCents) || move.amountCents < 0) throw new Error('a fund move is a whole, non-negative amount');
  const signed = DEBITS.includes(move.kind) ? -move.amountCents : move.amountCents;
  await tx.execute(sql`INSERT INTO access_funds (festival_id) VALUES (${move.festivalId}) ON CONFLICT DO NOTHING`);
  const fund = await firstRow<{ balance_cents: number }>(tx, sql`
    SELECT balance_cents FROM access_funds WHERE festival_id = ${move.festivalId} FOR UPDATE`);
  const seen = await firstRow<{ id: string }>(tx, sql`
    SELECT id FROM fund_entries WHERE kind = ${move.kind}::fund_entry_kind AND (
      (${move.donationId ?? null}::uuid IS NOT NULL AND donation_id = ${move.donationId ?? null}::uuid) OR
      (${move.ticketId ?? null}::uuid IS NOT NULL AND ticket_id = ${move.ticketId ?? null}::uuid))`);
  if (seen) return { ok: true, balanceCents: fund!.balance_cents, recorded: false };
  const updated = await firstRow<{ balance_cents: number }>(tx, sql`
    UPDATE access_funds SET balance_cents = balance_cents + ${signed}
    WHERE festival_id = ${move.festivalId} AND balance_cents + ${signed} >= 0
    RETURNING balance_cents`);
  if (!updated) return { ok: false, reason: 'insufficient_funds', balanceCents: fund!.balance_cents };
  await tx.execute(sql`INSERT INTO fund_entries (festival_id, kind, amount_cents, balance_after_cents, donation_id, ticket_id, actor_id, note)
    VALUES (${move.festivalId}, ${move.kind}::fund_entry_kind, ${signed}, ${updated.balance_cents}, ${move.donationId ?? null},
            ${move.ticketId ?? null}, ${move.actorId ?? null}, ${move.note ?? null})`);
  return { ok: true, balanceCents: updated.balance_cents, recorded: true };
}

/** The fund's balance now (0 before its first move). */
export async function getFundBalance(tx: Pick<Transaction, 'execute'>, festivalId: string): Promise<number> {
  const row = await firstRow<{ balance_cents: number }>(tx, sql`SELECT balance_cents FROM access_funds WHERE festival_id = ${festivalId}`);
  return row?.balance_cents ?? 0;
}
