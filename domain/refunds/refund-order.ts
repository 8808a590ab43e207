import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import type { PaymentMethod, RefundSource, RefundStatus } from '@/db/schema/payments';
import { firstRow, rows, uuidArray, type SqlRunner } from '@/db/sql';
import { refundOrderGift } from '@/domain/access-fund/donations';
import { recordAudit } from '@/domain/audit/audit-log';
import { poolUpdate, type PoolKind } from '@/domain/inventory/pools';
import { queueEmail } from '@/domain/notifications/emails';
import type { OrderSettings } from '@/domain/payments/orders';
import { loadOrderForTickets } from '@/domain/payments/ticket-views';
import { transact } from '@/domain/shared/refusal';
import { renderRefundNotice } from '@/platform/email/refund-notice';
import { getStripe } from '@/platform/stripe';

/**
 * Refunds: money back for tickets (all of an order's, or some), as a `refunds` row. The database part is one
 * transaction (tickets void, places back on sale, the gift reversed only on purpose, the row, the audit entry, the
 * buyer's email); the Stripe part follows it with the refund row's id as Stripe's idempotency key, so a retry (the
 * worker's, a crashed job's) never takes money back twice. `requestKey` makes a replayed form or job step return the
 * first refund instead of making a second.
 */

export const RefundRequest = z.object({
  orderId: z.guid('Unknown order.'),
  /** The tickets to refund; all the order's valid tickets when left out. */
  ticketIds: z.array(z.guid('Unknown ticket.')).min(1).max(50).optional(),
  /** Less than the tickets' value (a fee kept, a goodwill part-refund); their value when left out. */
  amountCents: z.number().int('Whole cents only.').min(0).max(10_000_000).optional(),
  /** Also give back the order's gift to the access fund (reverses its credit). Never by default. */
  includeDonation: z.boolean().default(false),
  reason: z.string().trim().min(3, 'Give a reason (at least 3 characters).').max(500),
  source: z.enum(['buyer', 'staff', 'automatic']),
  requestKey: z.string().trim().min(8).max(200),
});
export type RefundRequest = z.input<typeof RefundRequest>;

export type RefundFailure = 'invalid' | 'not_found' | 'access_order' | 'not_refundable' | 'nothing_to_refund' | 'amount_too_large' | 'checked_in';
export type RefundOrderResult =
  | { ok: true; refundId: string; amountCents: number; status: RefundStatus; replayed: boolean }
  | { ok: false; reason: RefundFailure; message: string };

interface LockedOrder {
  status: string;
  scheme: string | null;
  screening_id: string;
  pool_kind: PoolKind;
  currency: string;
}

/**
 * Refunds an order, in full or in part. `actor` is the staff member (audited), or null for the system (a cancellation's
 * job after its deadline, recorded with source 'automatic'). $0 access orders are not refunded but given back
 * (domain/access/return-places.ts); checked-in tickets are not refunded.
 */
export async function refundOrder(db: Database, actor: { id: string } | null, input: RefundRequest, settings: OrderSettings): Promise<RefundOrderResult> {
  const parsed = RefundRequest.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message ?? 'Invalid refund.' };
  const req = parsed.data;
  const result = await transact<RefundOrderResult, RefundOrderResult & { ok: false }>(db, async (tx, refuse) => {
    // The order row first: it serialises every refund of this order, and the replay check below sees committed work.
    const order = await firstRow<LockedOrder>(tx, sql`
      SELECT o.status, o.scheme, o.screening_id, h.pool_kind, o.currency FROM orders o JOIN holds h ON h.id = o.hold_id
      WHERE o.id = ${req.orderId} FOR UPDATE OF o`);
    if (!order) return refuse({ ok: false, reason: 'not_found', message: 'No such order.' });
    const replay = await firstRow<{ id: string; amount_cents: number; status: RefundStatus; order_id: string }>(tx, sql`
      SELECT r.id, r.amount_cents + coalesce(rest.amount_cents, 0) AS amount_cents,
             CASE WHEN 'pending' IN (r.status, rest.status) THEN 'pending' WHEN 'failed' IN (r.status, rest.status) THEN 'failed' ELSE r.status END AS status,
             r.order_id
      FROM refunds r LEFT JOIN refunds rest ON rest.request_key = ${restKey(req.requestKey)}
      WHERE r.request_key = ${req.requestKey}`);
    if (replay) {
      if (replay.order_id !== req.orderId) return refuse({ ok: false, reason: 'invalid', message: 'This request key was used for another order.' });
      return { ok: true, refundId: replay.id, amountCents: replay.amount_cents, status: replay.status, replayed: true };
    }
    if (order.scheme !== null) {
      return refuse({ ok: false, reason: 'access_order', message: 'Access tickets cost nothing: give them back instead of refunding them.' });
    }
    if (order.status !== 'paid') return refuse({ ok: false, reason: 'not_refundable', message: `This order is ${order.status.replace('_', ' ')}, not paid.` });

    const valid = await rows<{ id: string; price_cents: number; checked_in_at: Date | null }>(tx, sql`
      SELECT id, price_cents, checked_in_at FROM tickets WHERE order_id = ${req.orderId} AND status = 'valid' ORDER BY created_at, id FOR UPDATE`);
    const chosen = req.ticketIds ? valid.filter((t) => req.ticketIds!.includes(t.id)) : valid;
    if (req.ticketIds && chosen.length !== new Set(req.ticketIds).size) {
      return refuse({ ok: false, reason: 'nothing_to_refund', message: 'Some of those tickets are not valid tickets of this order.' });
    }
    if (chosen.some((t) => t.checked_in_at)) return refuse({ ok: false, reason: 'checked_in', message: 'A ticket that was already used at the door is not refunded.' });

    const gift = await firstRow<{ amount_cents: number; status: string }>(tx, sql`
      SELECT amount_cents, status FROM donations WHERE order_id = ${req.orderId} ORDER BY created_at LIMIT 1`);
    const donationCents = req.includeDonation ? (gift?.status === 'paid' || gift?.status === 'pending' ? gift.amount_cents : -1) : 0;
    if (donationCents < 0) return refuse({ ok: false, reason: 'nothing_to_refund', message: 'This order has no gift left to refund.' });
    if (chosen.length === 0 && donationCents === 0) return refuse({ ok: false, reason: 'nothing_to_refund', message: 'Nothing left to refund on this order.' });

    const ticketValue = chosen.reduce((n, t) => n + t.price_cents, 0);
    const most = ticketValue + donationCents;
    const amount = req.amountCents ?? most;
    if (amount > most) return refuse({ ok: false, reason: 'amount_too_large', message: `At most ${most} cents can be refunded for that.` });
    if (amount < donationCents) return refuse({ ok: false, reason: 'invalid', message: 'A refund that includes the gift gives all of it back.' });

    // What came in and has not gone back: no refund ever exceeds it.
    const money = await orderMoney(tx, req.orderId);
    const refundable = money.paid - money.refunded;
    if (amount > refundable) return refuse({ ok: false, reason: 'amount_too_large', message: `Only ${Math.max(refundable, 0)} cents of this order's payments are left to refund.` });
    // An exchange credit goes back the way the money first came in (orderMoney follows it); complimentary as nothing.
    const method: PaymentMethod = money.method ?? 'complimentary';
    // Paid partly by an exchange credit and partly at the desk: the credit's share goes back to where the credit came
    // from, the rest to the order's own payment, as a second refund row under the request key's `:rest`.
    const restCents = money.rest && money.creditCents > 0 && amount > money.creditCents ? amount - money.creditCents : 0;
    const restMethod: PaymentMethod = money.rest?.method ?? 'cash';

    if (chosen.length > 0) {
      const voided = await rows<{ seat_id: string | null }>(tx, sql`
        UPDATE tickets SET status = 'void' WHERE id = ANY(${uuidArray(chosen.map((t) => t.id))}) AND status = 'valid' RETURNING seat_id`);
      await tx.execute(poolUpdate.unsell(order.screening_id, order.pool_kind, voided.length));
      const seatIds = voided.map((v) => v.seat_id).filter((s): s is string => s !== null);
      if (seatIds.length) {
        await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
          WHERE screening_id = ${order.screening_id} AND seat_id = ANY(${uuidArray(seatIds)}) AND state = 'sold'`);
      }
    }
    if (donationCents > 0) await refundOrderGift(tx, req.orderId);
    const ticketsLeft = valid.length - chosen.length;
    if (ticketsLeft === 0) await tx.execute(sql`UPDATE orders SET status = 'refunded', ended_at = now() WHERE id = ${req.orderId}`);

    // Money goes back by itself only through Stripe. Cash or a card terminal is paid back across the desk: at once when a
    // staff member refunds there, else (a cancellation's job) the refund waits until the desk confirms it paid it out.
    const atTheDesk = actor !== null && req.source !== 'automatic';
    const statusFor = (m: PaymentMethod, cents: number): RefundStatus => (cents === 0 ? 'succeeded' : m === 'stripe' || !atTheDesk ? 'pending' : 'succeeded');
    const firstStatus: RefundStatus = statusFor(method, amount - restCents);
    const refund = await firstRow<{ id: string }>(tx, sql`
      INSERT INTO refunds (order_id, payment_id, method, amount_cents, donation_cents, currency, source, status, reason, ticket_ids, request_key,
                           requested_by_id, completed_at)
      VALUES (${req.orderId}, ${money.payment_id}, ${method}::payment_method, ${amount - restCents}, ${donationCents}, ${order.currency},
              ${req.source satisfies RefundSource}::refund_source, ${firstStatus}::refund_status, ${req.reason}, ${uuidArray(chosen.map((t) => t.id))},
              ${req.requestKey}, ${actor?.id ?? null}, ${firstStatus === 'succeeded' ? sql`now()` : null})
      RETURNING id`);
    let status = firstStatus;
    if (restCents > 0) {
      const restStatus: RefundStatus = statusFor(restMethod, restCents);
      if (restStatus === 'pending') status = 'pending';
      await tx.execute(sql`
        INSERT INTO refunds (order_id, payment_id, method, amount_cents, donation_cents, currency, source, status, reason, ticket_ids, request_key,
                             requested_by_id, completed_at)
        VALUES (${req.orderId}, ${money.rest!.payment_id}, ${restMethod}::payment_method, ${restCents}, 0, ${order.currency},
                ${req.source satisfies RefundSource}::refund_source, ${restStatus}::refund_status, ${req.reason}, ${uuidArray([])},
                ${restKey(req.requestKey)}, ${actor?.id ?? null}, ${restStatus === 'succeeded' ? sql`now()` : null})`);
    }
    if (actor) {
      await recordAudit(tx, actor, {
        action: 'refundOrder',
        subjectKind: 'order',
        subjectId: req.orderId,
        orderId: req.orderId,
        screeningId: order.screening_id,
        before: { status: order.status, validTickets: valid.length },
        after: { status: ticketsLeft === 0 ? 'refunded' : order.status, validTickets: ticketsLeft, refundCents: amount, donationCents, method },
        reason: req.reason,
      });
    }
    const view = await loadOrderForTickets(tx, req.orderId, settings.baseUrl);
    if (view) {
      const email = renderRefundNotice({
        festivalName: view.festivalName,
        buyerName: view.buyerName,
        orderNumber: view.number,
        title: view.title,
        startsAt: view.startsAt,
        timeZone: view.timeZone,
        amountCents: amount,
        currency: order.currency,
        tickets: chosen.length,
        ticketsLeft,
        donationCents,
        method,
        reason: req.reason,
      });
      await queueEmail(tx, view.buyerEmail, email, settings.emailStatus, []);
    }
    return { ok: true, refundId: refund!.id, amountCents: amount, status, replayed: false };
  });
  if (result.ok && result.status === 'pending') {
    const pending = await rows<{ id: string }>(db, sql`
      SELECT id FROM refunds WHERE request_key IN (${req.requestKey}, ${restKey(req.requestKey)}) AND status = 'pending' ORDER BY created_at, id`);
    const statuses = await Promise.all(pending.map((r) => completeRefund(r.id, db)));
    const status: RefundStatus = statuses.includes('failed') ? 'failed' : statuses.includes('pending') ? 'pending' : 'succeeded';
    return { ...result, status };
  }
  return result;
}

/** The second refund row of a split refund (see orderMoney). */
const restKey = (requestKey: string) => `${requestKey}:rest`;

/**
 * What came into an order and has not gone back, and the payment a refund of it goes back to: the order's Stripe
 * payment first. An order paid by an exchange credit has no money of its own: its refund goes to the payment the
 * credit came from (followed back through the exchanges), so a card payment is never turned into the till's cash by
 * exchanging it and then asking for a refund. Cash only when the chain holds no payment at all.
 */
export interface OrderMoney {
  paid: number;
  refunded: number;
  payment_id: string | null;
  method: PaymentMethod | null;
  /** Set when the money came by an exchange credit: how much, and the order's own payment for anything above it. */
  creditCents: number;
  rest: { payment_id: string; method: PaymentMethod } | null;
}

export async function orderMoney(tx: SqlRunner, orderId: string): Promise<OrderMoney> {
  const money = await firstRow<{ paid: number; refunded: number; payment_id: string | null; method: PaymentMethod | null }>(tx, sql`
    SELECT coalesce((SELECT sum(amount_cents) FROM payments WHERE order_id = ${orderId}), 0)::int AS paid,
           coalesce((SELECT sum(amount_cents) FROM refunds WHERE order_id = ${orderId} AND status <> 'failed'), 0)::int AS refunded,
           p.id AS payment_id, p.method
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT id, method FROM payments WHERE order_id = ${orderId}
      ORDER BY (method = 'stripe') DESC, amount_cents DESC, created_at LIMIT 1) p ON true`);
  if (money!.method !== 'exchange_credit') return { ...money!, creditCents: 0, rest: null };
  const own = await firstRow<{ credit: number; payment_id: string | null; method: PaymentMethod | null }>(tx, sql`
    SELECT (SELECT coalesce(sum(amount_cents), 0)::int FROM payments WHERE order_id = ${orderId} AND method = 'exchange_credit') AS credit,
           p.id AS payment_id, p.method
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT id, method FROM payments WHERE order_id = ${orderId} AND method NOT IN ('exchange_credit', 'complimentary')
      ORDER BY (method = 'stripe') DESC, amount_cents DESC, created_at LIMIT 1) p ON true`);
  const extra = { creditCents: own!.credit, rest: own!.payment_id && own!.method ? { payment_id: own!.payment_id, method: own!.method } : null };
  const origin = await firstRow<{ id: string; method: PaymentMethod }>(tx, sql`
    WITH RECURSIVE chain(order_id, depth) AS (
      SELECT exchanged_from_order_id, 1 FROM orders WHERE id = ${orderId} AND exchanged_from_order_id IS NOT NULL
      UNION ALL
      SELECT o.exchanged_from_order_id, c.depth + 1 FROM orders o JOIN chain c ON o.id = c.order_id
      WHERE o.exchanged_from_order_id IS NOT NULL AND c.depth < 50)
    SELECT p.id, p.method FROM payments p JOIN chain c ON p.order_id = c.order_id
    WHERE p.method <> 'exchange_credit'
    ORDER BY c.depth, (p.method = 'stripe') DESC, p.amount_cents DESC, p.created_at LIMIT 1`);
  return origin
    ? { ...money!, ...extra, payment_id: origin.id, method: origin.method === 'complimentary' ? 'cash' : origin.method }
    : { ...money!, creditCents: 0, rest: null, method: 'cash' };
}

/**
 * Gets a pending refund's money back from Stripe, once: the refund row's id is the idempotency key, so running this
 * again (after a crash between Stripe's answer and our write) gets Stripe's same refund back, not a second one.
 * Returns the row's status afterwards ('pending' again when Stripe could not be reached: the worker retries).
 */
export async function completeRefund(refundId: string, db: Database = getDb()): Promise<RefundStatus> {
  const refund = await firstRow<{ status: RefundStatus; method: PaymentMethod; amount_cents: number; order_id: string; intent: string | null }>(db, sql`
    SELECT r.status, r.method, r.amount_cents, r.order_id, coalesce(p.stripe_payment_intent_id, o.stripe_payment_intent_id) AS intent
    FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN payments p ON p.id = r.payment_id
    WHERE r.id = ${refundId}`);
  if (!refund) return 'failed';
  if (refund.status !== 'pending') return refund.status;
  // Cash and card-terminal refunds wait for the desk (confirmDeskRefund), not for Stripe.
  if (refund.method !== 'stripe') return 'pending';
  if (!refund.intent) {
    await db.execute(sql`UPDATE refunds SET status = 'failed', failure_message = 'No Stripe payment to refund against.' WHERE id = ${refundId} AND status = 'pending'`);
    return 'failed';
  }
  try {
    const made = await getStripe().refunds.create(
      { payment_intent: refund.intent, amount: refund.amount_cents, metadata: { order_id: refund.order_id, refund_id: refundId } },
      { idempotencyKey: `refund:${refundId}` },
    );
    await db.execute(sql`UPDATE refunds SET status = 'succeeded', stripe_refund_id = ${made.id}, completed_at = now(), failure_message = NULL
      WHERE id = ${refundId} AND status = 'pending'`);
    return 'succeeded';
  } catch (error) {
    // Stripe said no for good (more than is left on the charge, say): a person must look. Anything else is retried.
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      await db.execute(sql`UPDATE refunds SET status = 'failed', failure_message = ${error.message.slice(0, 500)} WHERE id = ${refundId} AND status = 'pending'`);
      return 'failed';
    }
    console.error(`[refund] Stripe refund ${refundId} not confirmed yet; will retry: ${error instanceof Error ? error.message : String(error)}`);
    return 'pending';
  }
}

/** The worker's pass over refunds whose Stripe step has not been confirmed (a crash, Stripe unreachable). */
export async function completePendingRefunds(limit = 50, db: Database = getDb()): Promise<number> {
  const due = await rows<{ id: string }>(db, sql`SELECT id FROM refunds WHERE status = 'pending' AND method = 'stripe' ORDER BY created_at LIMIT ${limit}`);
  let done = 0;
  for (const r of due) if ((await completeRefund(r.id, db)) === 'succeeded') done += 1;
  return done;
}

/**
 * The desk paid a waiting cash or card-terminal refund out (a cancelled screening's holder came to the box office):
 * the refund is done. Only a pending refund that Stripe does not carry.
 */
export async function confirmDeskRefund(
  db: Database,
  actor: { id: string },
  refundId: string,
): Promise<{ ok: true; orderId: string } | { ok: false; reason: 'not_found' | 'not_pending'; message: string }> {
  if (!z.guid().safeParse(refundId).success) return { ok: false, reason: 'not_found', message: 'No such refund.' };
  return transact(db, async (tx, refuse: (r: { ok: false; reason: 'not_found' | 'not_pending'; message: string }) => never) => {
    const row = await firstRow<{ order_id: string; screening_id: string; amount_cents: number; method: PaymentMethod }>(tx, sql`
      UPDATE refunds r SET status = 'succeeded', completed_at = now(), failure_message = NULL
      FROM orders o WHERE r.id = ${refundId} AND o.id = r.order_id AND r.status = 'pending' AND r.method <> 'stripe'
      RETURNING r.order_id, o.screening_id, r.amount_cents, r.method`);
    if (!row) {
      const exists = await firstRow<{ n: number }>(tx, sql`SELECT 1 AS n FROM refunds WHERE id = ${refundId}`);
      return refuse(exists ? { ok: false, reason: 'not_pending', message: 'This refund is not waiting for the desk.' } : { ok: false, reason: 'not_found', message: 'No such refund.' });
    }
    await recordAudit(tx, actor, {
      action: 'confirmDeskRefund',
      subjectKind: 'order',
      subjectId: row.order_id,
      orderId: row.order_id,
      screeningId: row.screening_id,
      before: { refundStatus: 'pending' },
      after: { refundStatus: 'succeeded', amountCents: row.amount_cents, method: row.method },
    });
    return { ok: true, orderId: row.order_id } as const;
  });
}
