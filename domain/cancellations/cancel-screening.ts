import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import type { holds, orders, screenings } from '@/db/schema';
import { firstRow, rows, textArray, uuidArray, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { can, type Principal } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { endLiveHolds } from '@/domain/inventory/inventory';
import { transact } from '@/domain/shared/refusal';
import { cancellationChoiceTokenHash } from './choice-token';

export type Actor = Pick<Principal, 'role'> & { id: string };

export const CancelScreeningInput = z.object({
  screeningId: z.guid('Choose a screening'),
  reason: z.string().trim().min(3, 'Say why, in a few words: holders read it').max(500, 'Keep the reason under 500 characters'),
  refundDeadline: z.coerce
    .date({ error: 'Give the refund deadline as a date and time' })
    .refine((d) => d.getTime() > Date.now(), 'The refund deadline must be in the future')
    .refine((d) => d.getTime() < Date.now() + 90 * 86_400_000, 'The refund deadline must be within 90 days'),
});

export type CancelScreeningFailure =
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'invalid_input'; message: string }
  | { ok: false; reason: 'screening_not_found'; message: string }
  | { ok: false; reason: 'already_cancelled'; message: string }
  | { ok: false; reason: 'screening_over'; message: string };

export type CancelScreeningResult = { ok: true; screeningId: string; orders: number; holdsReleased: number } | CancelScreeningFailure;

/** What cancelling a screening will do, for the confirmation page: counts only (never who holds which scheme). */
export interface CancellationPreview {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  status: string;
  over: boolean;
  /** Orders with money to offer back (refund, exchange or gift), their valid tickets and what they paid. */
  paidOrders: number;
  paidTickets: number;
  paidCents: number;
  /** $0 orders (access, partner-issued, donated, complimentary): emailed and closed. */
  freeOrders: number;
  freeTickets: number;
  /** Holds keeping places now (released at once) and checkouts under way (finish through Stripe; any paid one is refunded). */
  liveHolds: number;
  checkouts: number;
  currency: string;
}

/**
 * The orders a cancellation covers: every order of the screening with a valid ticket, whatever its scheme, source or
 * price. One SQL fragment so the preview counts exactly what the command (and the job's adoption of late orders) takes.
 */
const ORDERS_WITH_VALID_TICKETS = (screeningId: string) => sql`
  SELECT o.id, o.total_cents, (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
  FROM orders o
  WHERE o.screening_id = ${screeningId} AND o.status = 'paid'
    AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid')`;

export async function getCancellationPreview(screeningId: string, db: SqlRunner = getDb()): Promise<CancellationPreview | null> {
  if (!z.guid().safeParse(screeningId).success) return null;
  const s = await firstRow<
    Pick<ColumnsOf<typeof screenings>, 'id' | 'status'> & { title: string; starts_at: string; venue: string; over: boolean; currency: string }
  >(db, sql`
    SELECT s.id, s.status, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue,
           s.ends_at <= now() AS over, f.currency
    FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id WHERE s.id = ${screeningId}`);
  if (!s) return null;
  const counts = await firstRow<{
    paid_orders: number;
    paid_tickets: number;
    paid_cents: number;
    free_orders: number;
    free_tickets: number;
    live_holds: number;
    checkouts: number;
  }>(db, sql`
    WITH covered AS (${ORDERS_WITH_VALID_TICKETS(screeningId)})
    SELECT count(*) FILTER (WHERE total_cents > 0)::int AS paid_orders,
           coalesce(sum(tickets) FILTER (WHERE total_cents > 0), 0)::int AS paid_tickets,
           coalesce(sum(total_cents) FILTER (WHERE total_cents > 0), 0)::int AS paid_cents,
           count(*) FILTER (WHERE total_cents = 0)::int AS free_orders,
           coalesce(sum(tickets) FILTER (WHERE total_cents = 0), 0)::int AS free_tickets,
           (SELECT count(*)::int FROM holds WHERE screening_id = ${screeningId} AND status = 'active') AS live_holds,
           (SELECT count(*)::int FROM holds WHERE screening_id = ${screeningId} AND status = 'checkout') AS checkouts
    FROM covered`);
  return {
    id: s.id,
    title: s.title,
    startsAt: new Date(s.starts_at),
    venue: s.venue,
    status: s.status,
    over: s.over,
    paidOrders: counts!.paid_orders,
    paidTickets: counts!.paid_tickets,
    paidCents: counts!.paid_cents,
    freeOrders: counts!.free_orders,
    freeTickets: counts!.free_tickets,
    liveHolds: counts!.live_holds,
    checkouts: counts!.checkouts,
    currency: s.currency,
  };
}

/**
 * Cancels a screening, in one transaction: its status becomes cancelled (online sales and claims stop at once: every
 * sale path checks the status), its live holds are released, and a `screening_cancellations` row plus one
 * `cancellation_orders` row per order with a valid ticket (paid, door, access, partner-issued, donated) record the
 * work the job then does (domain/cancellations/job.ts). The screening row is locked first, so two staff cancelling at
 * once make one cancellation. Checkouts already on Stripe's page finish there; an order they pay afterwards is adopted
 * by the job and refunded like the rest.
 */
export async function cancelScreening(
  db: Database,
  actor: Actor,
  raw: z.input<typeof CancelScreeningInput>,
  settings: { appSecret: string },
): Promise<CancelScreeningResult> {
  if (!can(actor, 'screenings.cancel')) return { ok: false, reason: 'forbidden', message: 'You may not cancel screenings.' };
  const parsed = CancelScreeningInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'Check the form.' };
  const input = parsed.data;
  return transact<CancelScreeningResult, CancelScreeningFailure>(db, async (tx, refuse) => {
    const screening = await firstRow<Pick<ColumnsOf<typeof screenings>, 'status'> & { over: boolean }>(tx, sql`
      SELECT status, ends_at <= now() AS over FROM screenings WHERE id = ${input.screeningId} FOR UPDATE`);
    if (!screening) return refuse({ ok: false, reason: 'screening_not_found', message: 'No such screening.' });
    if (screening.status === 'cancelled') return refuse({ ok: false, reason: 'already_cancelled', message: 'This screening is already cancelled.' });
    if (screening.over) return refuse({ ok: false, reason: 'screening_over', message: 'This screening has already ended.' });

    await tx.execute(sql`UPDATE screenings SET status = 'cancelled', cancellation_note = ${input.reason} WHERE id = ${input.screeningId}`);
    // The orders first, then holds, then pools: the lock order every refund follows (order row before its pool).
    const covered = await rows<Pick<ColumnsOf<typeof orders>, 'id'>>(tx, sql`${ORDERS_WITH_VALID_TICKETS(input.screeningId)} ORDER BY o.id FOR UPDATE OF o`);
    // Hold rows before the pool row (the lock order): endLiveHolds releases each hold's places once.
    const live = await rows<Pick<ColumnsOf<typeof holds>, 'id'>>(tx, sql`
      SELECT id FROM holds WHERE screening_id = ${input.screeningId} AND status = 'active' ORDER BY id FOR UPDATE`);
    const released = await endLiveHolds(tx, live.map((h) => h.id), 'released');

    await tx.execute(sql`INSERT INTO screening_cancellations (screening_id, reason, cancelled_by_id, refund_deadline)
      VALUES (${input.screeningId}, ${input.reason}, ${actor.id}, ${input.refundDeadline.toISOString()}::timestamptz)`);
    await insertCancellationOrders(tx, input.screeningId, covered.map((o) => o.id), settings.appSecret);

    await recordAudit(tx, actor, {
      action: 'cancelScreening',
      subjectKind: 'screening',
      subjectId: input.screeningId,
      screeningId: input.screeningId,
      before: { status: screening.status },
      after: { status: 'cancelled', refundDeadline: input.refundDeadline.toISOString(), orders: covered.length, holdsReleased: released.length },
      reason: input.reason,
    });
    return { ok: true, screeningId: input.screeningId, orders: covered.length, holdsReleased: released.length };
  });
}

/** One pending row per order (an order already there is left as it is: the job's adoption runs this again). */
export async function insertCancellationOrders(tx: SqlRunner, screeningId: string, orderIds: string[], appSecret: string): Promise<number> {
  if (orderIds.length === 0) return 0;
  const hashes = orderIds.map((id) => cancellationChoiceTokenHash(screeningId, id, appSecret));
  const inserted = await tx.execute(sql`
    INSERT INTO cancellation_orders (screening_id, order_id, choice_token_hash)
    SELECT ${screeningId}, x.order_id, x.hash FROM unnest(${uuidArray(orderIds)}, ${textArray(hashes)}) AS x(order_id, hash)
    ON CONFLICT (screening_id, order_id) DO NOTHING RETURNING 1`);
  return inserted.length;
}
