import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { rushNumbers } from '@/db/schema';
import { firstRow, type ColumnsOf } from '@/db/sql';
import { can } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { issueTickets } from '@/domain/orders/issue-tickets';
import type { OrderSettings } from '@/domain/payments/orders';
import { transact } from '@/domain/shared/refusal';
import { lockRushLine, placesSold, type RushActor, type RushRefusal } from './rush-lines';

/** The address a rush order carries when the buyer gives none (`.invalid` never delivers): nothing is emailed then. */
export const RUSH_NO_EMAIL = 'rush-line@box-office.invalid';

export const SellRushInput = z
  .object({
    numberId: z.guid(),
    ticketTypeId: z.guid(),
    quantity: z.coerce.number().int().min(1).max(4),
    method: z.enum(['cash', 'card_terminal', 'complimentary']),
    /** The card terminal's receipt number. */
    reference: z.string().trim().max(100).optional(),
    /** Why the tickets are complimentary (required for comps). */
    reason: z.string().trim().max(500).optional(),
    buyerName: z.string().trim().max(200).optional(),
    buyerEmail: z.email().max(320).optional(),
  })
  .refine((v) => v.method !== 'complimentary' || (v.reason ?? '').length > 0, { message: 'Complimentary tickets need a reason.', path: ['reason'] });
export type SellRushInput = z.input<typeof SellRushInput>;

export type SellRushResult =
  | { ok: true; orderId: string; orderNumber: string; totalCents: number; tickets: { id: string; code: string; seat: string | null }[] }
  | RushRefusal
  | { ok: false; reason: 'not_enough_places' | 'seats_unavailable'; message: string };

/**
 * Sells door tickets to a called number: at most its party, and never past the places computed at the call time,
 * counted under the line's row lock (two staff selling at once queue there). The tickets come from general sale's pool
 * through issueTickets, whose conditional write is the backstop; the order is linked to the number.
 */
export async function sellToRushNumber(db: Database, actor: RushActor, input: SellRushInput, settings: OrderSettings): Promise<SellRushResult> {
  if (!can(actor, 'door.sell')) return { ok: false, reason: 'forbidden', message: 'You may not run rush lines.' };
  const parsed = SellRushInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join(' ') };
  const s = parsed.data;
  return transact<SellRushResult, SellRushResult & { ok: false }>(db, async (tx, refuse) => {
    const owner = await firstRow<{ line_id: string }>(tx, sql`SELECT rush_line_id AS line_id FROM rush_numbers WHERE id = ${s.numberId}`);
    if (!owner) return refuse({ ok: false, reason: 'number_not_found', message: 'No such number.' });
    const line = await lockRushLine(tx, owner.line_id);
    if (!line || line.status !== 'calling') return refuse({ ok: false, reason: 'wrong_state', message: 'This line is not selling (places not computed yet, or closed).' });
    const number = await firstRow<Pick<ColumnsOf<typeof rushNumbers>, 'number' | 'party_size' | 'status'>>(tx, sql`
      SELECT number, party_size, status FROM rush_numbers WHERE id = ${s.numberId} FOR UPDATE`);
    if (!number || number.status !== 'called') return refuse({ ok: false, reason: 'wrong_state', message: 'Only a called number can buy, once.' });
    if (s.quantity > number.party_size) {
      return refuse({ ok: false, reason: 'invalid_request', message: `Number ${number.number} holds a party of ${number.party_size}.` });
    }
    const left = (line.places_to_sell ?? 0) - (await placesSold(tx, line.id));
    if (s.quantity > left) {
      return refuse({ ok: false, reason: 'no_places_left', message: left <= 0 ? 'The line has no places left.' : `The line has only ${left} place${left === 1 ? '' : 's'} left.` });
    }
    const comp = s.method === 'complimentary';
    const type = await firstRow<{ price_cents: number }>(tx, sql`SELECT price_cents FROM ticket_types WHERE id = ${s.ticketTypeId} AND screening_id = ${line.screening_id}`);
    if (!type) return refuse({ ok: false, reason: 'invalid_request', message: 'That ticket type is not this screening’s.' });
    const unit = comp ? 0 : type.price_cents;
    const issued = await issueTickets(
      tx,
      {
        screeningId: line.screening_id,
        pool: PAID_TICKETS_POOL,
        lines: [{ ticketTypeId: s.ticketTypeId, quantity: s.quantity, unitPriceCents: unit }],
        buyer: { name: s.buyerName || `Rush line number ${number.number}`, email: s.buyerEmail ?? RUSH_NO_EMAIL },
        source: 'door',
        createdById: actor.id,
        payment: { method: s.method, amountCents: unit * s.quantity, reference: s.reference || null, reason: comp ? s.reason : null },
        sendEmail: s.buyerEmail !== undefined,
        allowAfterStart: true,
      },
      settings,
    );
    if (!issued.ok) {
      if (issued.reason === 'not_enough_places' || issued.reason === 'seats_unavailable') return refuse({ ok: false, reason: issued.reason, message: issued.message });
      if (issued.reason === 'screening_not_found') return refuse({ ok: false, reason: 'screening_not_found', message: issued.message });
      if (issued.reason === 'screening_closed') return refuse({ ok: false, reason: 'screening_closed', message: issued.message });
      return refuse({ ok: false, reason: 'invalid_request', message: issued.message });
    }
    await tx.execute(sql`UPDATE rush_numbers SET status = 'sold', order_id = ${issued.orderId} WHERE id = ${s.numberId}`);
    await recordAudit(tx, actor, {
      action: 'sellToRushNumber',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      orderId: issued.orderId,
      before: { number: number.number, status: 'called' },
      after: { number: number.number, status: 'sold', quantity: s.quantity, method: s.method, amountCents: unit * s.quantity },
      reason: comp ? (s.reason ?? null) : null,
    });
    return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber, totalCents: issued.totalCents, tickets: issued.tickets };
  });
}
