import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { AccessScheme } from '@/db/schema/screenings';
import type { holds, seats, ticketTypes } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { claimBestSeats, claimNamedSeats, CompanionRule, Conflict, type HeldSeat } from '@/domain/booking/claim-seats';
import { poolUpdate, placesLeft, type PoolKind } from '@/domain/inventory/pools';
import { emailOrderTickets, type OrderSettings } from '@/domain/payments/orders';
import { hashToken, newOrderNumber, newTicketCode, newToken } from '@/platform/tokens';
import { seatLabel } from '@/lib/seats';

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
 * Issues `quantity` free tickets of an access scheme inside the caller's transaction: takes the places from the
 * pool with the same conditional write as a sale (`held + sold + n <= capacity`, so the house is never exceeded),
 * claims seats in a reserved house from the same seat map, and records a converted hold, a $0 paid order (no
 * Stripe step) and tickets exactly like paid ones, emailed with their PDF and calendar file.
 *
 * Its writes run in a savepoint: a refusal leaves the caller's transaction as it was, and the caller decides
 * whether to go on or to roll back its own earlier writes (domain/shared/refusal.ts). The caller locks its own
 * rows (person, allotment, fund, code) before calling, so the lock order stays: those, then the pool row, then
 * the seat rows.
 */
export async function issueFreeTickets(tx: Transaction, req: FreeTicketsRequest, settings: OrderSettings): Promise<FreeTicketsResult> {
  if (!Number.isInteger(req.quantity) || req.quantity < 1 || req.quantity > 50) {
    return { ok: false, reason: 'invalid_request', message: 'Choose between 1 and 50 tickets.' };
  }
  const screening = await firstRow<{
    reserved: boolean;
    open: boolean;
    width: number | null;
    depth: number | null;
    currency: string;
    type: Pick<ColumnsOf<typeof ticketTypes>, 'id' | 'name'> | null;
  }>(tx, sql`
    SELECT v.seating = 'reserved' AS reserved,
           (s.status <> 'cancelled' AND s.starts_at > now()) AS open,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(x) + 1 FROM seats WHERE venue_id = v.id) END AS width,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(y) + 1 FROM seats WHERE venue_id = v.id) END AS depth,
           f.currency,
           (SELECT json_build_object('id', t.id, 'name', t.name) FROM ticket_types t
             WHERE t.screening_id = s.id AND t.scheme = ${req.scheme}::access_scheme) AS type
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id
    WHERE s.id = ${req.screeningId}`);
  if (!screening || !screening.type) return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
  if (!screening.open) return { ok: false, reason: 'screening_closed', message: 'This screening has started or was cancelled.' };
  const named = req.seatIds ?? [];
  if (named.length > 0 && !screening.reserved) {
    return { ok: false, reason: 'invalid_request', message: 'This screening has unreserved seating: do not name seats.' };
  }
  if (named.length > 0 && (named.length !== req.quantity || new Set(named).size !== named.length)) {
    return { ok: false, reason: 'invalid_request', message: `Choose exactly ${req.quantity} different seats.` };
  }
  const type = screening.type;

  try {
    return await tx.transaction(async (sp) => {
      let holdId: string;
      let seatIds: string[] = [];
      if (req.fromHoldId) {
        const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'quantity'>>(sp, sql`
          UPDATE holds SET status = 'converted', ended_at = now()
          WHERE id = ${req.fromHoldId} AND screening_id = ${req.screeningId} AND pool_kind = ${req.pool}::pool_kind
            AND status = 'active' AND quantity = ${req.quantity}
          RETURNING quantity`);
        if (!hold) throw new Refused('not_enough_places', 'This offer is no longer open.');
        holdId = req.fromHoldId;
        await sp.execute(poolUpdate.sellHeld(req.screeningId, req.pool, req.quantity));
        seatIds = (
          await rows<{ seat_id: string }>(sp, sql`
            UPDATE screening_seats SET state = 'sold' WHERE hold_id = ${holdId} AND state = 'held' RETURNING seat_id`)
        ).map((r) => r.seat_id);
        await sp.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ${holdId}`);
      } else {
        holdId = randomUUID();
        const taken = await sp.execute(sql`${poolUpdate.sellFree(req.screeningId, req.pool, req.quantity)} RETURNING 1`);
        if (taken.length === 0) {
          const left = await firstRow<{ left: number | null }>(sp, sql`SELECT ${placesLeft(req.screeningId, req.pool)} AS left`);
          const n = left?.left ?? 0;
          throw new Refused('not_enough_places', n === 0 ? 'No places left.' : `Only ${n} place${n === 1 ? '' : 's'} left.`);
        }
        // A converted hold records which pool the places came from: every later move (a cancellation, a refund) reads it there.
        await sp.execute(sql`INSERT INTO holds (id, screening_id, pool_kind, status, quantity, token_hash, client_key, expires_at, ended_at)
          VALUES (${holdId}, ${req.screeningId}, ${req.pool}::pool_kind, 'converted', ${req.quantity}, ${hashToken(newToken())},
                  ${`access:${req.scheme}`}, now(), now())`);
        await sp.execute(sql`INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents) VALUES (${holdId}, ${type.id}, ${req.quantity}, 0)`);
        if (screening.reserved) {
          const held: HeldSeat[] =
            named.length > 0 ? await claimNamedSeats(sp, req.screeningId, holdId, named) : await claimBestSeats(sp, req.screeningId, holdId, req.quantity, screening);
          seatIds = held.map((s) => s.id);
          await sp.execute(sql`UPDATE screening_seats SET state = 'sold' WHERE hold_id = ${holdId} AND state = 'held'`);
          await sp.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ${holdId}`);
        }
      }

      const order = await firstRow<{ id: string; number: string }>(sp, sql`
        INSERT INTO orders (number, screening_id, hold_id, status, user_id, buyer_name, buyer_email, total_cents, currency, paid_at,
                            scheme, organisation_id, donation_request_id)
        VALUES (${newOrderNumber()}, ${req.screeningId}, ${holdId}, 'paid', ${req.buyer.userId ?? null}, ${req.buyer.name},
                ${req.buyer.email.toLowerCase()}, 0, ${screening.currency}, now(), ${req.scheme}::access_scheme,
                ${req.organisationId ?? null}, ${req.donationRequestId ?? null})
        RETURNING id, number`);
      await sp.execute(sql`INSERT INTO order_items (order_id, ticket_type_id, name, quantity, unit_price_cents)
        VALUES (${order!.id}, ${type.id}, ${type.name}, ${req.quantity}, 0)`);
      const ordered = seatIds.length
        ? await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'kind'>>(sp, sql`
            SELECT id, row_label, seat_number, kind FROM seats WHERE id = ANY(${uuidArray(seatIds)}) ORDER BY y, x`)
        : [];
      const issued: { id: string; code: string; seat: string | null }[] = [];
      for (let i = 0; i < req.quantity; i++) {
        const seat = ordered[i];
        const holder = req.holderNames?.[i]?.trim() || req.buyer.name;
        const code = newTicketCode();
        const ticket = await firstRow<{ id: string }>(sp, sql`
          INSERT INTO tickets (code, order_id, screening_id, ticket_type_id, seat_id, price_cents, holder_name)
          VALUES (${code}, ${order!.id}, ${req.screeningId}, ${type.id}, ${seat?.id ?? null}, 0, ${holder}) RETURNING id`);
        issued.push({ id: ticket!.id, code, seat: seat ? seatLabel({ row: seat.row_label, number: seat.seat_number, kind: seat.kind }) : null });
      }
      if (req.sendEmail ?? true) await emailOrderTickets(sp, order!.id, settings);
      return { ok: true, orderId: order!.id, orderNumber: order!.number, tickets: issued } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, message: error.message };
    if (error instanceof Conflict) return { ok: false, reason: 'seats_unavailable', message: error.message };
    if (error instanceof CompanionRule) return { ok: false, reason: 'invalid_request', message: error.message };
    throw error;
  }
}

class Refused extends Error {
  constructor(
    readonly reason: 'not_enough_places',
    message: string,
  ) {
    super(message);
  }
}
