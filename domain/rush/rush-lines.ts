import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { rushLines, rushNumbers } from '@/db/schema';
import { accessScheme } from '@/db/schema/screenings';
import { firstRow, rows, uuidArray, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { movePlacesToGeneralSale, recordAllocationChange } from '@/domain/access/return-places';
import { can, type Principal } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { PAID_TICKETS_POOL, poolUpdate, type PoolKind } from '@/domain/inventory/pools';
import { transact } from '@/domain/shared/refusal';

/*
 * The rush line of a sold-out screening. Staff open it and hand out queue numbers in order; at the call time (by
 * default 15 minutes before the start) they release the valid tickets not scanned yet that they choose to (voided, no
 * refund: the festival's late-arrival policy), the access schemes' unclaimed places go to general sale, and what
 * general sale then has free is the number of places the line may sell. Numbers are called in order and sold door
 * tickets; a number that no place reaches is turned away. Closing the line reconciles it.
 *
 * Every command locks the line's row first (FOR UPDATE), so two staff calling or selling at once queue on it and never
 * sell past the computed places; the pool's conditional write (held + sold + n <= capacity) is the backstop. Lock order:
 * the rush line, then its numbers, then pool rows (a scheme's before general sale's), then seats.
 */

export type RushActor = Pick<Principal, 'role'> & { id: string };

export type RushRefusal = {
  ok: false;
  reason: 'forbidden' | 'invalid_request' | 'screening_not_found' | 'screening_closed' | 'not_sold_out' | 'already_open' | 'line_not_found' | 'wrong_state' | 'too_early' | 'no_places_left' | 'number_not_found' | 'nobody_waiting';
  message: string;
};

const refusal = (reason: RushRefusal['reason'], message: string): RushRefusal => ({ ok: false, reason, message });

export const OpenRushLineInput = z.object({
  screeningId: z.guid(),
  callMinutesBefore: z.coerce.number().int().min(0).max(180).default(15),
});
export const CallTimeInput = z.object({ lineId: z.guid(), callMinutesBefore: z.coerce.number().int().min(0).max(180) });
export const IssueNumberInput = z.object({ lineId: z.guid(), partySize: z.coerce.number().int().min(1).max(4) });
export const StartCallingInput = z.object({
  lineId: z.guid(),
  /** How many of the valid unscanned tickets to release (the most recently issued first), or exactly which. */
  releaseCount: z.coerce.number().int().min(0).max(2000).default(0),
  releaseTicketIds: z.array(z.guid()).max(2000).default([]),
});

type LineRow = Pick<ColumnsOf<typeof rushLines>, 'id' | 'screening_id' | 'status' | 'call_minutes_before' | 'places_to_sell' | 'released_tickets'> & {
  starts_at: string;
  ends_at: string;
};

/** The line's row, locked: every command that changes a line or its numbers takes this lock first. */
export async function lockRushLine(tx: Transaction, lineId: string): Promise<LineRow | null> {
  return firstRow<LineRow>(tx, sql`
    SELECT l.id, l.screening_id, l.status, l.call_minutes_before, l.places_to_sell, l.released_tickets,
           to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at
    FROM rush_lines l JOIN screenings s ON s.id = l.screening_id WHERE l.id = ${lineId} FOR UPDATE OF l`);
}

/** Places of the line sold so far: valid tickets of the orders its numbers bought. */
export async function placesSold(tx: SqlRunner, lineId: string): Promise<number> {
  const row = await firstRow<{ n: number }>(tx, sql`
    SELECT count(t.id)::int AS n FROM rush_numbers r JOIN tickets t ON t.order_id = r.order_id AND t.status = 'valid'
    WHERE r.rush_line_id = ${lineId} AND r.status = 'sold'`);
  return row?.n ?? 0;
}

/** Places promised to numbers called and not yet served (their whole party). */
async function placesOffered(tx: Transaction, lineId: string): Promise<number> {
  const row = await firstRow<{ n: number }>(tx, sql`
    SELECT coalesce(sum(party_size), 0)::int AS n FROM rush_numbers WHERE rush_line_id = ${lineId} AND status = 'called'`);
  return row?.n ?? 0;
}

export type OpenRushLineResult = { ok: true; lineId: string } | RushRefusal;

/** Opens a sold-out screening's rush line (one per screening). */
export async function openRushLine(db: Database, actor: RushActor, input: z.input<typeof OpenRushLineInput>): Promise<OpenRushLineResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  const parsed = OpenRushLineInput.safeParse(input);
  if (!parsed.success) return refusal('invalid_request', 'The call time is minutes before the start, from 0 to 180.');
  const { screeningId, callMinutesBefore } = parsed.data;
  return transact<OpenRushLineResult, RushRefusal>(db, async (tx, refuse) => {
    const screening = await firstRow<{ open: boolean; left: number | null }>(tx, sql`
      SELECT (s.status <> 'cancelled' AND s.ends_at > now()) AS open,
             (SELECT capacity - held - sold FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind) AS left
      FROM screenings s WHERE s.id = ${screeningId}`);
    if (!screening) return refuse(refusal('screening_not_found', 'No such screening.'));
    if (!screening.open) return refuse(refusal('screening_closed', 'This screening is over or was cancelled.'));
    if ((screening.left ?? 0) > 0) {
      return refuse(refusal('not_sold_out', `General sale still has ${screening.left} place${screening.left === 1 ? '' : 's'}: sell them at the desk instead.`));
    }
    const line = await firstRow<{ id: string }>(tx, sql`
      INSERT INTO rush_lines (screening_id, call_minutes_before, opened_by_id) VALUES (${screeningId}, ${callMinutesBefore}, ${actor.id})
      ON CONFLICT (screening_id) DO NOTHING RETURNING id`);
    if (!line) return refuse(refusal('already_open', 'This screening already has a rush line.'));
    await recordAudit(tx, actor, { action: 'openRushLine', subjectKind: 'rush_line', subjectId: line.id, screeningId, after: { status: 'open', callMinutesBefore } });
    return { ok: true, lineId: line.id };
  });
}

export type SimpleRushResult = { ok: true } | RushRefusal;

/** Moves the call time while the line is still handing out numbers. */
export async function changeRushCallTime(db: Database, actor: RushActor, input: z.input<typeof CallTimeInput>): Promise<SimpleRushResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  const parsed = CallTimeInput.safeParse(input);
  if (!parsed.success) return refusal('invalid_request', 'The call time is minutes before the start, from 0 to 180.');
  return transact<SimpleRushResult, RushRefusal>(db, async (tx, refuse) => {
    const line = await lockRushLine(tx, parsed.data.lineId);
    if (!line) return refuse(refusal('line_not_found', 'No such rush line.'));
    if (line.status !== 'open') return refuse(refusal('wrong_state', 'The line is already calling numbers: its call time has passed.'));
    await tx.execute(sql`UPDATE rush_lines SET call_minutes_before = ${parsed.data.callMinutesBefore} WHERE id = ${line.id}`);
    await recordAudit(tx, actor, {
      action: 'changeRushCallTime',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      before: { callMinutesBefore: line.call_minutes_before },
      after: { callMinutesBefore: parsed.data.callMinutesBefore },
    });
    return { ok: true };
  });
}

export type IssueNumberResult = { ok: true; number: number; numberId: string } | RushRefusal;

/** The next queue number, in order, for a party of 1–4 (the line's row lock makes numbers consecutive, never twice). */
export async function issueRushNumber(db: Database, actor: RushActor, input: z.input<typeof IssueNumberInput>): Promise<IssueNumberResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  const parsed = IssueNumberInput.safeParse(input);
  if (!parsed.success) return refusal('invalid_request', 'A party is 1 to 4 people.');
  return transact<IssueNumberResult, RushRefusal>(db, async (tx, refuse) => {
    const line = await lockRushLine(tx, parsed.data.lineId);
    if (!line) return refuse(refusal('line_not_found', 'No such rush line.'));
    if (line.status === 'closed') return refuse(refusal('wrong_state', 'This rush line is closed.'));
    const issued = await firstRow<Pick<ColumnsOf<typeof rushNumbers>, 'id' | 'number'>>(tx, sql`
      INSERT INTO rush_numbers (rush_line_id, number, party_size)
      SELECT ${line.id}, coalesce(max(number), 0) + 1, ${parsed.data.partySize} FROM rush_numbers WHERE rush_line_id = ${line.id}
      RETURNING id, number`);
    await recordAudit(tx, actor, {
      action: 'issueRushNumber',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      after: { number: issued!.number, partySize: parsed.data.partySize },
    });
    return { ok: true, number: issued!.number, numberId: issued!.id };
  });
}

export interface RushComputation {
  /** The whole house. */
  capacity: number;
  checkedIn: number;
  /** Valid unscanned tickets kept (their holders may still come). */
  kept: number;
  /** Unscanned tickets released now (voided, no refund). */
  released: number;
  /** Access places that nobody had claimed, moved to general sale now. */
  accessReturned: number;
  /** Places in live online holds and partners' unused allotments, which the line cannot sell. */
  otherwiseTaken: number;
  placesToSell: number;
}

export type StartCallingResult = ({ ok: true } & RushComputation) | RushRefusal;

/**
 * At the call time: releases the chosen unscanned tickets, moves the schemes' unclaimed places to general sale and
 * fixes the places the line may sell (what general sale then has free). Online sale stops (off_sale_at), so the places
 * found go to the line. Indigenous Access tickets are never among those released: staff never single them out.
 */
export async function startRushCalling(db: Database, actor: RushActor, input: z.input<typeof StartCallingInput>, now = new Date()): Promise<StartCallingResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  const parsed = StartCallingInput.safeParse(input);
  if (!parsed.success) return refusal('invalid_request', 'Choose how many unscanned tickets to release (0 or more).');
  const { lineId, releaseCount, releaseTicketIds } = parsed.data;
  return transact<StartCallingResult, RushRefusal>(db, async (tx, refuse) => {
    const line = await lockRushLine(tx, lineId);
    if (!line) return refuse(refusal('line_not_found', 'No such rush line.'));
    if (line.status !== 'open') return refuse(refusal('wrong_state', 'This line has already computed its places.'));
    const callAt = new Date(new Date(line.starts_at).getTime() - line.call_minutes_before * 60_000);
    if (now < callAt) return refuse(refusal('too_early', 'It is not the call time yet: tickets not scanned may still be used.'));
    if (now >= new Date(line.ends_at)) return refuse(refusal('screening_closed', 'This screening is over.'));
    const screeningId = line.screening_id;

    // The tickets that may be released: valid, not let in, not Indigenous Access.
    const releasable = sql`t.screening_id = ${screeningId} AND t.status = 'valid' AND t.checked_in_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted')
      AND o.scheme IS DISTINCT FROM 'indigenous_access'`;
    const chosen =
      releaseTicketIds.length > 0
        ? await rows<{ id: string }>(tx, sql`
            SELECT t.id FROM tickets t JOIN orders o ON o.id = t.order_id WHERE ${releasable} AND t.id = ANY(${uuidArray(releaseTicketIds)}) FOR UPDATE OF t`)
        : releaseCount > 0
          ? await rows<{ id: string }>(tx, sql`
              SELECT t.id FROM tickets t JOIN orders o ON o.id = t.order_id WHERE ${releasable}
              ORDER BY t.created_at DESC, t.id LIMIT ${releaseCount} FOR UPDATE OF t`)
          : [];
    if (releaseTicketIds.length > 0 && chosen.length !== new Set(releaseTicketIds).size) {
      return refuse(refusal('invalid_request', 'Some of those tickets were scanned, voided or are not this screening’s: choose again.'));
    }
    if (releaseCount > 0 && releaseTicketIds.length === 0 && chosen.length < releaseCount) {
      return refuse(refusal('invalid_request', `Only ${chosen.length} unscanned ticket${chosen.length === 1 ? '' : 's'} can be released.`));
    }
    const released = await releaseTickets(tx, actor, screeningId, chosen.map((c) => c.id));

    // The schemes' unclaimed places (not sold, held or granted to partners) go to general sale, a scheme's pool first.
    let accessReturned = 0;
    for (const scheme of accessScheme.enumValues) {
      const moved = await movePlacesToGeneralSale(tx, screeningId, scheme, 1_000_000);
      if (moved > 0) {
        accessReturned += moved;
        await recordAllocationChange(tx, { screeningId, scheme, kind: 'release', delta: -moved, actorId: actor.id, reason: 'Rush line: unclaimed places sold at the door' });
      }
    }

    const figures = await firstRow<{ capacity: number; free: number; checked_in: number; kept: number }>(tx, sql`
      SELECT (SELECT sum(capacity)::int FROM inventory_pools WHERE screening_id = ${screeningId}) AS capacity,
             (SELECT greatest(capacity - held - sold, 0) FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = ${PAID_TICKETS_POOL}::pool_kind) AS free,
             (SELECT count(*)::int FROM tickets t WHERE t.screening_id = ${screeningId} AND t.status = 'valid'
                AND (t.checked_in_at IS NOT NULL OR EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted'))) AS checked_in,
             (SELECT count(*)::int FROM tickets t WHERE t.screening_id = ${screeningId} AND t.status = 'valid' AND t.checked_in_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.result = 'admitted')) AS kept`);
    const f = figures!;
    const placesToSell = f.free;
    await tx.execute(sql`UPDATE rush_lines SET status = 'calling', places_to_sell = ${placesToSell}, released_tickets = ${released}, called_at = now()
      WHERE id = ${line.id}`);
    // Online sale stops here: the places found belong to the people in the line.
    await tx.execute(sql`UPDATE screenings SET off_sale_at = now() WHERE id = ${screeningId} AND (off_sale_at IS NULL OR off_sale_at > now())`);
    const computation: RushComputation = {
      capacity: f.capacity,
      checkedIn: f.checked_in,
      kept: f.kept,
      released,
      accessReturned,
      otherwiseTaken: Math.max(f.capacity - f.checked_in - f.kept - placesToSell, 0),
      placesToSell,
    };
    await recordAudit(tx, actor, {
      action: 'startRushCalling',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId,
      before: { status: 'open' },
      after: { status: 'calling', ...computation },
    });
    return { ok: true, ...computation };
  });
}

/**
 * Voids the released tickets (no refund: the late-arrival policy) and gives their places back to the pools their
 * holds took them from, scheme pools before general sale's, seats freed; one audit entry per ticket.
 */
async function releaseTickets(tx: Transaction, actor: RushActor, screeningId: string, ticketIds: string[]): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const voided = await rows<{ id: string; seat_id: string | null; order_id: string; pool_kind: PoolKind }>(tx, sql`
    UPDATE tickets t SET status = 'void' FROM orders o JOIN holds h ON h.id = o.hold_id
    WHERE o.id = t.order_id AND t.id = ANY(${uuidArray(ticketIds)}) AND t.status = 'valid'
    RETURNING t.id, t.seat_id, t.order_id, h.pool_kind`);
  const perPool = new Map<PoolKind, number>();
  for (const v of voided) perPool.set(v.pool_kind, (perPool.get(v.pool_kind) ?? 0) + 1);
  const poolOrder = [...accessScheme.enumValues, PAID_TICKETS_POOL] as PoolKind[];
  for (const kind of poolOrder) {
    const n = perPool.get(kind);
    if (n) await tx.execute(poolUpdate.unsell(screeningId, kind, n));
  }
  const seatIds = voided.map((v) => v.seat_id).filter((s): s is string => s !== null);
  if (seatIds.length) {
    await tx.execute(sql`UPDATE screening_seats SET state = 'available', hold_id = NULL
      WHERE screening_id = ${screeningId} AND seat_id = ANY(${uuidArray(seatIds)}) AND state = 'sold'`);
  }
  for (const v of voided) {
    await recordAudit(tx, actor, {
      action: 'releaseUnscannedTicket',
      subjectKind: 'ticket',
      subjectId: v.id,
      screeningId,
      orderId: v.order_id,
      before: { status: 'valid' },
      after: { status: 'void' },
      reason: 'Rush line: not scanned by the call time (late-arrival policy, no refund)',
    });
  }
  return voided.length;
}

export type CallNumberResult = { ok: true; number: number; numberId: string; partySize: number } | RushRefusal;

/** Calls the lowest waiting number, while the places not yet sold or promised to called numbers last. */
export async function callNextRushNumber(db: Database, actor: RushActor, input: { lineId: string }): Promise<CallNumberResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  if (!z.guid().safeParse(input.lineId).success) return refusal('line_not_found', 'No such rush line.');
  return transact<CallNumberResult, RushRefusal>(db, async (tx, refuse) => {
    const line = await lockRushLine(tx, input.lineId);
    if (!line) return refuse(refusal('line_not_found', 'No such rush line.'));
    if (line.status !== 'calling') return refuse(refusal('wrong_state', line.status === 'open' ? 'Compute the places first, at the call time.' : 'This rush line is closed.'));
    const left = (line.places_to_sell ?? 0) - (await placesSold(tx, line.id)) - (await placesOffered(tx, line.id));
    if (left <= 0) return refuse(refusal('no_places_left', 'No places left to offer: sell to the numbers called, or turn them away.'));
    const called = await firstRow<Pick<ColumnsOf<typeof rushNumbers>, 'id' | 'number' | 'party_size'>>(tx, sql`
      UPDATE rush_numbers SET status = 'called', called_at = now()
      WHERE id = (SELECT id FROM rush_numbers WHERE rush_line_id = ${line.id} AND status = 'waiting' ORDER BY number LIMIT 1)
      RETURNING id, number, party_size`);
    if (!called) return refuse(refusal('nobody_waiting', 'Nobody is waiting.'));
    await recordAudit(tx, actor, {
      action: 'callRushNumber',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      before: { number: called.number, status: 'waiting' },
      after: { number: called.number, status: 'called' },
    });
    return { ok: true, number: called.number, numberId: called.id, partySize: called.party_size };
  });
}

/** A number that is not served (gone, or no place reached it) is turned away. */
export async function turnAwayRushNumber(db: Database, actor: RushActor, input: { numberId: string }): Promise<SimpleRushResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  if (!z.guid().safeParse(input.numberId).success) return refusal('number_not_found', 'No such number.');
  return transact<SimpleRushResult, RushRefusal>(db, async (tx, refuse) => {
    const owner = await firstRow<{ line_id: string }>(tx, sql`SELECT rush_line_id AS line_id FROM rush_numbers WHERE id = ${input.numberId}`);
    if (!owner) return refuse(refusal('number_not_found', 'No such number.'));
    const line = await lockRushLine(tx, owner.line_id);
    const number = await firstRow<Pick<ColumnsOf<typeof rushNumbers>, 'number' | 'status'>>(tx, sql`
      UPDATE rush_numbers SET status = 'turned_away' WHERE id = ${input.numberId} AND status IN ('waiting', 'called')
      RETURNING number, status`);
    if (!line || !number) return refuse(refusal('wrong_state', 'That number was already served or turned away.'));
    await recordAudit(tx, actor, {
      action: 'turnAwayRushNumber',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      after: { number: number.number, status: 'turned_away' },
    });
    return { ok: true };
  });
}

export interface RushReconciliation {
  numbersIssued: number;
  /** Numbers served, and the places they bought. */
  rushSold: number;
  placesSold: number;
  /** Of the places sold, paid for (cash, card terminal, Stripe) and complimentary. */
  paidTickets: number;
  compTickets: number;
  amountCents: number;
  turnedAway: number;
  stillWaiting: number;
}

/** The line's figures: what closing records, and what the page shows as it goes. */
export async function getRushReconciliation(db: SqlRunner, lineId: string): Promise<RushReconciliation> {
  const row = await firstRow<{ issued: number; sold: number; turned_away: number; waiting: number; places: number; paid: number; comp: number; amount: number }>(db, sql`
    SELECT count(*)::int AS issued,
           count(*) FILTER (WHERE r.status = 'sold')::int AS sold,
           count(*) FILTER (WHERE r.status = 'turned_away')::int AS turned_away,
           count(*) FILTER (WHERE r.status IN ('waiting', 'called'))::int AS waiting,
           (SELECT count(*)::int FROM rush_numbers x JOIN tickets t ON t.order_id = x.order_id AND t.status = 'valid'
             WHERE x.rush_line_id = ${lineId} AND x.status = 'sold') AS places,
           (SELECT count(*)::int FROM rush_numbers x JOIN tickets t ON t.order_id = x.order_id AND t.status = 'valid'
             WHERE x.rush_line_id = ${lineId} AND x.status = 'sold'
               AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = x.order_id AND p.method = 'complimentary')) AS paid,
           (SELECT count(*)::int FROM rush_numbers x JOIN tickets t ON t.order_id = x.order_id AND t.status = 'valid'
             WHERE x.rush_line_id = ${lineId} AND x.status = 'sold'
               AND EXISTS (SELECT 1 FROM payments p WHERE p.order_id = x.order_id AND p.method = 'complimentary')) AS comp,
           (SELECT coalesce(sum(p.amount_cents), 0)::int FROM rush_numbers x JOIN payments p ON p.order_id = x.order_id
             WHERE x.rush_line_id = ${lineId} AND x.status = 'sold' AND p.method IN ('stripe', 'cash', 'card_terminal')) AS amount
    FROM rush_numbers r WHERE r.rush_line_id = ${lineId}`);
  const r = row!;
  return {
    numbersIssued: r.issued,
    rushSold: r.sold,
    placesSold: r.places,
    paidTickets: r.paid,
    compTickets: r.comp,
    amountCents: r.amount,
    turnedAway: r.turned_away,
    stillWaiting: r.waiting,
  };
}

export type CloseRushLineResult = ({ ok: true } & RushReconciliation) | RushRefusal;

/** Closes the line: whoever still waits (or was called and not served) is turned away, and the reconciliation is logged. */
export async function closeRushLine(db: Database, actor: RushActor, input: { lineId: string }): Promise<CloseRushLineResult> {
  if (!can(actor, 'door.sell')) return refusal('forbidden', 'You may not run rush lines.');
  if (!z.guid().safeParse(input.lineId).success) return refusal('line_not_found', 'No such rush line.');
  return transact<CloseRushLineResult, RushRefusal>(db, async (tx, refuse) => {
    const line = await lockRushLine(tx, input.lineId);
    if (!line) return refuse(refusal('line_not_found', 'No such rush line.'));
    if (line.status === 'closed') return refuse(refusal('wrong_state', 'This rush line is already closed.'));
    await tx.execute(sql`UPDATE rush_numbers SET status = 'turned_away' WHERE rush_line_id = ${line.id} AND status IN ('waiting', 'called')`);
    await tx.execute(sql`UPDATE rush_lines SET status = 'closed', closed_at = now() WHERE id = ${line.id}`);
    const reconciliation = await getRushReconciliation(tx, line.id);
    await recordAudit(tx, actor, {
      action: 'closeRushLine',
      subjectKind: 'rush_line',
      subjectId: line.id,
      screeningId: line.screening_id,
      before: { status: line.status },
      after: { status: 'closed', ...reconciliation },
    });
    return { ok: true, ...reconciliation };
  });
}
