import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import type { OrderSource } from '@/db/schema/orders';
import type { PaymentMethod } from '@/db/schema/payments';
import type { AccessScheme } from '@/db/schema/screenings';
import type { holds, seats } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { claimBestSeats, claimNamedSeats, CompanionRule, Conflict, type HeldSeat } from '@/domain/booking/claim-seats';
import { poolUpdate, placesLeft, type PoolKind } from '@/domain/inventory/pools';
import { emailOrderTickets, type OrderSettings } from '@/domain/payments/orders';
import { hashToken, newOrderNumber, newTicketCode, newToken } from '@/platform/tokens';
import { seatLabel } from '@/lib/seats';

/** The most tickets one order issued this way may hold. */
export const MAX_ISSUED_TICKETS = 50;

export interface IssueLine {
  ticketTypeId: string;
  quantity: number;
  /** The price each ticket is sold at; the type's own price when left out (complimentary tickets: 0). */
  unitPriceCents?: number;
}

export interface IssuePayment {
  method: PaymentMethod;
  amountCents: number;
  /** A card terminal's receipt number; the order an exchange credit came from. */
  reference?: string | null;
  /** Why tickets were complimentary (required for that method). */
  reason?: string | null;
}

export interface IssueTicketsRequest {
  screeningId: string;
  /** Where the places come from: the paid tickets' pool ('standard') or an access scheme's own pool. */
  pool: PoolKind;
  lines: IssueLine[];
  /** Named seats in a reserved house (the same companion rule as a purchase); else the best free ones. */
  seatIds?: string[];
  /** A live hold of this screening and pool that already keeps the places (a waiting-list offer): it is converted. */
  fromHoldId?: string;
  /** One per ticket, in order; missing ones are the buyer's name. */
  holderNames?: (string | null | undefined)[];
  buyer: { name: string; email: string; userId?: string | null };
  source: OrderSource;
  /** The staff member issuing the order (door and exchange orders). */
  createdById?: string | null;
  exchangedFromOrderId?: string | null;
  /** Set for a $0 access order: its scheme. */
  scheme?: AccessScheme | null;
  organisationId?: string | null;
  donationRequestId?: string | null;
  /** The payment row to record with the order (none for an access order). */
  payment?: IssuePayment | null;
  /** Email the tickets to the buyer (default true). */
  sendEmail?: boolean;
  /** The desk may sell until the screening ends (a latecomer, the rush line); online and access issuing stop at the start. */
  allowAfterStart?: boolean;
}

export type IssueTicketsFailure = 'screening_not_found' | 'screening_closed' | 'invalid_request' | 'not_enough_places' | 'seats_unavailable';

export type IssueTicketsResult =
  | { ok: true; orderId: string; orderNumber: string; totalCents: number; tickets: { id: string; code: string; seat: string | null }[] }
  | { ok: false; reason: IssueTicketsFailure; message: string };

interface TypeRow {
  id: string;
  name: string;
  price_cents: number;
  scheme: AccessScheme | null;
  active: boolean;
}

/**
 * Issues tickets without an online hold, inside the caller's transaction: a desk sale, complimentary tickets, the new
 * half of an exchange, a rush-line sale, an access claim. Takes the places from the pool with the same conditional
 * write as a sale (`held + sold + n <= capacity`, so the house is never exceeded), claims seats in a reserved house
 * from the same seat map, and records a converted hold (which keeps the pool the places came from, for every later
 * refund or cancellation), an order, its items, tickets exactly like paid ones and, when given, its payment row.
 *
 * Its writes run in a savepoint: a refusal leaves the caller's transaction as it was, and the caller decides whether
 * to go on or to roll back its own earlier writes (domain/shared/refusal.ts). The caller locks its own rows first
 * (person, allotment, fund, code, rush line), so the lock order stays: those, then the pool row, then the seat rows.
 */
export async function issueTickets(tx: Transaction, req: IssueTicketsRequest, settings: OrderSettings): Promise<IssueTicketsResult> {
  const quantity = req.lines.reduce((n, l) => n + l.quantity, 0);
  if (req.lines.length === 0 || req.lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1) || quantity > MAX_ISSUED_TICKETS) {
    return { ok: false, reason: 'invalid_request', message: `Choose between 1 and ${MAX_ISSUED_TICKETS} tickets.` };
  }
  if (req.lines.some((l) => l.unitPriceCents !== undefined && (!Number.isInteger(l.unitPriceCents) || l.unitPriceCents < 0))) {
    return { ok: false, reason: 'invalid_request', message: 'A price must be a whole number of cents, zero or more.' };
  }
  if (new Set(req.lines.map((l) => l.ticketTypeId)).size !== req.lines.length) {
    return { ok: false, reason: 'invalid_request', message: 'Name each ticket type once.' };
  }
  if (req.payment?.method === 'complimentary' && !req.payment.reason?.trim()) {
    return { ok: false, reason: 'invalid_request', message: 'Complimentary tickets need a reason.' };
  }
  const screening = await firstRow<{
    reserved: boolean;
    open: boolean;
    width: number | null;
    depth: number | null;
    currency: string;
  }>(tx, sql`
    SELECT v.seating = 'reserved' AS reserved,
           (s.status <> 'cancelled' AND (s.starts_at > now() OR (${req.allowAfterStart ?? false} AND s.ends_at > now()))) AS open,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(x) + 1 FROM seats WHERE venue_id = v.id) END AS width,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(y) + 1 FROM seats WHERE venue_id = v.id) END AS depth,
           f.currency
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id
    WHERE s.id = ${req.screeningId}`);
  if (!screening) return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
  if (!screening.open) return { ok: false, reason: 'screening_closed', message: 'This screening has ended or was cancelled.' };

  const types = await rows<TypeRow>(tx, sql`
    SELECT id, name, price_cents, scheme, active FROM ticket_types
    WHERE screening_id = ${req.screeningId} AND id = ANY(${uuidArray(req.lines.map((l) => l.ticketTypeId))})`);
  const typeOf = new Map(types.map((t) => [t.id, t]));
  for (const line of req.lines) {
    const type = typeOf.get(line.ticketTypeId);
    if (!type) return { ok: false, reason: 'invalid_request', message: 'A ticket type does not belong to this screening.' };
    // An access scheme's $0 type is issued only for that scheme; paid types only outside the schemes.
    if ((type.scheme ?? null) !== (req.scheme ?? null)) return { ok: false, reason: 'invalid_request', message: `“${type.name}” cannot be issued here.` };
    if (!type.active && !req.scheme) return { ok: false, reason: 'invalid_request', message: `“${type.name}” is no longer sold.` };
  }
  const units = req.lines
    .flatMap((l) => Array.from({ length: l.quantity }, () => ({ type: typeOf.get(l.ticketTypeId)!, price: l.unitPriceCents ?? typeOf.get(l.ticketTypeId)!.price_cents })))
    .sort((a, b) => b.price - a.price || a.type.id.localeCompare(b.type.id));
  const totalCents = units.reduce((n, u) => n + u.price, 0);

  const named = req.seatIds ?? [];
  if (named.length > 0 && !screening.reserved) {
    return { ok: false, reason: 'invalid_request', message: 'This screening has unreserved seating: do not name seats.' };
  }
  if (named.length > 0 && (named.length !== quantity || new Set(named).size !== named.length)) {
    return { ok: false, reason: 'invalid_request', message: `Choose exactly ${quantity} different seats.` };
  }

  try {
    return await tx.transaction(async (sp) => {
      let holdId: string;
      let seatIds: string[] = [];
      if (req.fromHoldId) {
        const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'quantity'>>(sp, sql`
          UPDATE holds SET status = 'converted', ended_at = now()
          WHERE id = ${req.fromHoldId} AND screening_id = ${req.screeningId} AND pool_kind = ${req.pool}::pool_kind
            AND status = 'active' AND quantity = ${quantity}
          RETURNING quantity`);
        if (!hold) throw new Refused('not_enough_places', 'This offer is no longer open.');
        holdId = req.fromHoldId;
        await sp.execute(poolUpdate.sellHeld(req.screeningId, req.pool, quantity));
        seatIds = (
          await rows<{ seat_id: string }>(sp, sql`
            UPDATE screening_seats SET state = 'sold' WHERE hold_id = ${holdId} AND state = 'held' RETURNING seat_id`)
        ).map((r) => r.seat_id);
        await sp.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ${holdId}`);
      } else {
        holdId = randomUUID();
        const taken = await sp.execute(sql`${poolUpdate.sellFree(req.screeningId, req.pool, quantity)} RETURNING 1`);
        if (taken.length === 0) {
          const left = await firstRow<{ left: number | null }>(sp, sql`SELECT ${placesLeft(req.screeningId, req.pool)} AS left`);
          const n = left?.left ?? 0;
          throw new Refused('not_enough_places', n === 0 ? 'No places left.' : `Only ${n} place${n === 1 ? '' : 's'} left.`);
        }
        // A converted hold records which pool the places came from: every later move (a cancellation, a refund) reads it there.
        await sp.execute(sql`INSERT INTO holds (id, screening_id, pool_kind, status, quantity, token_hash, client_key, expires_at, ended_at)
          VALUES (${holdId}, ${req.screeningId}, ${req.pool}::pool_kind, 'converted', ${quantity}, ${hashToken(newToken())},
                  ${req.scheme ? `access:${req.scheme}` : `desk:${req.source}`}, now(), now())`);
        for (const line of req.lines) {
          await sp.execute(sql`INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents)
            VALUES (${holdId}, ${line.ticketTypeId}, ${line.quantity}, ${line.unitPriceCents ?? typeOf.get(line.ticketTypeId)!.price_cents})`);
        }
        if (screening.reserved) {
          const held: HeldSeat[] =
            named.length > 0
              ? await claimNamedSeats(sp, req.screeningId, holdId, named)
              : await claimBestSeats(sp, req.screeningId, holdId, quantity, { width: screening.width, depth: screening.depth });
          seatIds = held.map((s) => s.id);
          await sp.execute(sql`UPDATE screening_seats SET state = 'sold' WHERE hold_id = ${holdId} AND state = 'held'`);
          await sp.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ${holdId}`);
        }
      }

      const order = await firstRow<{ id: string; number: string }>(sp, sql`
        INSERT INTO orders (number, screening_id, hold_id, status, user_id, buyer_name, buyer_email, total_cents, currency, paid_at,
                            scheme, organisation_id, donation_request_id, source, created_by_id, exchanged_from_order_id)
        VALUES (${newOrderNumber()}, ${req.screeningId}, ${holdId}, 'paid', ${req.buyer.userId ?? null}, ${req.buyer.name},
                ${req.buyer.email.toLowerCase()}, ${totalCents}, ${screening.currency}, now(), ${req.scheme ?? null}::access_scheme,
                ${req.organisationId ?? null}, ${req.donationRequestId ?? null}, ${req.source}::order_source, ${req.createdById ?? null},
                ${req.exchangedFromOrderId ?? null})
        RETURNING id, number`);
      for (const line of req.lines) {
        const type = typeOf.get(line.ticketTypeId)!;
        await sp.execute(sql`INSERT INTO order_items (order_id, ticket_type_id, name, quantity, unit_price_cents)
          VALUES (${order!.id}, ${type.id}, ${type.name}, ${line.quantity}, ${line.unitPriceCents ?? type.price_cents})`);
      }
      if (req.payment) {
        await sp.execute(sql`INSERT INTO payments (order_id, method, amount_cents, currency, reference, reason, recorded_by_id)
          VALUES (${order!.id}, ${req.payment.method}::payment_method, ${req.payment.amountCents}, ${screening.currency},
                  ${req.payment.reference ?? null}, ${req.payment.reason?.trim() || null}, ${req.createdById ?? null})`);
      }
      const ordered = seatIds.length
        ? await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'kind'>>(sp, sql`
            SELECT id, row_label, seat_number, kind FROM seats WHERE id = ANY(${uuidArray(seatIds)}) ORDER BY y, x`)
        : [];
      const issued: { id: string; code: string; seat: string | null }[] = [];
      for (const [i, unit] of units.entries()) {
        const seat = ordered[i];
        const holder = req.holderNames?.[i]?.trim() || req.buyer.name;
        const code = newTicketCode();
        const ticket = await firstRow<{ id: string }>(sp, sql`
          INSERT INTO tickets (code, order_id, screening_id, ticket_type_id, seat_id, price_cents, holder_name)
          VALUES (${code}, ${order!.id}, ${req.screeningId}, ${unit.type.id}, ${seat?.id ?? null}, ${unit.price}, ${holder}) RETURNING id`);
        issued.push({ id: ticket!.id, code, seat: seat ? seatLabel({ row: seat.row_label, number: seat.seat_number, kind: seat.kind }) : null });
      }
      if (req.sendEmail ?? true) await emailOrderTickets(sp, order!.id, settings);
      return { ok: true, orderId: order!.id, orderNumber: order!.number, totalCents, tickets: issued } as const;
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
