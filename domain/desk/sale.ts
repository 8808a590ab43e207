import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { ticketTypes } from '@/db/schema';
import { firstRow, rows, type ColumnsOf } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { recordAudit } from '@/domain/audit/audit-log';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { issueTickets } from '@/domain/orders/issue-tickets';
import type { OrderSettings } from '@/domain/payments/orders';
import { transact } from '@/domain/shared/refusal';
import { getEnv } from '@/platform/env';

/**
 * The festival's box-office address: the address its emails come from (MAIL_FROM). A walk-up who pays anonymously
 * has their order recorded under it, so every order has an email and nothing is sent to anyone.
 */
export function boxOfficeEmail(): string {
  const from = getEnv().MAIL_FROM;
  return (from.match(/<([^>]+)>/)?.[1] ?? from).trim().toLowerCase();
}

/** A walk-up who gives no name. */
export const WALK_UP_NAME = 'Walk-up';

const Line = z.object({ ticketType: z.string().trim().min(1).max(40), quantity: z.number().int().min(0).max(50) });

/** The desk's sale, as the form and any API client send it; the payment method decides which fields must be there. */
export const DeskSaleInput = z
  .object({
    screeningId: z.guid(),
    lines: z.array(Line).min(1, 'Choose at least one ticket.').max(10),
    seatIds: z.array(z.guid('seat ids are UUIDs')).max(50).optional(),
    method: z.enum(['cash', 'card_terminal', 'complimentary']),
    /** The card terminal's receipt number. */
    reference: z.string().trim().max(100).optional(),
    /** Why the tickets are complimentary. */
    reason: z.string().trim().max(500).optional(),
    buyer: z.object({
      name: z.string().trim().max(120).optional(),
      email: z.email('Type a valid email address, or leave it empty.').max(254).optional(),
    }),
    /** The form's own key, made when the form was shown: a replayed form finds its first sale. */
    saleKey: z.string().trim().min(8).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'complimentary' && (v.reason ?? '').length < 3) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Complimentary tickets need a reason.' });
    }
    if (v.method === 'card_terminal' && !v.reference) {
      ctx.addIssue({ code: 'custom', path: ['reference'], message: "Type the card terminal's receipt number." });
    }
    const quantity = v.lines.reduce((sum, l) => sum + l.quantity, 0);
    if (quantity === 0) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Choose at least one ticket.' });
    if (quantity > 50) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'At most 50 tickets in one sale.' });
    if (new Set(v.lines.map((l) => l.ticketType)).size !== v.lines.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Each ticket type may appear once.' });
  });
export type DeskSaleInput = z.input<typeof DeskSaleInput>;

export type DeskSaleResult =
  | { ok: true; orderId: string; orderNumber: string; totalCents: number; tickets: number; replayed: boolean }
  | { ok: false; reason: string; message: string };

/** What orders.note holds for a desk sale: the form's key, found again by a replay (see sellAtDesk). */
const saleNote = (saleKey: string) => `desk-sale:${saleKey}`;

/**
 * Sells tickets at the desk for cash, an external card terminal (an offline payment with its receipt number) or as
 * complimentary tickets ($0, a reason required), through the one way tickets are issued without an online hold
 * (issueTickets): the same conditional write on the paid tickets' pool as an online sale, so the desk never sells a
 * place an online hold keeps, and never past the house. The desk sells until the screening starts, whatever the online
 * sale window says.
 *
 * A replayed form (a double submit, a reload after a lost response) sells once: the sale takes a transaction-scoped
 * advisory lock on its key, looks for an order carrying that key, and writes the key on the order it makes, all in
 * one transaction; the second request waits for the first to commit and then finds its order.
 */
export async function sellAtDesk(db: Database, actor: CurrentUser, input: DeskSaleInput, settings: OrderSettings): Promise<DeskSaleResult> {
  const parsed = DeskSaleInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join(' ') };
  const sale = parsed.data;
  const note = saleNote(sale.saleKey);
  const email = sale.buyer.email?.toLowerCase();
  const buyer = { name: sale.buyer.name || WALK_UP_NAME, email: email ?? boxOfficeEmail() };

  return transact<DeskSaleResult, DeskSaleResult>(db, async (tx, refuse) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${note}, 0))`);
    const earlier = await firstRow<{ id: string; number: string; total_cents: number; tickets: number }>(tx, sql`
      SELECT o.id, o.number, o.total_cents, (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id) AS tickets
      FROM orders o WHERE o.buyer_email = ${buyer.email} AND o.note = ${note} AND o.source = 'door'`);
    if (earlier) return { ok: true, orderId: earlier.id, orderNumber: earlier.number, totalCents: earlier.total_cents, tickets: earlier.tickets, replayed: true };

    const types = await rows<Pick<ColumnsOf<typeof ticketTypes>, 'id' | 'code' | 'price_cents'>>(tx, sql`
      SELECT id, code, price_cents FROM ticket_types WHERE screening_id = ${sale.screeningId} AND active AND scheme IS NULL`);
    const lines = [];
    for (const l of sale.lines.filter((x) => x.quantity > 0)) {
      const type = types.find((t) => t.code === l.ticketType);
      if (!type) return refuse({ ok: false, reason: 'invalid_request', message: `Unknown ticket type "${l.ticketType}".` });
      lines.push({ ticketTypeId: type.id, quantity: l.quantity, unitPriceCents: sale.method === 'complimentary' ? 0 : type.price_cents });
    }
    const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
    const issued = await issueTickets(
      tx,
      {
        screeningId: sale.screeningId,
        pool: PAID_TICKETS_POOL,
        lines,
        seatIds: sale.seatIds,
        buyer,
        source: 'door',
        createdById: actor.id,
        payment: { method: sale.method, amountCents: totalCents, reference: sale.reference ?? null, reason: sale.method === 'complimentary' ? sale.reason : null },
        // An anonymous walk-up's order carries the box office's own address: nothing is sent to it.
        sendEmail: email !== undefined,
      },
      settings,
    );
    if (!issued.ok) return refuse(issued);
    await tx.execute(sql`UPDATE orders SET note = ${note} WHERE id = ${issued.orderId}`);
    const quantity = lines.reduce((sum, l) => sum + l.quantity, 0);
    await recordAudit(tx, actor, {
      action: 'sellAtDesk',
      subjectKind: 'order',
      subjectId: issued.orderId,
      orderId: issued.orderId,
      screeningId: sale.screeningId,
      after: { tickets: quantity, totalCents, method: sale.method, reference: sale.reference ?? null },
      reason: sale.method === 'complimentary' ? (sale.reason ?? null) : null,
    });
    return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber, totalCents, tickets: quantity, replayed: false };
  });
}

