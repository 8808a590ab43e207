import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { holds, orders, tickets } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { moveFund } from '@/domain/access-fund/ledger';
import { poolUpdate } from '@/domain/inventory/pools';

export interface VoidedTickets {
  ticketIds: string[];
  /** What the voided tickets cost (their price, not any gift on the order). */
  valueCents: number;
  /** Donated tickets whose cost the fund gets back. */
  fundCreditedCents: number;
}

/**
 * Voids an order's valid tickets (all, or the ones named) in the caller's transaction, for a cancelled screening: their
 * places go back to the pool their hold took them from (the screening sells nothing any more, but its counts stay
 * true), their seats are freed, and a donated ticket's cost goes back to the access fund (`ticket_void`, once per
 * ticket by the ledger's unique key). The caller has locked the order row; the fund row is locked here before the pool
 * row, the lock order of every fund move.
 */
export async function voidOrderTickets(tx: Transaction, orderId: string, actorId: string | null, ticketIds?: string[]): Promise<VoidedTickets> {
  const order = await firstRow<Pick<ColumnsOf<typeof orders>, 'screening_id'> & Pick<ColumnsOf<typeof holds>, 'pool_kind'> & { festival_id: string }>(tx, sql`
    SELECT o.screening_id, h.pool_kind, s.festival_id FROM orders o JOIN holds h ON h.id = o.hold_id JOIN screenings s ON s.id = o.screening_id
    WHERE o.id = ${orderId}`);
  if (!order) return { ticketIds: [], valueCents: 0, fundCreditedCents: 0 };
  const only = ticketIds ? sql`AND t.id = ANY(${uuidArray(ticketIds)})` : sql``;
  const debits = await rows<{ ticket_id: string; debited: number }>(tx, sql`
    SELECT e.ticket_id, -e.amount_cents AS debited FROM fund_entries e JOIN tickets t ON t.id = e.ticket_id
    WHERE e.kind = 'ticket' AND t.order_id = ${orderId} AND t.status = 'valid' ${only}`);
  if (debits.length > 0) {
    await tx.execute(sql`INSERT INTO access_funds (festival_id) VALUES (${order.festival_id}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`SELECT 1 FROM access_funds WHERE festival_id = ${order.festival_id} FOR UPDATE`);
  }
  const voided = await rows<Pick<ColumnsOf<typeof tickets>, 'id' | 'seat_id' | 'price_cents'>>(tx, sql`
    UPDATE tickets t SET status = 'void' WHERE t.order_id = ${orderId} AND t.status = 'valid' ${only} RETURNING t.id, t.seat_id, t.price_cents`);
  if (voided.length === 0) return { ticketIds: [], valueCents: 0, fundCreditedCents: 0 };
  let fundCreditedCents = 0;
  const voidedIds = new Set(voided.map((v) => v.id));
  for (const d of debits.filter((d) => voidedIds.has(d.ticket_id))) {
    const credit = await moveFund(tx, {
      festivalId: order.festival_id,
      kind: 'ticket_void',
      amountCents: d.debited,
      ticketId: d.ticket_id,
      actorId,
      note: 'Donated ticket voided: its screening was cancelled',
    });
    if (credit.ok && credit.recorded) fundCreditedCents += d.debited;
  }
  await tx.execute(poolUpdate.unsell(order.screening_id, order.pool_kind, voided.length));
  const seatIds = voided.map((v) => v.seat_id).filter((s): s is string => s !== null);
  if (seatIds.length) {
    await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
      WHERE screening_id = ${order.screening_id} AND seat_id = ANY(${uuidArray(seatIds)}) AND state = 'sold'`);
  }
  return { ticketIds: voided.map((v) => v.id), valueCents: voided.reduce((sum, v) => sum + v.price_cents, 0), fundCreditedCents };
}
