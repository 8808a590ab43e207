import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import {
  callNextRushNumber,
  changeRushCallTime,
  closeRushLine,
  issueRushNumber,
  openRushLine,
  startRushCalling,
  turnAwayRushNumber,
  type RushActor,
} from '@/domain/rush/rush-lines';
import { sellToRushNumber } from '@/domain/rush/sell';
import { inventoryProblems } from '../support/inventory';
import { createFestival, createFilm, createGaScreening, createGaVenue, createPaidOrder, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, uniq } from '../support/factories';

/**
 * The rush line: numbers in order, the places computed at the call time (capacity − checked in − unscanned tickets
 * kept, with the schemes' unclaimed places), numbers called in order while places last, whatever two staff do at once.
 */

async function soldOutWorld() {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, 10);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    allocations: { indigenous_access: 0, community_access: 2, donated: 0 },
  });
  // One Community Access ticket claimed first, then general sale's 8 places sold in four orders.
  const claim = await db.transaction((tx) =>
    issueFreeTickets(tx, { screeningId, scheme: 'community_access', pool: 'community_access', quantity: 1, buyer: { name: 'Partner Guest', email: 'guest@example.org' } }, settings),
  );
  if (!claim.ok) throw new Error(claim.message);
  for (let i = 0; i < 4; i++) await createPaidOrder(db, screeningId, { quantity: 2, clientKey: uniq('buyer') });
  // Five of the paid tickets are let in at the door.
  const admitted = await rows<{ id: string }>(db, sql`
    SELECT t.id FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.screening_id = ${screeningId} AND o.scheme IS NULL ORDER BY t.created_at, t.id LIMIT 5`);
  for (const t of admitted) {
    await db.execute(sql`INSERT INTO check_ins (ticket_id, screening_id, result, method, device_label, scanned_at) VALUES (${t.id}, ${screeningId}, 'admitted', 'qr', 'Door 1', now())`);
  }
  // The screening now starts in ten minutes: past the default call time (15 minutes before).
  await db.execute(sql`UPDATE screenings SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = ${screeningId}`);
  const user = await createUser(db, { role: 'staff', name: uniq('Rush Staff') });
  const staff: RushActor = { id: user.id, role: 'staff' };
  return { db, festival, screeningId, staff };
}

async function auditActions(lineOrScreening: string) {
  return rows<{ action: string; subject_kind: string; reason: string | null }>(getDb(), sql`
    SELECT action, subject_kind, reason FROM audit_entries WHERE screening_id = ${lineOrScreening} ORDER BY created_at, id`);
}

describe('rush line', () => {
  it('opens only on a sold-out screening, once, for staff; an audience member is refused', async () => {
    const { db, screeningId, staff } = await soldOutWorld();
    const audience = await createUser(db);
    expect(await openRushLine(db, { id: audience.id, role: 'audience' }, { screeningId })).toMatchObject({ ok: false, reason: 'forbidden' });
    const opened = await Promise.all([openRushLine(db, staff, { screeningId }), openRushLine(db, staff, { screeningId })]);
    expect(opened.filter((o) => o.ok)).toHaveLength(1);
    expect(opened.filter((o) => !o.ok)).toEqual([expect.objectContaining({ reason: 'already_open' })]);

    const notSoldOut = await createGaScreening(db, 5);
    expect(await openRushLine(db, staff, { screeningId: notSoldOut })).toMatchObject({ ok: false, reason: 'not_sold_out' });
  });

  it('hands out numbers in order even when staff press at once, and computes the places at the call time', async () => {
    const { db, screeningId, staff } = await soldOutWorld();
    const opened = await openRushLine(db, staff, { screeningId, callMinutesBefore: 5 });
    if (!opened.ok) throw new Error(opened.message);
    const lineId = opened.lineId;

    const issued = await Promise.all(Array.from({ length: 6 }, () => issueRushNumber(db, staff, { lineId, partySize: 1 })));
    expect(issued.map((n) => (n.ok ? n.number : 0)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await issueRushNumber(db, staff, { lineId, partySize: 5 })).toMatchObject({ ok: false, reason: 'invalid_request' });

    // Called 5 minutes before a start 10 minutes away: too early. Moved to 15 minutes: on time.
    expect(await startRushCalling(db, staff, { lineId })).toMatchObject({ ok: false, reason: 'too_early' });
    expect(await changeRushCallTime(db, staff, { lineId, callMinutesBefore: 15 })).toEqual({ ok: true });
    // Calling before the places are computed is refused.
    expect(await callNextRushNumber(db, staff, { lineId })).toMatchObject({ ok: false, reason: 'wrong_state' });

    // 10 places: 5 checked in, 3 paid + 1 Community Access unscanned; staff release 2 (the latest paid ones).
    const computed = await startRushCalling(db, staff, { lineId, releaseCount: 2 });
    expect(computed).toEqual({ ok: true, capacity: 10, checkedIn: 5, kept: 2, released: 2, accessReturned: 1, otherwiseTaken: 0, placesToSell: 3 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const voided = await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets WHERE screening_id = ${screeningId} AND status = 'void'`);
    expect(voided!.n).toBe(2);
    const actions = await auditActions(screeningId);
    expect(actions.filter((a) => a.action === 'releaseUnscannedTicket')).toEqual([
      expect.objectContaining({ subject_kind: 'ticket', reason: expect.stringContaining('no refund') }),
      expect.objectContaining({ subject_kind: 'ticket' }),
    ]);
    // Online sale stops: the places found are the line's.
    const offSale = await firstRow<{ stopped: boolean }>(db, sql`SELECT off_sale_at <= now() AS stopped FROM screenings WHERE id = ${screeningId}`);
    expect(offSale!.stopped).toBe(true);
    // Computed once.
    expect(await startRushCalling(db, staff, { lineId })).toMatchObject({ ok: false, reason: 'wrong_state' });

    // Six staff press "call next" at once: exactly the 3 places' worth of numbers are called, the lowest ones.
    const calls = await Promise.all(Array.from({ length: 6 }, () => callNextRushNumber(db, staff, { lineId })));
    expect(calls.filter((c) => c.ok).map((c) => (c.ok ? c.number : 0)).sort()).toEqual([1, 2, 3]);
    expect(calls.filter((c) => !c.ok)).toEqual(Array.from({ length: 3 }, () => expect.objectContaining({ reason: 'no_places_left' })));

    // A called number that does not come is turned away; the next one is called in its place.
    const first = issued.find((n) => n.ok && n.number === 1);
    expect(await turnAwayRushNumber(db, staff, { numberId: first!.ok ? first!.numberId : '' })).toEqual({ ok: true });
    expect(await callNextRushNumber(db, staff, { lineId })).toMatchObject({ ok: true, number: 4 });

    const closed = await closeRushLine(db, staff, { lineId });
    expect(closed).toMatchObject({ ok: true, numbersIssued: 6, rushSold: 0, turnedAway: 6, stillWaiting: 0 });
    expect((await auditActions(screeningId)).at(-1)).toMatchObject({ action: 'closeRushLine' });
  });

  it('two staff selling at once never sell past the computed places, even when general sale has more free; reconciled at close', async () => {
    const { db, screeningId, staff } = await soldOutWorld();
    const opened = await openRushLine(db, staff, { screeningId });
    if (!opened.ok) throw new Error(opened.message);
    const lineId = opened.lineId;
    const numbers = [];
    for (let i = 0; i < 5; i++) {
      const n = await issueRushNumber(db, staff, { lineId, partySize: 1 });
      if (!n.ok) throw new Error(n.message);
      numbers.push(n.numberId);
    }
    expect(await startRushCalling(db, staff, { lineId, releaseCount: 2 })).toMatchObject({ ok: true, placesToSell: 3 });
    // After the count, a buyer's refund puts one more place back in general sale: the line still sells only its 3.
    const refunded = await firstRow<{ id: string }>(db, sql`
      UPDATE tickets SET status = 'void' WHERE id = (SELECT t.id FROM tickets t JOIN orders o ON o.id = t.order_id
        WHERE t.screening_id = ${screeningId} AND t.status = 'valid' AND o.scheme IS NULL AND t.checked_in_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id) LIMIT 1) RETURNING id`);
    expect(refunded).not.toBeNull();
    await db.execute(sql`UPDATE inventory_pools SET sold = sold - 1 WHERE screening_id = ${screeningId} AND kind = 'standard'`);
    // Every number is called (three by the rule; two by a second desk's stale screen, written directly).
    for (let i = 0; i < 3; i++) expect(await callNextRushNumber(db, staff, { lineId })).toMatchObject({ ok: true });
    await db.execute(sql`UPDATE rush_numbers SET status = 'called' WHERE rush_line_id = ${lineId} AND status = 'waiting'`);
    const type = await firstRow<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${screeningId} AND code = 'adult'`);

    // A comp needs a reason; nothing is sold by the refusal.
    expect(await sellToRushNumber(db, staff, { numberId: numbers[0]!, ticketTypeId: type!.id, quantity: 1, method: 'complimentary' }, settings)).toMatchObject({
      ok: false,
      reason: 'invalid_request',
    });
    const methods = ['cash', 'complimentary', 'card_terminal', 'cash', 'cash'] as const;
    const sales = await Promise.all(
      numbers.map((numberId, i) =>
        sellToRushNumber(db, staff, { numberId, ticketTypeId: type!.id, quantity: 1, method: methods[i]!, reason: methods[i] === 'complimentary' ? 'Volunteer' : undefined }, settings),
      ),
    );
    expect(sales.filter((s) => s.ok)).toHaveLength(3);
    expect(sales.filter((s) => !s.ok)).toEqual([expect.objectContaining({ reason: 'no_places_left' }), expect.objectContaining({ reason: 'no_places_left' })]);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const left = await firstRow<{ free: number }>(db, sql`SELECT capacity - held - sold AS free FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`);
    expect(left!.free).toBe(1);
    const linked = await firstRow<{ n: number; door: number }>(db, sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE o.source = 'door' AND o.created_by_id = ${staff.id})::int AS door
      FROM rush_numbers r JOIN orders o ON o.id = r.order_id WHERE r.rush_line_id = ${lineId}`);
    expect(linked).toEqual({ n: 3, door: 3 });

    const closed = await closeRushLine(db, staff, { lineId });
    if (!closed.ok) throw new Error(closed.message);
    expect(closed.rushSold).toBe(3);
    expect(closed.placesSold).toBe(3);
    expect(closed.paidTickets + closed.compTickets).toBe(3);
    expect(closed.amountCents).toBe(closed.paidTickets * 1500);
    expect(closed.turnedAway).toBe(2);
    const entry = await firstRow<{ after: Record<string, number> }>(db, sql`
      SELECT after FROM audit_entries WHERE subject_id = ${lineId} AND action = 'closeRushLine'`);
    expect(entry!.after).toMatchObject({ rushSold: 3, turnedAway: 2, placesSold: 3 });
  });
});
