import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import type { CancellationOrderState } from '@/db/schema/cancellations';
import { firstRow, rows, type SqlRunner } from '@/db/sql';
import { creditDonation } from '@/domain/access-fund/donations';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import type { OrderSettings } from '@/domain/payments/orders';
import { exchangeInTransaction, ExchangeInput, finishRefund, type ExchangeFailure, type ExchangeResult } from '@/domain/exchanges/exchange-order';
import { transact } from '@/domain/shared/refusal';
import { hashToken } from '@/platform/tokens';
import { isChoiceTokenShape } from './choice-token';
import { refundNext } from './job';
import { voidOrderTickets } from './void-tickets';

/**
 * The holder's side of a cancellation, reached only through the private link in their email (its token's hash is
 * the row's key; a wrong token finds nothing). Each choice is a conditional move of the row out of `offered` under
 * its lock, so two clicks, two tabs or the deadline's automatic refund racing a choice leave exactly one outcome.
 */

export interface ChoiceView {
  screeningId: string;
  orderId: string;
  state: CancellationOrderState;
  title: string;
  startsAt: Date;
  timeZone: string;
  festivalId: string;
  festivalName: string;
  orderNumber: string;
  buyerName: string;
  tickets: number;
  /** What the valid tickets cost: what a refund gives back and a gift gives the fund. */
  valueCents: number;
  /** The most one ticket cost: an exchange may go to tickets no dearer than this, each. */
  maxUnitCents: number;
  currency: string;
  refundDeadline: Date;
  reason: string;
}

type ChoiceRow = {
  screening_id: string;
  order_id: string;
  state: CancellationOrderState;
  title: string;
  starts_at: string;
  time_zone: string;
  festival_id: string;
  festival_name: string;
  number: string;
  buyer_name: string;
  tickets: number;
  value_cents: number;
  max_unit_cents: number;
  currency: string;
  refund_deadline: string;
  reason: string;
};

const CHOICE = (tokenHash: string) => sql`
  SELECT co.screening_id, co.order_id, co.state, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at,
         f.time_zone, f.id AS festival_id, f.name AS festival_name, o.number, o.buyer_name, o.currency,
         (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets,
         (SELECT coalesce(sum(t.price_cents), 0)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS value_cents,
         (SELECT coalesce(max(t.price_cents), 0)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS max_unit_cents,
         to_json(c.refund_deadline) #>> '{}' AS refund_deadline, c.reason
  FROM cancellation_orders co JOIN screening_cancellations c ON c.screening_id = co.screening_id
  JOIN orders o ON o.id = co.order_id JOIN screenings s ON s.id = co.screening_id JOIN festivals f ON f.id = s.festival_id
  WHERE co.choice_token_hash = ${tokenHash}`;

function toView(r: ChoiceRow): ChoiceView {
  return {
    screeningId: r.screening_id,
    orderId: r.order_id,
    state: r.state,
    title: r.title,
    startsAt: new Date(r.starts_at),
    timeZone: r.time_zone,
    festivalId: r.festival_id,
    festivalName: r.festival_name,
    orderNumber: r.number,
    buyerName: r.buyer_name,
    tickets: r.tickets,
    valueCents: r.value_cents,
    maxUnitCents: r.max_unit_cents,
    currency: r.currency,
    refundDeadline: new Date(r.refund_deadline),
    reason: r.reason,
  };
}

/** The holder's choice page, or null for a token that opens nothing. */
export async function getChoiceView(token: string, db: SqlRunner = getDb()): Promise<ChoiceView | null> {
  if (!isChoiceTokenShape(token)) return null;
  const row = await firstRow<ChoiceRow>(db, CHOICE(hashToken(token)));
  return row ? toView(row) : null;
}

export interface ExchangeOption {
  screeningId: string;
  title: string;
  startsAt: Date;
  venue: string;
  /** The ticket types no dearer than the holder's tickets, with the places left in general sale. */
  ticketTypes: { id: string; name: string; priceCents: number }[];
  placesLeft: number;
}

/**
 * Where a holder may exchange to by themselves: another screening of the same festival, selling now, with room for
 * all their tickets, and a ticket type no dearer than what they paid, the same film's first; at most 100. Dearer ones
 * are for the box office.
 */
export async function listExchangeOptions(view: Pick<ChoiceView, 'festivalId' | 'screeningId' | 'tickets' | 'maxUnitCents'>, db: SqlRunner = getDb()): Promise<ExchangeOption[]> {
  const found = await rows<{ id: string; title: string; starts_at: string; venue: string; places_left: number; types: { id: string; name: string; price_cents: number }[] }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue,
           greatest(p.capacity - p.held - p.sold, 0) AS places_left,
           (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'price_cents', t.price_cents) ORDER BY t.position, t.price_cents DESC)
              FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL AND t.price_cents <= ${view.maxUnitCents}) AS types
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = 'standard'
    WHERE s.festival_id = ${view.festivalId} AND s.id <> ${view.screeningId} AND s.status = 'on_sale' AND s.starts_at > now()
      AND p.capacity - p.held - p.sold >= ${view.tickets}
    -- The same film's other screenings first (what most holders want), then the rest of the festival in time order.
    ORDER BY EXISTS (SELECT 1 FROM screening_films a JOIN screening_films b ON b.film_id = a.film_id
                     WHERE a.screening_id = s.id AND b.screening_id = ${view.screeningId}) DESC, s.starts_at, s.id
    LIMIT 100`);
  return found
    .filter((s) => s.types && s.types.length > 0)
    .map((s) => ({
      screeningId: s.id,
      title: s.title,
      startsAt: new Date(s.starts_at),
      venue: s.venue,
      placesLeft: s.places_left,
      ticketTypes: s.types.map((t) => ({ id: t.id, name: t.name, priceCents: t.price_cents })),
    }));
}

export type ChoiceFailure =
  | { ok: false; reason: 'not_found'; message: string }
  | { ok: false; reason: 'deadline_passed'; message: string }
  | { ok: false; reason: 'screening_closed'; message: string }
  | { ok: false; reason: 'already_decided'; message: string; state: CancellationOrderState };

export type ChoiceResult = { ok: true; state: CancellationOrderState } | ChoiceFailure;

const NOT_FOUND: ChoiceFailure = { ok: false, reason: 'not_found', message: 'This link does not open a choice.' };
const decided = (state: CancellationOrderState): ChoiceFailure => ({
  ok: false,
  reason: 'already_decided',
  state,
  message: 'A choice has already been made for this order.',
});

const LATE: ChoiceFailure = {
  ok: false,
  reason: 'deadline_passed',
  message: 'The deadline to choose has passed: your tickets are refunded to your original payment method.',
};

/** Locks the row the token names; null when the token opens nothing. `late`: the refund deadline has passed. */
async function lockChoice(tx: Transaction, token: string): Promise<{ screening_id: string; order_id: string; state: CancellationOrderState; late: boolean } | null> {
  if (!isChoiceTokenShape(token)) return null;
  return firstRow(tx, sql`
    SELECT co.screening_id, co.order_id, co.state, c.refund_deadline <= now() AS late
    FROM cancellation_orders co JOIN screening_cancellations c ON c.screening_id = co.screening_id
    WHERE co.choice_token_hash = ${hashToken(token)} FOR UPDATE OF co`);
}

/**
 * The holder asks for their money back: the row moves to refund_pending at once (the decision is kept even if what
 * follows crashes), then the refund is asked for under the cancellation's request key, as the job would.
 */
export async function chooseRefund(db: Database, token: string, settings: OrderSettings): Promise<ChoiceResult> {
  const claimed = await transact<{ screeningId: string; orderId: string }, ChoiceFailure>(db, async (tx, refuse) => {
    const row = await lockChoice(tx, token);
    if (!row) return refuse(NOT_FOUND);
    if (row.state !== 'offered') return refuse(decided(row.state));
    await tx.execute(sql`UPDATE cancellation_orders SET state = 'refund_pending', decided_at = now()
      WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
    return { screeningId: row.screening_id, orderId: row.order_id };
  });
  if ('ok' in claimed) return claimed;
  // Done now so the holder sees it; if this fails, the job's next run does it under the same key.
  await refundNext(db, claimed, settings, {}, []).catch((error: unknown) => console.error('[cancellations] refund on choice failed; the job retries', error));
  const after = await firstRow<{ state: CancellationOrderState }>(db, sql`
    SELECT state FROM cancellation_orders WHERE screening_id = ${claimed.screeningId} AND order_id = ${claimed.orderId}`);
  return { ok: true, state: after?.state ?? 'refund_pending' };
}

/**
 * The holder turns their tickets into a gift to the access fund: no money moves back. In one transaction the tickets
 * are voided (places back, seats freed), a donation of their price is recorded against the order's own payment and
 * credited to the fund once (`creditDonation`, which also sends the receipt), and the order ends. The fund row is
 * locked before voiding, so the fund comes before the pool as in every other fund move.
 */
export async function chooseDonation(db: Database, token: string, settings: OrderSettings): Promise<ChoiceResult> {
  return transact<ChoiceResult, ChoiceFailure>(db, async (tx, refuse) => {
    const row = await lockChoice(tx, token);
    if (!row) return refuse(NOT_FOUND);
    if (row.state !== 'offered') return refuse(decided(row.state));
    // After the deadline the only outcome is the refund the job makes: a late click must not undo it.
    if (row.late) return refuse(LATE);
    const order = await firstRow<{ festival_id: string; currency: string; buyer_name: string; buyer_email: string; payment_intent: string | null }>(tx, sql`
      SELECT s.festival_id, o.currency, o.buyer_name, o.buyer_email,
             coalesce((SELECT p.stripe_payment_intent_id FROM payments p WHERE p.order_id = o.id AND p.method = 'stripe' ORDER BY p.created_at LIMIT 1),
                      o.stripe_payment_intent_id) AS payment_intent
      FROM orders o JOIN screenings s ON s.id = o.screening_id WHERE o.id = ${row.order_id} FOR UPDATE OF o`);
    if (!order) return refuse(NOT_FOUND);
    await tx.execute(sql`INSERT INTO access_funds (festival_id) VALUES (${order.festival_id}) ON CONFLICT DO NOTHING`);
    await tx.execute(sql`SELECT 1 FROM access_funds WHERE festival_id = ${order.festival_id} FOR UPDATE`);
    const voided = await voidOrderTickets(tx, row.order_id, null);
    if (voided.valueCents > 0) {
      // Not linked by order_id: an order's gift (donations.order_id) is the one its checkout added, which a refund
      // of the order reverses; this gift is final, so it stands alone, traced to the order's payment.
      const gift = await firstRow<{ id: string }>(tx, sql`
        INSERT INTO donations (festival_id, amount_cents, tickets, currency, donor_name, donor_email, stripe_payment_intent_id)
        VALUES (${order.festival_id}, ${voided.valueCents}, ${voided.ticketIds.length}, ${order.currency}, ${order.buyer_name},
                ${order.buyer_email}, ${order.payment_intent}) RETURNING id`);
      await creditDonation(tx, gift!.id, order.payment_intent, settings);
    }
    await tx.execute(sql`UPDATE orders SET status = 'cancelled', ended_at = now(),
      note = 'Screening cancelled: the holder turned the tickets into a gift to the access fund.' WHERE id = ${row.order_id}`);
    await tx.execute(sql`UPDATE cancellation_orders SET state = 'donated', decided_at = now()
      WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
    return { ok: true, state: 'donated' } as const;
  });
}

export type ExchangeChoiceResult = { ok: true; state: 'exchanged'; orderNumber: string; refundedCents: number } | ChoiceFailure | ExchangeFailure;

/**
 * The holder exchanges by themselves: all their tickets to another screening of the festival, the same number, at one
 * ticket type no dearer in total (the difference is refunded). A dearer exchange is refused with "ask the box office".
 * The cancellation row is locked first, then the order (inside the exchange), so a choice and the deadline's refund
 * cannot both happen.
 */
export async function chooseExchange(
  db: Database,
  token: string,
  choice: { toScreeningId: string; ticketTypeId: string },
  settings: OrderSettings,
): Promise<ExchangeChoiceResult> {
  const parsed = z.object({ toScreeningId: z.guid(), ticketTypeId: z.guid() }).safeParse(choice);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: 'Choose a screening and a ticket type.' };
  type Refused = ChoiceFailure | ExchangeFailure;
  const result = await transact<ExchangeChoiceResult | ExchangeResult, Refused>(db, async (tx, refuse) => {
    const row = await lockChoice(tx, token);
    if (!row) return refuse(NOT_FOUND);
    if (row.state !== 'offered') return refuse(decided(row.state));
    if (row.late) return refuse(LATE);
    // The holder may go only where the choice page offers: a screening selling now (not one whose sale has not
    // opened, nor one already started); issueTickets checks the ticket type, the places and the cancellation.
    const target = await firstRow<{ open: boolean }>(tx, sql`
      SELECT status = 'on_sale' AND starts_at > now() AS open FROM screenings WHERE id = ${parsed.data.toScreeningId}`);
    if (!target?.open) return refuse({ ok: false, reason: 'screening_closed', message: 'That screening is not on sale: choose another.' });
    const count = await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tickets WHERE order_id = ${row.order_id} AND status = 'valid'`);
    const input = ExchangeInput.parse({
      orderId: row.order_id,
      toScreeningId: parsed.data.toScreeningId,
      lines: [{ ticketTypeId: parsed.data.ticketTypeId, quantity: count!.n }],
      reason: 'Screening cancelled: exchanged by the holder, the difference refunded.',
    });
    return exchangeInTransaction(tx, refuse, { by: 'holder' }, input, settings);
  });
  if (!result.ok) return result;
  if ('state' in result) return result;
  const finished = await finishRefund(result);
  if (!finished.ok) return finished;
  return { ok: true, state: 'exchanged', orderNumber: finished.orderNumber, refundedCents: finished.refundedCents };
}
