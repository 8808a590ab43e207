import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import type { cancellationOrders, orders, screeningCancellations } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { queueEmail } from '@/domain/notifications/emails';
import type { OrderSettings } from '@/domain/payments/orders';
import { completeRefund, refundOrder } from '@/domain/refunds/refund-order';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { renderScreeningCancelled } from '@/platform/email/screening-cancelled';
import { insertCancellationOrders } from './cancel-screening';
import { cancellationChoiceUrl } from './choice-token';
import { voidOrderTickets } from './void-tickets';

/**
 * The cancel-screening job: works through `cancellation_orders` until every order of every running cancellation has
 * reached an end state. Each step is its own transaction that moves one row's state forward under that row's lock
 * (taken with SKIP LOCKED, so two workers share the rows instead of repeating them), and everything a step does
 * outside its transaction is idempotent: the refund's request key is `cancel:<screeningId>:<orderId>`, so a run killed
 * between asking for a refund and recording it asks again on restart and gets the same refund back, never a second one.
 *
 *   pending ──email──▶ offered ──holder chooses refund / deadline passes──▶ refund_pending ──refund──▶ refunded
 *      │                  ├──holder chooses a gift──▶ donated
 *      │                  └──holder (or staff) exchanges──▶ exchanged
 *      └──$0 tickets: email, void──▶ closed
 */

export interface CancellationJobReport {
  adopted: number;
  emailed: number;
  closed: number;
  refundsDue: number;
  /** Stripe refunds asked for, to complete in the background (completePendingRefunds). */
  refundsRequested: number;
  refunded: number;
  failed: number;
  finished: number;
}

export interface CancellationJobOptions {
  /** Only this cancellation (tests scope themselves to their own screenings); all running ones by default. */
  screeningId?: string;
  /** Steps per kind in one run, so one run stays short; the next run continues. */
  limit?: number;
  /**
   * Called after a refund was asked for and before the row records it: the one moment a crash can separate the two.
   * Tests throw here to kill a run part-way; production passes nothing.
   */
  afterRefundRequested?: (orderId: string) => void | Promise<void>;
}

export const cancellationRefundKey = (screeningId: string, orderId: string) => `cancel:${screeningId}:${orderId}`;

type Row = Pick<ColumnsOf<typeof cancellationOrders>, 'screening_id' | 'order_id'>;

export async function runCancellationJob(db: Database, settings: OrderSettings, options: CancellationJobOptions = {}): Promise<CancellationJobReport> {
  const limit = options.limit ?? 200;
  const report: CancellationJobReport = { adopted: 0, emailed: 0, closed: 0, refundsDue: 0, refundsRequested: 0, refunded: 0, failed: 0, finished: 0 };
  const only = options.screeningId ? sql`AND c.screening_id = ${options.screeningId}` : sql``;
  const running = await rows<Pick<ColumnsOf<typeof screeningCancellations>, 'screening_id'>>(db, sql`
    SELECT c.screening_id FROM screening_cancellations c WHERE c.status = 'running' ${only} ORDER BY c.created_at`);

  for (const { screening_id: screeningId } of running) {
    report.adopted += await adoptLateOrders(db, screeningId, settings);
    for (let i = 0; i < limit; i++) {
      const step = await notifyNext(db, screeningId, settings);
      if (step === null) break;
      report[step === 'offered' ? 'emailed' : 'closed'] += 1;
    }
    report.refundsDue += await markDeadlinePassed(db, screeningId);
    const tried: string[] = [];
    for (let i = 0; i < limit; i++) {
      const step = await refundNext(db, { screeningId }, settings, options, tried);
      if (step === null) break;
      report[step === 'requested' ? 'refundsRequested' : step] += 1;
    }
    await completeOwnRefunds(db, screeningId, limit);
    report.refunded += await settleCompletedRefunds(db, screeningId);
    report.finished += await finishIfDone(db, screeningId);
  }
  return report;
}

/**
 * Orders that got valid tickets after the cancellation (a checkout that was already on Stripe's page when staff
 * cancelled, paid afterwards) are taken in like the rest.
 */
async function adoptLateOrders(db: Database, screeningId: string, settings: OrderSettings): Promise<number> {
  const late = await rows<Pick<ColumnsOf<typeof orders>, 'id'>>(db, sql`
    SELECT o.id FROM orders o
    WHERE o.screening_id = ${screeningId} AND o.status = 'paid'
      AND EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid')
      AND NOT EXISTS (SELECT 1 FROM cancellation_orders co WHERE co.screening_id = ${screeningId} AND co.order_id = o.id)`);
  return insertCancellationOrders(db, screeningId, late.map((o) => o.id), settings.appSecret);
}

/** The next pending order: its holder is emailed; $0 tickets are voided at once (closed), paid ones offered the choice. */
async function notifyNext(db: Database, screeningId: string, settings: OrderSettings): Promise<'offered' | 'closed' | null> {
  return db.transaction(async (tx) => {
    const row = await firstRow<Row>(tx, sql`
      SELECT screening_id, order_id FROM cancellation_orders
      WHERE screening_id = ${screeningId} AND state = 'pending' ORDER BY order_id LIMIT 1 FOR UPDATE SKIP LOCKED`);
    if (!row) return null;
    const about = await loadAbout(tx, row);
    if (!about) {
      await tx.execute(sql`UPDATE cancellation_orders SET state = 'closed', decided_at = now(), last_error = 'order missing'
        WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
      return 'closed';
    }
    const paid = about.total_cents > 0;
    if (!paid) await voidOrderTickets(tx, row.order_id, about.cancelled_by_id);
    if (!paid) await tx.execute(sql`UPDATE orders SET status = 'cancelled', ended_at = now() WHERE id = ${row.order_id} AND status = 'paid'`);
    const email = renderScreeningCancelled({
      festivalName: about.festival_name,
      buyerName: about.buyer_name,
      orderNumber: about.number,
      title: about.title,
      startsAt: new Date(about.starts_at),
      timeZone: about.time_zone,
      reason: about.reason,
      tickets: about.tickets,
      paidCents: paid ? about.paid_cents : 0,
      currency: about.currency,
      choiceUrl: paid ? cancellationChoiceUrl(row.screening_id, row.order_id, settings) : null,
      refundDeadline: paid ? new Date(about.refund_deadline) : null,
    });
    await queueEmail(tx, about.buyer_email, email, settings.emailStatus);
    const state = paid ? 'offered' : 'closed';
    await tx.execute(sql`UPDATE cancellation_orders SET state = ${state}::cancellation_order_state, offered_at = now(),
      decided_at = CASE WHEN ${state} = 'closed' THEN now() ELSE decided_at END
      WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
    return state;
  });
}

type About = Pick<ColumnsOf<typeof orders>, 'number' | 'buyer_name' | 'buyer_email' | 'total_cents' | 'currency'> &
  Pick<ColumnsOf<typeof screeningCancellations>, 'reason' | 'cancelled_by_id'> & {
    title: string;
    starts_at: string;
    refund_deadline: string;
    time_zone: string;
    festival_name: string;
    tickets: number;
    paid_cents: number;
  };

/** The order (locked: every change to it takes its row first) and what its holder's email says. */
async function loadAbout(tx: Transaction, row: Row): Promise<About | null> {
  return firstRow<About>(tx, sql`
    SELECT o.number, o.buyer_name, o.buyer_email, o.total_cents, o.currency, c.reason, c.cancelled_by_id,
           ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at,
           to_json(c.refund_deadline) #>> '{}' AS refund_deadline, f.time_zone, f.name AS festival_name,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets,
           (SELECT coalesce(sum(t.price_cents), 0)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS paid_cents
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN festivals f ON f.id = s.festival_id
    JOIN screening_cancellations c ON c.screening_id = ${row.screening_id}
    WHERE o.id = ${row.order_id} FOR UPDATE OF o`);
}

/** Holders who have not chosen by the deadline are refunded: their rows move on, one conditional update. */
async function markDeadlinePassed(db: Database, screeningId: string): Promise<number> {
  const moved = await db.execute(sql`
    UPDATE cancellation_orders co SET state = 'refund_pending', decided_at = now()
    FROM screening_cancellations c
    WHERE c.screening_id = co.screening_id AND co.screening_id = ${screeningId} AND co.state = 'offered' AND c.refund_deadline <= now()
    RETURNING 1`);
  return moved.length;
}

/**
 * The next order due a refund without one recorded: asks refundOrder under the request key
 * (a repeat returns the first refund) while holding the row, then records the refund on the row. A refund the
 * money came back for at once (cash, a card terminal) ends the row; a Stripe one waits for settleCompletedRefunds.
 */
export async function refundNext(
  db: Database,
  /** The cancellation's next due order, or this one (a holder who just chose a refund). */
  which: { screeningId: string; orderId?: string },
  settings: OrderSettings,
  options: CancellationJobOptions,
  /** Rows this run already tried: a refusal is retried by the next run, not in a loop now. */
  tried: string[],
): Promise<'refunded' | 'requested' | 'failed' | null> {
  return db.transaction(async (tx) => {
    const row = await firstRow<Row & { buyer_asked: boolean }>(tx, sql`
      SELECT co.screening_id, co.order_id, co.decided_at < c.refund_deadline AS buyer_asked
      FROM cancellation_orders co JOIN screening_cancellations c ON c.screening_id = co.screening_id
      WHERE co.screening_id = ${which.screeningId} AND co.state = 'refund_pending' AND co.refund_id IS NULL
        ${which.orderId ? sql`AND co.order_id = ${which.orderId}` : sql``}
        AND co.attempts < 10 AND co.order_id <> ALL(${uuidArray(tried)})
      ORDER BY co.order_id LIMIT 1 FOR UPDATE OF co SKIP LOCKED`);
    if (!row) return null;
    tried.push(row.order_id);
    // No staff actor: the holder asked (source buyer) or the deadline passed (automatic); the cancellation itself is audited.
    const refund = await refundOrder(
      db,
      null,
      {
        orderId: row.order_id,
        reason: 'The screening was cancelled.',
        source: row.buyer_asked ? 'buyer' : 'automatic',
        requestKey: cancellationRefundKey(row.screening_id, row.order_id),
        includeDonation: false,
      },
      settings,
    );
    await options.afterRefundRequested?.(row.order_id);
    if (!refund.ok) {
      // The order's money went back some other way meanwhile (staff refunded it in full): take that refund as this
      // order's, and let the completion step finish it if Stripe has not confirmed it yet.
      const other = await firstRow<{ id: string; status: string }>(tx, sql`
        SELECT id, status FROM refunds WHERE order_id = ${row.order_id} AND status <> 'failed' ORDER BY created_at DESC LIMIT 1`);
      const left = await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tickets WHERE order_id = ${row.order_id} AND status = 'valid'`);
      const elsewhere = other !== null && left!.n === 0;
      await tx.execute(sql`UPDATE cancellation_orders SET attempts = attempts + 1, last_error = ${`${refund.reason}: ${refund.message}`},
        refund_id = CASE WHEN ${elsewhere} THEN ${other?.id ?? null}::uuid ELSE refund_id END,
        state = CASE WHEN ${elsewhere && other?.status === 'succeeded'} THEN 'refunded'::cancellation_order_state ELSE state END
        WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
      return elsewhere ? 'refunded' : 'failed';
    }
    await tx.execute(sql`UPDATE cancellation_orders SET refund_id = ${refund.refundId},
      state = CASE WHEN ${refund.status} = 'succeeded' THEN 'refunded'::cancellation_order_state ELSE state END,
      last_error = ${refund.status === 'failed' ? 'Stripe refused the refund: see the refund row.' : null}
      WHERE screening_id = ${row.screening_id} AND order_id = ${row.order_id}`);
    return refund.status === 'succeeded' ? 'refunded' : 'requested';
  });
}

/**
 * Stripe refunds of this cancellation not confirmed yet (Stripe was unreachable, or a run died between the refund's
 * row and Stripe's answer): asked again with the refund row's own idempotency key, so Stripe makes each one once.
 * The sweep's completePendingRefunds does the same for every refund; doing it here keeps the job's progress moving.
 */
async function completeOwnRefunds(db: Database, screeningId: string, limit: number): Promise<void> {
  const due = await rows<{ id: string }>(db, sql`
    SELECT r.id FROM cancellation_orders co JOIN refunds r ON r.id = co.refund_id
    WHERE co.screening_id = ${screeningId} AND co.state = 'refund_pending' AND r.status = 'pending' LIMIT ${limit}`);
  for (const r of due) await completeRefund(r.id, db);
}

/** Stripe refunds the worker completed since (completePendingRefunds): their rows end. */
async function settleCompletedRefunds(db: Database, screeningId: string): Promise<number> {
  const done = await db.execute(sql`
    UPDATE cancellation_orders co SET state = 'refunded'
    FROM refunds r WHERE r.id = co.refund_id AND r.status = 'succeeded' AND co.screening_id = ${screeningId} AND co.state = 'refund_pending'
    RETURNING 1`);
  return done.length;
}

/** Every order at an end state: the cancellation is finished (once). */
async function finishIfDone(db: Database, screeningId: string): Promise<number> {
  const done = await db.execute(sql`
    UPDATE screening_cancellations c SET status = 'finished', finished_at = now()
    WHERE c.screening_id = ${screeningId} AND c.status = 'running'
      AND NOT EXISTS (SELECT 1 FROM cancellation_orders co WHERE co.screening_id = c.screening_id
                      AND co.state IN ('pending', 'offered', 'refund_pending'))
    RETURNING 1`);
  return done.length;
}
