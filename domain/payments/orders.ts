import { eq, sql } from 'drizzle-orm';
import { renderOrderConfirmation } from '@/platform/email/order-confirmation';
import { renderAutomaticRefund } from '@/platform/email/refund-notice';
import { newOrderNumber, newTicketCode, orderAccessToken } from '@/platform/tokens';
import type { Database, Transaction } from '@/db/client';
import { loadOrderForTickets } from './ticket-views';
import { queueEmail } from '@/domain/notifications/emails';
import { checkHoldToken, type HoldAccess } from '@/domain/booking/holds';
import { chooseBestSeats, endLiveHolds } from '@/domain/inventory/inventory';
import { poolUpdate, type PoolKind } from '@/domain/inventory/pools';
import { holds, orders, type festivals, type holdItems, type holdSeats, type orderItems, type screeningSeats, type seats, type tickets, type ticketTypes } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import {
  creditOrderGift,
  expireOrderGift,
  getOrderGift,
  isEmptyGift,
  lockFundForOrderGift,
  priceOrderGift,
  recordOrderGift,
  refundOrderGift,
  type GiftInput,
} from '@/domain/access-fund/donations';

export interface OrderSettings {
  appSecret: string;
  baseUrl: string;
  holdMinutes: number;
  /** 'pending' when the worker sends by SMTP, 'stored' when the dev outbox is the mailbox. */
  emailStatus: 'pending' | 'stored';
}

export function orderUrl(orderId: string, s: Pick<OrderSettings, 'appSecret' | 'baseUrl'>): string {
  return `${s.baseUrl}/orders/${orderId}?token=${orderAccessToken(orderId, s.appSecret)}`;
}

export interface CheckoutLine {
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export type BeginCheckoutResult =
  | { ok: true; orderId: string; created: boolean; sessionId: string | null; checkoutUrl: string | null; currency: string; lines: CheckoutLine[]; buyerEmail: string; title: string }
  | { ok: false; reason: Exclude<HoldAccess, { ok: true }>['reason'] | 'hold_ended' | 'hold_expired' | 'invalid_gift' };

/**
 * Turns a live hold into a pending order (once: a second call returns the
 * same order, so a double click never makes two orders or sessions) and
 * marks the hold "payment pending" for a fresh hold period, within at most
 * twice the hold time of the hold's creation.
 */
export async function beginCheckout(
  db: Database,
  holdId: string,
  token: string | null,
  buyer: { name: string; email: string; userId?: string | null },
  settings: Pick<OrderSettings, 'holdMinutes'>,
  /** "Donate a ticket" and/or an amount for the access fund, added to a new order's total (ignored for an existing one). */
  gift?: GiftInput | null,
): Promise<BeginCheckoutResult> {
  return db.transaction(async (tx) => {
    const access = await checkHoldToken(tx, holdId, token);
    if (!access.ok) return access;
    const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'status' | 'screening_id'> & { expired: boolean }>(tx, sql`
      SELECT status, expires_at <= now() AS expired, screening_id FROM holds WHERE id = ${holdId} FOR UPDATE`);
    const [existing] = await tx
      .select({ id: orders.id, sessionId: orders.stripeSessionId, checkoutUrl: orders.checkoutUrl, buyerEmail: orders.buyerEmail })
      .from(orders)
      .where(eq(orders.holdId, holdId));
    const lines = await rows<Pick<ColumnsOf<typeof ticketTypes>, 'name'> & Pick<ColumnsOf<typeof holdItems>, 'quantity' | 'unit_price_cents'>>(tx, sql`
      SELECT tt.name, hi.quantity, hi.unit_price_cents FROM hold_items hi JOIN ticket_types tt ON tt.id = hi.ticket_type_id
      WHERE hi.hold_id = ${holdId} ORDER BY tt.position`);
    const meta = await firstRow<Pick<ColumnsOf<typeof festivals>, 'currency'> & { festival_id: string; title: string }>(tx, sql`
      SELECT f.currency, f.id AS festival_id, ${screeningTitleSql(sql`s`)} AS title
      FROM screenings s JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${hold!.screening_id}`);
    const checkoutLines = lines.map((l) => ({ name: l.name, quantity: l.quantity, unitPriceCents: l.unit_price_cents }));
    const common = { currency: meta!.currency, lines: checkoutLines, title: meta!.title };

    if (existing) {
      if (hold!.status !== 'checkout') return { ok: false, reason: 'hold_ended' } as const;
      return { ok: true, orderId: existing.id, created: false, sessionId: existing.sessionId, checkoutUrl: existing.checkoutUrl, buyerEmail: existing.buyerEmail, ...common } as const;
    }
    if (hold!.status !== 'active') return { ok: false, reason: 'hold_ended' } as const;
    if (hold!.expired) {
      await endLiveHolds(tx, [holdId], 'expired');
      return { ok: false, reason: 'hold_expired' } as const;
    }
    const priced = isEmptyGift(gift) ? ({ ok: true, cents: 0 } as const) : await priceOrderGift(tx, hold!.screening_id, gift!);
    if (!priced.ok) return { ok: false, reason: 'invalid_gift' } as const;
    // The gift is part of what the buyer pays, so the order's total (which the payment must match exactly) includes it.
    const total = checkoutLines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0) + priced.cents;
    const order = await firstRow<Pick<ColumnsOf<typeof orders>, 'id'>>(tx, sql`
      INSERT INTO orders (number, screening_id, hold_id, user_id, buyer_name, buyer_email, total_cents, currency)
      VALUES (${newOrderNumber()}, ${hold!.screening_id}, ${holdId}, ${buyer.userId ?? null}, ${buyer.name}, ${buyer.email}, ${total}, ${meta!.currency})
      RETURNING id`);
    await tx.execute(sql`INSERT INTO order_items (order_id, ticket_type_id, name, quantity, unit_price_cents)
      SELECT ${order!.id}, hi.ticket_type_id, tt.name, hi.quantity, hi.unit_price_cents
      FROM hold_items hi JOIN ticket_types tt ON tt.id = hi.ticket_type_id WHERE hi.hold_id = ${holdId}`);
    if (priced.cents > 0) {
      await recordOrderGift(tx, { orderId: order!.id, festivalId: meta!.festival_id, currency: meta!.currency, cents: priced.cents, tickets: gift!.tickets, donor: buyer });
    }
    // Entering checkout is the one extension a hold gets (a hold in checkout never comes back here), and it is
    // bounded: never more than twice the hold time from the hold's creation, so holds cannot be kept alive by
    // starting checkouts.
    await tx.execute(sql`UPDATE holds SET status = 'checkout',
      expires_at = greatest(expires_at, least(
        now() + make_interval(secs => ${settings.holdMinutes * 60}),
        created_at + make_interval(secs => ${settings.holdMinutes * 2 * 60})))
      WHERE id = ${holdId}`);
    return { ok: true, orderId: order!.id, created: true, sessionId: null, checkoutUrl: null, buyerEmail: buyer.email, ...common } as const;
  });
}

export type FulfilResult =
  | { ok: true; outcome: 'issued'; tickets: number; retaken: boolean }
  | { ok: true; outcome: 'already_done'; status: string }
  | { ok: true; outcome: 'refund_due' }
  | { ok: false; reason: 'order_not_found' };

class NoPlaces extends Error {}

/**
 * Payment confirmed: issue the tickets exactly once. If the hold is still
 * there its places become sold; if it was released (the payment came late)
 * the same number of places is taken again if possible, else the order is
 * marked refund_due for the worker to refund. Never money without tickets.
 */
export async function fulfilOrder(tx: Transaction, orderId: string, paymentIntentId: string | null, settings: OrderSettings): Promise<FulfilResult> {
  const [order] = await tx
    .select({ status: orders.status, holdId: orders.holdId, screeningId: orders.screeningId, buyerName: orders.buyerName })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!order) return { ok: false, reason: 'order_not_found' };
  if (!['pending', 'expired', 'failed'].includes(order.status)) return { ok: true, outcome: 'already_done', status: order.status };
  await lockFundForOrderGift(tx, orderId);

  const [hold] = await tx
    .select({ status: holds.status, quantity: holds.quantity, poolKind: holds.poolKind })
    .from(holds)
    .where(eq(holds.id, order.holdId))
    .for('update');
  const quantity = hold!.quantity;
  const pool = hold!.poolKind;
  let seatIds: string[] = [];
  let retaken = false;

  if (hold!.status === 'checkout' || hold!.status === 'active') {
    await tx.execute(poolUpdate.sellHeld(order.screeningId, pool, quantity));
    const sold = await rows<Pick<ColumnsOf<typeof screeningSeats>, 'seat_id'>>(tx, sql`
      UPDATE screening_seats SET state = 'sold' WHERE hold_id = ${order.holdId} AND state = 'held' RETURNING seat_id`);
    seatIds = sold.map((s) => s.seat_id);
    await tx.execute(sql`UPDATE hold_seats SET live = false WHERE hold_id = ${order.holdId}`);
    await tx.execute(sql`UPDATE holds SET status = 'converted', ended_at = now() WHERE id = ${order.holdId}`);
  } else {
    const retake = await tx
      .transaction(async (sp) => retakePlaces(sp, order.screeningId, pool, order.holdId, quantity))
      .catch((e: unknown) => {
        if (e instanceof NoPlaces) return null;
        throw e;
      });
    if (!retake) {
      await tx.execute(sql`UPDATE orders SET status = 'refund_due', stripe_payment_intent_id = coalesce(${paymentIntentId}, stripe_payment_intent_id),
        note = 'Paid after the hold was released and no places were left: refund due.' WHERE id = ${orderId}`);
      await recordStripePayment(tx, orderId);
      return { ok: true, outcome: 'refund_due' };
    }
    seatIds = retake;
    retaken = true;
    await tx.execute(sql`UPDATE holds SET status = 'converted' WHERE id = ${order.holdId}`);
  }

  const units = await rows<Pick<ColumnsOf<typeof orderItems>, 'ticket_type_id' | 'unit_price_cents'>>(tx, sql`
    SELECT oi.ticket_type_id, oi.unit_price_cents FROM order_items oi, generate_series(1, oi.quantity)
    WHERE oi.order_id = ${orderId} ORDER BY oi.unit_price_cents DESC, oi.ticket_type_id`);
  const ordered = seatIds.length
    ? (await rows<Pick<ColumnsOf<typeof seats>, 'id'>>(tx, sql`SELECT id FROM seats WHERE id = ANY(${uuidArray(seatIds)}) ORDER BY y, x`)).map((s) => s.id)
    : [];
  for (const [i, unit] of units.entries()) {
    await tx.execute(sql`INSERT INTO tickets (code, order_id, screening_id, ticket_type_id, seat_id, price_cents, holder_name)
      VALUES (${newTicketCode()}, ${orderId}, ${order.screeningId}, ${unit.ticket_type_id}, ${ordered[i] ?? null}, ${unit.unit_price_cents}, ${order.buyerName})`);
  }
  await tx.execute(sql`UPDATE orders SET status = 'paid', paid_at = now(), ended_at = NULL,
    stripe_payment_intent_id = coalesce(${paymentIntentId}, stripe_payment_intent_id),
    note = ${retaken ? 'Paid after the hold was released; places taken again.' : null} WHERE id = ${orderId}`);
  await recordStripePayment(tx, orderId);

  // Only a paid order's gift reaches the fund; one whose places were gone (refund_due above) is refunded with it.
  await creditOrderGift(tx, orderId, paymentIntentId, settings);
  await emailOrderTickets(tx, orderId, settings);
  return { ok: true, outcome: 'issued', tickets: units.length, retaken };
}

/**
 * The money Stripe took for an order, as a payments row (refunds and reports read payments, not orders). Once per
 * payment intent: fulfilment runs once per order, and the unique index on the intent is the backstop.
 */
async function recordStripePayment(tx: Transaction, orderId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO payments (order_id, method, amount_cents, currency, stripe_payment_intent_id)
    SELECT id, 'stripe', total_cents, currency, stripe_payment_intent_id FROM orders WHERE id = ${orderId} AND total_cents > 0
    ON CONFLICT (stripe_payment_intent_id) WHERE stripe_payment_intent_id IS NOT NULL DO NOTHING`);
}

/** The order's confirmation, to its buyer (or `to`): its link and tickets, the PDF and calendar file attached. */
export async function emailOrderTickets(tx: Transaction, orderId: string, settings: OrderSettings, to?: string): Promise<void> {
  const view = await loadOrderForTickets(tx, orderId, settings.baseUrl);
  if (!view) return;
  const email = await renderOrderConfirmation({
    festivalName: view.festivalName,
    buyerName: view.buyerName,
    orderNumber: view.number,
    orderUrl: orderUrl(orderId, settings),
    tickets: view.tickets,
    totalCents: view.totalCents,
    currency: view.currency,
    gift: await getOrderGift(tx, orderId),
  });
  await queueEmail(tx, to ?? view.buyerEmail, email, settings.emailStatus, [
    { kind: 'order_pdf', orderId },
    { kind: 'order_ics', orderId },
  ]);
}

/** Late payment: from the hold's pool, the same seats if they are still free, else the best free ones; the pool first, as everywhere. */
async function retakePlaces(tx: Transaction, screeningId: string, pool: PoolKind, holdId: string, quantity: number): Promise<string[]> {
  const taken = await tx.execute(sql`${poolUpdate.sellFree(screeningId, pool, quantity)} RETURNING 1`);
  if (taken.length === 0) throw new NoPlaces();
  const original = (await rows<Pick<ColumnsOf<typeof holdSeats>, 'seat_id'>>(tx, sql`SELECT seat_id FROM hold_seats WHERE hold_id = ${holdId}`)).map((s) => s.seat_id);
  if (original.length === 0) return [];
  const same = await rows<Pick<ColumnsOf<typeof screeningSeats>, 'seat_id'>>(tx, sql`
    UPDATE screening_seats SET state = 'sold', hold_id = ${holdId}
    WHERE screening_id = ${screeningId} AND seat_id = ANY(${uuidArray(original)}) AND state = 'available' RETURNING seat_id`);
  const got = same.map((s) => s.seat_id);
  if (got.length === original.length) return got;
  const candidates = await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'x' | 'y'>>(tx, sql`
    SELECT st.id, st.row_label, st.x, st.y FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id
    WHERE ss.screening_id = ${screeningId} AND ss.state = 'available' AND st.kind IN ('standard', 'aisle')`);
  const house = await firstRow<{ w: number; d: number }>(tx, sql`
    SELECT max(st.x) + 1 AS w, max(st.y) + 1 AS d FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id WHERE ss.screening_id = ${screeningId}`);
  const more = chooseBestSeats(
    candidates.map((c) => ({ id: c.id, row: c.row_label, x: c.x, y: c.y })),
    original.length - got.length,
    { width: house?.w ?? 1, depth: house?.d ?? 1 },
  );
  if (!more) throw new NoPlaces();
  const extra = await rows<Pick<ColumnsOf<typeof screeningSeats>, 'seat_id'>>(tx, sql`
    UPDATE screening_seats SET state = 'sold', hold_id = ${holdId}
    WHERE screening_id = ${screeningId} AND seat_id = ANY(${uuidArray(more.map((m) => m.id))}) AND state = 'available' RETURNING seat_id`);
  if (extra.length !== more.length) throw new NoPlaces();
  return [...got, ...extra.map((s) => s.seat_id)];
}

/** The session expired or the payment failed: the order ends and its places come back. */
export async function endUnpaidOrder(tx: Transaction, orderId: string, to: 'expired' | 'failed'): Promise<{ ended: boolean }> {
  const order = await firstRow<Pick<ColumnsOf<typeof orders>, 'hold_id'>>(tx, sql`
    UPDATE orders SET status = ${to}::order_status, ended_at = now() WHERE id = ${orderId} AND status = 'pending' RETURNING hold_id`);
  if (!order) return { ended: false };
  await expireOrderGift(tx, orderId);
  await tx.execute(sql`SELECT 1 FROM holds WHERE id = ${order.hold_id} FOR UPDATE`);
  await endLiveHolds(tx, [order.hold_id], 'expired');
  return { ended: true };
}

/**
 * The money went back (Stripe's charge.refunded). A paid order's tickets are
 * voided and their places return; a refund_due order just closes, and its
 * buyer is told by email.
 */
export async function markOrderRefunded(tx: Transaction, orderId: string, settings: OrderSettings): Promise<{ changed: boolean }> {
  // The tickets' places go back to the pool their hold took them from.
  const order = await firstRow<Pick<ColumnsOf<typeof orders>, 'status' | 'hold_id' | 'screening_id'> & Pick<ColumnsOf<typeof holds>, 'pool_kind'>>(tx, sql`
    SELECT o.status, o.hold_id, o.screening_id, h.pool_kind FROM orders o JOIN holds h ON h.id = o.hold_id
    WHERE o.id = ${orderId} FOR UPDATE OF o`);
  if (!order || (order.status !== 'paid' && order.status !== 'refund_due')) return { changed: false };
  // The gift's reversal first: it locks the fund before any pool, in the same order as every other fund move.
  await refundOrderGift(tx, orderId);
  if (order.status === 'paid') {
    const voided = await rows<Pick<ColumnsOf<typeof tickets>, 'seat_id'>>(tx, sql`
      UPDATE tickets SET status = 'void' WHERE order_id = ${orderId} AND status = 'valid' RETURNING seat_id`);
    await tx.execute(poolUpdate.unsell(order.screening_id, order.pool_kind, voided.length));
    const seatIds = voided.map((v) => v.seat_id).filter((s): s is string => s !== null);
    if (seatIds.length) {
      await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
        WHERE screening_id = ${order.screening_id} AND seat_id = ANY(${uuidArray(seatIds)}) AND state = 'sold'`);
    }
  }
  await tx.execute(sql`UPDATE orders SET status = 'refunded', ended_at = now() WHERE id = ${orderId}`);
  // The refund as a row: what was not already refunded by a recorded refund (a box-office one records its own first).
  await tx.execute(sql`
    INSERT INTO refunds (order_id, payment_id, method, amount_cents, currency, source, status, reason, ticket_ids, request_key, completed_at)
    SELECT o.id, p.id, 'stripe', greatest(o.total_cents - coalesce((SELECT sum(r.amount_cents) FROM refunds r WHERE r.order_id = o.id AND r.status <> 'failed'), 0), 0),
           o.currency, ${order.status === 'refund_due' ? 'automatic' : 'staff'}::refund_source, 'succeeded',
           ${order.status === 'refund_due' ? 'Paid after the places were released; none were left.' : 'Refunded in full in the Stripe dashboard.'},
           ARRAY(SELECT t.id FROM tickets t WHERE t.order_id = o.id AND t.status = 'void'), ${`stripe-full-refund:${orderId}`}, now()
    FROM orders o LEFT JOIN LATERAL (SELECT id FROM payments WHERE order_id = o.id AND method = 'stripe' ORDER BY created_at LIMIT 1) p ON true
    WHERE o.id = ${orderId}
    ON CONFLICT (request_key) DO NOTHING`);
  if (order.status === 'refund_due') {
    const view = await loadOrderForTickets(tx, orderId, settings.baseUrl);
    const email = renderAutomaticRefund({
      festivalName: view!.festivalName,
      buyerName: view!.buyerName,
      orderNumber: view!.number,
      title: view!.title,
      startsAt: view!.startsAt,
      timeZone: view!.timeZone,
      amountCents: view!.totalCents,
      currency: view!.currency,
      reason: 'Your payment reached us after your seats had been released, and the screening had no places left.',
    });
    await queueEmail(tx, view!.buyerEmail, email, settings.emailStatus, []);
  }
  return { changed: true };
}

export async function findOrderIdBySession(db: Database | Transaction, sessionId: string): Promise<string | null> {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.stripeSessionId, sessionId));
  return row?.id ?? null;
}

export async function findOrderIdByPaymentIntent(db: Database | Transaction, paymentIntentId: string): Promise<string | null> {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.stripePaymentIntentId, paymentIntentId));
  return row?.id ?? null;
}
