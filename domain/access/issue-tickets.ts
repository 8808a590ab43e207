import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { AccessScheme } from '@/db/schema/screenings';
import { firstRow } from '@/db/sql';
import { issueTickets } from '@/domain/orders/issue-tickets';
import type { PoolKind } from '@/domain/inventory/pools';
import type { OrderSettings } from '@/domain/payments/orders';

export interface FreeTicketsRequest {
  screeningId: string;
  /** The scheme the tickets are issued under: their $0 ticket type and the order's scheme. */
  scheme: AccessScheme;
  /** Where the places come from: the scheme's own pool, or the paid tickets' pool (donated tickets from general sale). */
  pool: PoolKind;
  quantity: number;
  /** Named seats in a reserved house (the same companion rule as a purchase); else the best free ones. */
  seatIds?: string[];
  /** A live hold of this screening and pool that already keeps the places (a waiting-list offer): it is converted. */
  fromHoldId?: string;
  /** One per ticket, in order; missing ones are the buyer's name. */
  holderNames?: (string | null | undefined)[];
  buyer: { name: string; email: string; userId?: string | null };
  organisationId?: string | null;
  donationRequestId?: string | null;
  /** Email the tickets to the buyer (default true). */
  sendEmail?: boolean;
}

export type FreeTicketsResult =
  | { ok: true; orderId: string; orderNumber: string; tickets: { id: string; code: string; seat: string | null }[] }
  | { ok: false; reason: 'screening_not_found' | 'screening_closed' | 'invalid_request' | 'not_enough_places' | 'seats_unavailable'; message: string };

/**
 * Issues `quantity` free tickets of an access scheme inside the caller's transaction, through the one issuing command
 * (domain/orders/issue-tickets.ts): the pool's conditional write, the same seat map, a converted hold, a $0 paid order
 * (no Stripe step, no payment row) and tickets exactly like paid ones, emailed with their PDF and calendar file.
 * A refusal leaves the caller's transaction as it was (a savepoint); the caller locks its own rows (person, allotment,
 * fund, code) before calling.
 */
export async function issueFreeTickets(tx: Transaction, req: FreeTicketsRequest, settings: OrderSettings): Promise<FreeTicketsResult> {
  if (!Number.isInteger(req.quantity) || req.quantity < 1 || req.quantity > 50) {
    return { ok: false, reason: 'invalid_request', message: 'Choose between 1 and 50 tickets.' };
  }
  const type = await firstRow<{ id: string }>(tx, sql`
    SELECT id FROM ticket_types WHERE screening_id = ${req.screeningId} AND scheme = ${req.scheme}::access_scheme`);
  if (!type) return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
  const issued = await issueTickets(
    tx,
    {
      screeningId: req.screeningId,
      pool: req.pool,
      lines: [{ ticketTypeId: type.id, quantity: req.quantity, unitPriceCents: 0 }],
      seatIds: req.seatIds,
      fromHoldId: req.fromHoldId,
      holderNames: req.holderNames,
      buyer: req.buyer,
      source: 'online',
      scheme: req.scheme,
      organisationId: req.organisationId,
      donationRequestId: req.donationRequestId,
      sendEmail: req.sendEmail,
    },
    settings,
  );
  if (!issued.ok) {
    if (issued.reason === 'screening_closed') return { ok: false, reason: 'screening_closed', message: 'This screening has started or was cancelled.' };
    return issued;
  }
  return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber, tickets: issued.tickets };
}
