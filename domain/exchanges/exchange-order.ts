import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { PaymentMethod, RefundStatus } from '@/db/schema/payments';
import { firstRow, rows, uuidArray } from '@/db/sql';
import { can, type Principal } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { voidOrderTickets } from '@/domain/cancellations/void-tickets';
import { issueTickets } from '@/domain/orders/issue-tickets';
import type { OrderSettings } from '@/domain/payments/orders';
import { completeRefund, orderMoney } from '@/domain/refunds/refund-order';
import { transact } from '@/domain/shared/refusal';

/**
 * Exchanges: some or all valid tickets of an order move to another screening of the same festival, in one
 * transaction. The old tickets are voided (their places and seats return), the new ones are issued through
 * `issueTickets` in a new order (source 'exchange', `exchanged_from_order_id`) paid by an `exchange_credit` payment for
 * the value carried over; a dearer exchange records the difference taken at the desk (cash or card terminal), a
 * cheaper one records a refund of the difference on the old order (Stripe's part follows the commit with the refund
 * row's idempotency key, exactly as refundOrder does, so the money goes back once). The old order becomes `exchanged`
 * when none of its tickets is left valid, and a cancelled screening's order leaves its cancellation as `exchanged`.
 */

export type Actor = Pick<Principal, 'role'> & { id: string };

export const ExchangeInput = z.object({
  orderId: z.guid('Unknown order.'),
  /** The tickets to move; all the order's valid tickets when left out. */
  ticketIds: z.array(z.guid('Unknown ticket.')).min(1).max(50).optional(),
  toScreeningId: z.guid('Choose a screening to exchange to.'),
  lines: z
    .array(z.object({ ticketTypeId: z.guid('Unknown ticket type.'), quantity: z.number().int().min(0).max(50) }))
    .min(1)
    .max(20)
    .transform((lines) => lines.filter((l) => l.quantity > 0))
    .refine((lines) => lines.length > 0, 'Choose at least one new ticket.'),
  /** Named seats at the new screening (reserved houses); the best free ones when left out. */
  seatIds: z.array(z.guid()).max(50).optional(),
  /** How the difference of a dearer exchange was paid at the desk. */
  difference: z
    .object({ method: z.enum(['cash', 'card_terminal']), reference: z.string().trim().max(100).optional() })
    .optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ExchangeInput = z.input<typeof ExchangeInput>;

export type ExchangeFailureReason =
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'access_order'
  | 'not_exchangeable'
  | 'checked_in'
  | 'same_screening'
  | 'other_festival'
  | 'payment_needed'
  | 'dearer'
  | 'not_enough_places'
  | 'seats_unavailable'
  | 'screening_closed';

export type ExchangeFailure = { ok: false; reason: ExchangeFailureReason; message: string };
export type ExchangeResult =
  | {
      ok: true;
      orderId: string;
      orderNumber: string;
      creditCents: number;
      chargedCents: number;
      refundedCents: number;
      refundId: string | null;
      refundStatus: RefundStatus | null;
      oldOrderExchanged: boolean;
    }
  | ExchangeFailure;

/** Who is exchanging: a staff member at the desk (may charge a difference), or the holder through their cancellation link. */
export type ExchangeMode = { by: 'staff'; actor: Actor } | { by: 'holder' };

const fail = (reason: ExchangeFailureReason, message: string): ExchangeFailure => ({ ok: false, reason, message });

/** A staff exchange at the desk (permission door.sell). */
export async function exchangeOrder(db: Database, actor: Actor, raw: ExchangeInput, settings: OrderSettings): Promise<ExchangeResult> {
  if (!can(actor, 'door.sell')) return fail('forbidden', 'You may not exchange tickets.');
  const parsed = ExchangeInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', parsed.error.issues[0]?.message ?? 'Check the exchange.');
  const result = await transact<ExchangeResult, ExchangeFailure>(db, (tx, refuse) => exchangeInTransaction(tx, refuse, { by: 'staff', actor }, parsed.data, settings));
  return finishRefund(result);
}

/** After the commit: a Stripe refund of the difference is asked for (retried by the worker if Stripe cannot be reached). */
export async function finishRefund(result: ExchangeResult): Promise<ExchangeResult> {
  if (result.ok && result.refundId && result.refundStatus === 'pending') {
    return { ...result, refundStatus: await completeRefund(result.refundId) };
  }
  return result;
}

/**
 * The exchange itself, inside the caller's transaction (the holder's choice locks its cancellation row first). Lock
 * order: the old order row, its tickets, the fund (only for donated tickets), the old screening's pool, then the new
 * screening's pool and seats (inside issueTickets).
 */
export async function exchangeInTransaction(
  tx: Transaction,
  refuse: (r: ExchangeFailure) => never,
  mode: ExchangeMode,
  input: z.output<typeof ExchangeInput>,
  settings: OrderSettings,
): Promise<ExchangeResult> {
  const actorId = mode.by === 'staff' ? mode.actor.id : null;
  const order = await firstRow<{
    status: string;
    scheme: string | null;
    screening_id: string;
    festival_id: string;
    number: string;
    buyer_name: string;
    buyer_email: string;
    user_id: string | null;
    currency: string;
  }>(tx, sql`
    SELECT o.status, o.scheme, o.screening_id, s.festival_id, o.number, o.buyer_name, o.buyer_email, o.user_id, o.currency
    FROM orders o JOIN screenings s ON s.id = o.screening_id WHERE o.id = ${input.orderId} FOR UPDATE OF o`);
  // Who self-identified for Indigenous Access is nobody's business at the desk: such an order is answered as missing.
  if (!order || order.scheme === 'indigenous_access') return refuse(fail('not_found', 'No such order.'));
  if (order.scheme !== null) return refuse(fail('access_order', 'Access tickets cost nothing: they are given back, not exchanged.'));
  if (order.status !== 'paid') return refuse(fail('not_exchangeable', `This order is ${order.status.replace('_', ' ')}: only a paid order's tickets are exchanged.`));
  if (input.toScreeningId === order.screening_id) return refuse(fail('same_screening', 'Choose another screening: the tickets are already for this one.'));
  const target = await firstRow<{ festival_id: string }>(tx, sql`SELECT festival_id FROM screenings WHERE id = ${input.toScreeningId}`);
  if (!target) return refuse(fail('not_found', 'No such screening to exchange to.'));
  if (target.festival_id !== order.festival_id) return refuse(fail('other_festival', 'Tickets are exchanged within the same festival only.'));

  const valid = await rows<{ id: string; price_cents: number; checked_in_at: string | null }>(tx, sql`
    SELECT id, price_cents, checked_in_at FROM tickets WHERE order_id = ${input.orderId} AND status = 'valid' ORDER BY created_at, id FOR UPDATE`);
  const chosen = input.ticketIds ? valid.filter((t) => input.ticketIds!.includes(t.id)) : valid;
  if (chosen.length === 0 || (input.ticketIds && chosen.length !== new Set(input.ticketIds).size)) {
    return refuse(fail('invalid', 'Some of those tickets are not valid tickets of this order (already exchanged or refunded?).'));
  }
  if (chosen.some((t) => t.checked_in_at)) return refuse(fail('checked_in', 'A ticket already used at the door cannot be exchanged.'));

  const prices = await rows<{ id: string; price_cents: number }>(tx, sql`
    SELECT id, price_cents FROM ticket_types WHERE screening_id = ${input.toScreeningId} AND id = ANY(${uuidArray(input.lines.map((l) => l.ticketTypeId))})`);
  const priceOf = new Map(prices.map((p) => [p.id, p.price_cents]));
  if (input.lines.some((l) => !priceOf.has(l.ticketTypeId))) return refuse(fail('invalid', 'A ticket type does not belong to that screening.'));
  const newTotal = input.lines.reduce((n, l) => n + l.quantity * priceOf.get(l.ticketTypeId)!, 0);
  const newCount = input.lines.reduce((n, l) => n + l.quantity, 0);

  const voided = await voidOrderTickets(tx, input.orderId, actorId, chosen.map((t) => t.id));
  // The tickets were locked above, so this only fails if that lock is ever lost: never exchange a ticket twice.
  if (voided.ticketIds.length !== chosen.length) return refuse(fail('invalid', 'Those tickets changed meanwhile: look the order up again.'));
  const credit = voided.valueCents;
  const charged = Math.max(newTotal - credit, 0);
  const refunded = Math.max(credit - newTotal, 0);
  if (mode.by === 'holder' && (charged > 0 || newCount !== chosen.length)) {
    return refuse(fail('dearer', 'Exchange for the same number of tickets at the same price or less; for anything else, ask the box office.'));
  }
  if (charged > 0 && !input.difference) return refuse(fail('payment_needed', `The new tickets cost ${charged} cents more: record how the difference was paid.`));

  const issued = await issueTickets(
    tx,
    {
      screeningId: input.toScreeningId,
      pool: 'standard',
      lines: input.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
      seatIds: input.seatIds && input.seatIds.length > 0 ? input.seatIds : undefined,
      buyer: { name: order.buyer_name, email: order.buyer_email, userId: order.user_id },
      source: 'exchange',
      createdById: actorId,
      exchangedFromOrderId: input.orderId,
      payment: credit > 0 && newTotal > 0 ? { method: 'exchange_credit', amountCents: Math.min(credit, newTotal), reference: order.number } : null,
    },
    settings,
  );
  if (!issued.ok) {
    const reason = issued.reason === 'invalid_request' ? 'invalid' : issued.reason === 'screening_not_found' ? 'not_found' : issued.reason;
    return refuse(fail(reason, issued.message));
  }
  if (charged > 0) {
    await tx.execute(sql`INSERT INTO payments (order_id, method, amount_cents, currency, reference, recorded_by_id)
      VALUES (${issued.orderId}, ${input.difference!.method}::payment_method, ${charged}, ${order.currency}, ${input.difference!.reference || null}, ${actorId})`);
  }

  let refundId: string | null = null;
  let refundStatus: RefundStatus | null = null;
  if (refunded > 0) {
    // The difference goes back the way the old order was paid; what came in and has not gone back bounds it.
    const money = await orderMoney(tx, input.orderId);
    if (refunded > money.paid - money.refunded) return refuse(fail('not_exchangeable', 'Less is left of this order’s payments than the difference to refund.'));
    const method: PaymentMethod = money.method ?? 'cash';
    // Cash or a card terminal is paid back across the desk: at once when staff exchange there, else when the desk confirms it.
    refundStatus = method === 'stripe' || mode.by === 'holder' ? 'pending' : 'succeeded';
    const row = await firstRow<{ id: string }>(tx, sql`
      INSERT INTO refunds (order_id, payment_id, method, amount_cents, currency, source, status, reason, ticket_ids, request_key, requested_by_id, completed_at)
      VALUES (${input.orderId}, ${money.payment_id}, ${method}::payment_method, ${refunded}, ${order.currency},
              ${mode.by === 'staff' ? 'staff' : 'buyer'}::refund_source, ${refundStatus}::refund_status,
              ${input.reason?.trim() || 'Exchanged for cheaper tickets: the difference.'}, ${uuidArray(voided.ticketIds)},
              ${`exchange:${issued.orderId}`}, ${actorId}, ${refundStatus === 'succeeded' ? sql`now()` : null})
      RETURNING id`);
    refundId = row!.id;
  }

  const left = await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tickets WHERE order_id = ${input.orderId} AND status = 'valid'`);
  const oldOrderExchanged = left!.n === 0;
  if (oldOrderExchanged) {
    await tx.execute(sql`UPDATE orders SET status = 'exchanged', ended_at = now() WHERE id = ${input.orderId}`);
    await tx.execute(sql`UPDATE cancellation_orders SET state = 'exchanged', exchange_order_id = ${issued.orderId}, decided_at = now()
      WHERE order_id = ${input.orderId} AND state IN ('pending', 'offered')`);
  }
  if (mode.by === 'staff') {
    await recordAudit(tx, mode.actor, {
      action: 'exchangeOrder',
      subjectKind: 'order',
      subjectId: input.orderId,
      orderId: input.orderId,
      screeningId: order.screening_id,
      before: { status: order.status, validTickets: valid.length },
      after: {
        status: oldOrderExchanged ? 'exchanged' : order.status,
        validTickets: left!.n,
        newOrderId: issued.orderId,
        newScreeningId: input.toScreeningId,
        creditCents: credit,
        chargedCents: charged,
        refundedCents: refunded,
        ...(charged > 0 ? { differenceMethod: input.difference!.method } : {}),
      },
      reason: input.reason?.trim() || null,
    });
  }
  return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber, creditCents: credit, chargedCents: charged, refundedCents: refunded, refundId, refundStatus, oldOrderExchanged };
}
