import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { firstRow, type SqlRunner } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { recordAudit } from '@/domain/audit/audit-log';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { holdSeats } from '@/domain/booking/holds';
import { startCheckout } from '@/domain/payments/checkout';
import { transact } from '@/domain/shared/refusal';
import { boxOfficeEmail, WALK_UP_NAME } from './sale';

export const DeskCheckoutInput = z
  .object({
    screeningId: z.guid(),
    lines: z.array(z.object({ ticketType: z.string().trim().min(1).max(40), quantity: z.number().int().min(0).max(50) })).min(1).max(10),
    seatIds: z.array(z.guid('seat ids are UUIDs')).max(50).optional(),
    buyer: z.object({
      name: z.string().trim().max(120).optional(),
      email: z.email('Type a valid email address, or leave it empty.').max(254).optional(),
    }),
    saleKey: z.string().trim().min(8).max(200),
  })
  .superRefine((v, ctx) => {
    const quantity = v.lines.reduce((sum, l) => sum + l.quantity, 0);
    if (quantity === 0) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Choose at least one ticket.' });
  });
export type DeskCheckoutInput = z.input<typeof DeskCheckoutInput>;

export type DeskCheckoutResult =
  | { ok: true; orderId: string; checkoutUrl: string; replayed: boolean }
  | { ok: false; reason: string; message: string };

const saleNote = (saleKey: string) => `desk-sale:${saleKey}`;

/** The order an earlier submission of this form made, if any. */
async function findDeskSale(db: SqlRunner, saleKey: string): Promise<{ id: string; checkout_url: string | null } | null> {
  return firstRow<{ id: string; checkout_url: string | null }>(db, sql`
    SELECT id, checkout_url FROM orders WHERE note = ${saleNote(saleKey)} AND source = 'door' LIMIT 1`);
}

/**
 * A card payment on the buyer's own phone: a normal hold and Stripe Checkout Session (the same commands as an online
 * purchase, so fulfilment comes only from the verified webhook, as always), then the order is marked as the desk's
 * (source door, who sold it) and audited. The desk shows the session's link as a QR code.
 *
 * The hold's client key is the form's key and its cap is the sale's own size: a replayed form cannot hold a second
 * time while the first hold lives (marquee_hold_within_cap refuses it under the pool row lock), and a replay after the
 * first finished finds its order by the key.
 *
 * Because it is a normal hold, this follows the online sale window: after the online off-sale the desk takes cash or
 * the card terminal instead.
 */
export async function startDeskCheckout(db: Database, actor: CurrentUser, input: DeskCheckoutInput, holdMinutes: number): Promise<DeskCheckoutResult> {
  const parsed = DeskCheckoutInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join(' ') };
  const sale = parsed.data;
  const earlier = await findDeskSale(db, sale.saleKey);
  if (earlier?.checkout_url) return { ok: true, orderId: earlier.id, checkoutUrl: earlier.checkout_url, replayed: true };

  const quantity = sale.lines.reduce((sum, l) => sum + l.quantity, 0);
  const hold = await holdSeats(db, sale.screeningId, { items: sale.lines, seats: sale.seatIds }, `desk:${sale.saleKey}`, { holdMinutes, maxPerOrder: quantity });
  if (!hold.ok) {
    if (hold.reason === 'too_many_held') return { ok: false, reason: 'in_progress', message: 'This sale is already being made: open Orders to find it.' };
    if (hold.reason === 'not_on_sale') {
      return { ok: false, reason: 'not_on_sale', message: 'Online sales for this screening have stopped, so Stripe cannot take the payment: take cash or use the card terminal.' };
    }
    return { ok: false, reason: hold.reason, message: hold.message };
  }
  const buyer = { name: sale.buyer.name || WALK_UP_NAME, email: sale.buyer.email?.toLowerCase() ?? boxOfficeEmail() };
  const started = await startCheckout(hold.holdId, hold.holdToken, buyer);
  if (!started.ok) {
    return { ok: false, reason: started.reason, message: started.reason === 'payment_unavailable' ? 'Stripe did not answer: try again, or take cash.' : 'The payment could not be started.' };
  }
  await transact(db, async (tx) => {
    await tx.execute(sql`UPDATE orders SET source = 'door', created_by_id = ${actor.id}, note = ${saleNote(sale.saleKey)} WHERE id = ${started.orderId}`);
    const order = await firstRow<{ screening_id: string; total_cents: number }>(tx, sql`SELECT screening_id, total_cents FROM orders WHERE id = ${started.orderId}`);
    await recordAudit(tx, actor, {
      action: 'startDeskCheckout',
      subjectKind: 'order',
      subjectId: started.orderId,
      orderId: started.orderId,
      screeningId: order?.screening_id ?? sale.screeningId,
      after: { tickets: quantity, totalCents: order?.total_cents ?? 0, method: 'stripe' },
    });
  });
  return { ok: true, orderId: started.orderId, checkoutUrl: started.checkoutUrl, replayed: false };
}

export interface DeskCheckoutView {
  id: string;
  number: string;
  status: string;
  totalCents: number;
  currency: string;
  title: string;
  checkoutUrl: string | null;
}

/** What the desk's payment page shows: the order's status and its Stripe link (never an Indigenous Access order). */
export async function getDeskCheckout(festivalId: string, orderId: string, db: SqlRunner = getDb()): Promise<DeskCheckoutView | null> {
  if (!z.guid().safeParse(orderId).success) return null;
  const row = await firstRow<{ id: string; number: string; status: string; total_cents: number; currency: string; title: string; checkout_url: string | null }>(db, sql`
    SELECT o.id, o.number, o.status, o.total_cents, o.currency, o.checkout_url,
           ${screeningTitleSql(sql`s`)} AS title
    FROM orders o JOIN screenings s ON s.id = o.screening_id
    WHERE o.id = ${orderId} AND s.festival_id = ${festivalId} AND o.scheme IS DISTINCT FROM 'indigenous_access'`);
  return row
    ? { id: row.id, number: row.number, status: row.status, totalCents: row.total_cents, currency: row.currency, title: row.title, checkoutUrl: row.checkout_url }
    : null;
}
