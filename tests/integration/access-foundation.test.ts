import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueFreeTickets, type FreeTicketsRequest } from '@/domain/access/issue-tickets';
import { movePlacesFromGeneralSale, movePlacesToGeneralSale, voidAccessTickets } from '@/domain/access/return-places';
import { getFundBalance, moveFund } from '@/domain/access-fund/ledger';
import { transact } from '@/domain/shared/refusal';
import { inventoryProblems } from '../support/inventory';
import { createFestival, createFilm, createGaVenue, createReservedVenue, createTestScreening, listScreeningSeats } from '../support/factories';
import { TEST_ORDER_SETTINGS as settings } from '../support/factories';

/** The shared parts of the access schemes: free tickets from a scheme's pool, places moved to and from general sale, the fund's ledger. */

async function screening(kind: 'ga' | 'reserved', allocations: Record<string, number>) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = kind === 'ga' ? await createGaVenue(db, festival.id, 20) : await createReservedVenue(db, festival.id, 2, 10);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations });
  return { screeningId, festivalId: festival.id };
}

const request = (screeningId: string, o: Partial<FreeTicketsRequest> = {}): FreeTicketsRequest => ({
  screeningId,
  scheme: 'indigenous_access',
  pool: 'indigenous_access',
  quantity: 1,
  buyer: { name: 'Test Claimant', email: 'claimant@example.org' },
  ...o,
});

async function pools(screeningId: string) {
  const found = await rows<{ kind: string; capacity: number; sold: number }>(getDb(), sql`
    SELECT kind, capacity, sold FROM inventory_pools WHERE screening_id = ${screeningId}`);
  return Object.fromEntries(found.map((p) => [p.kind, { capacity: p.capacity, sold: p.sold }]));
}

describe('issueFreeTickets', () => {
  it('never issues more than the scheme pool holds, however many claim at once, and never touches general sale', async () => {
    const db = getDb();
    const { screeningId } = await screening('ga', { indigenous_access: 3 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => db.transaction((tx) => issueFreeTickets(tx, request(screeningId), settings))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'not_enough_places')).toBe(true);
    const p = await pools(screeningId);
    expect(p.indigenous_access).toEqual({ capacity: 3, sold: 3 });
    expect(p.standard).toEqual({ capacity: 17, sold: 0 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const orders = await rows<{ total_cents: number; status: string; scheme: string }>(db, sql`
      SELECT total_cents, status, scheme FROM orders WHERE screening_id = ${screeningId}`);
    expect(orders).toHaveLength(3);
    expect(orders.every((o) => o.total_cents === 0 && o.status === 'paid' && o.scheme === 'indigenous_access')).toBe(true);
    const mail = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM emails WHERE "to" = 'claimant@example.org' AND attachments::text LIKE ${'%' + (results.find((r) => r.ok) as { orderId: string }).orderId + '%'}`);
    expect(mail[0]!.n).toBe(1);
  });

  it('gives real seats in a reserved house, by the same rules, and gives them back on cancellation', async () => {
    const db = getDb();
    const { screeningId } = await screening('reserved', { indigenous_access: 4 });
    const seats = await listScreeningSeats(db, screeningId);
    const wheelchair = seats.find((s) => s.kind === 'wheelchair')!;
    const companion = seats.find((s) => s.kind === 'companion')!;
    // A companion seat alone breaks the companion rule, as in a purchase.
    const alone = await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 1, seatIds: [companion.id] }), settings));
    expect(alone).toMatchObject({ ok: false, reason: 'invalid_request' });
    const pair = await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 2, seatIds: [wheelchair.id, companion.id] }), settings));
    expect(pair.ok).toBe(true);
    const best = await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 2, holderNames: ['First Guest', null] }), settings));
    expect(best.ok && best.tickets.every((t) => t.seat)).toBe(true);
    const again = await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 1, seatIds: [wheelchair.id] }), settings));
    expect(again).toMatchObject({ ok: false });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    if (!best.ok) throw new Error('unreachable');
    const holders = await rows<{ holder_name: string }>(db, sql`SELECT holder_name FROM tickets WHERE order_id = ${best.orderId} ORDER BY holder_name`);
    expect(holders.map((h) => h.holder_name)).toEqual(['First Guest', 'Test Claimant']);

    const voided = await db.transaction((tx) => voidAccessTickets(tx, best.orderId));
    expect(voided).toMatchObject({ ok: true, voided: 2, orderCancelled: true });
    expect((await pools(screeningId)).indigenous_access).toEqual({ capacity: 4, sold: 2 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    // Voiding twice gives nothing back twice.
    expect(await db.transaction((tx) => voidAccessTickets(tx, best.orderId))).toMatchObject({ ok: false, reason: 'nothing_to_void' });
  });

  it('leaves the caller free to roll back its own writes when it is refused', async () => {
    const db = getDb();
    const { screeningId } = await screening('ga', { indigenous_access: 1 });
    const result = await transact(db, async (tx, refuse) => {
      await tx.execute(sql`UPDATE access_allocations SET quantity = quantity WHERE screening_id = ${screeningId}`);
      const r = await issueFreeTickets(tx, request(screeningId, { quantity: 2 }), settings);
      if (!r.ok) refuse(r);
      return r;
    });
    expect(result).toMatchObject({ ok: false, reason: 'not_enough_places', message: 'Only 1 place left.' });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });
});

describe('moving places between a scheme and general sale', () => {
  it('keeps the house whole, never moves sold places, and after the cut-off a cancelled place goes straight to general sale', async () => {
    const db = getDb();
    const { screeningId } = await screening('ga', { indigenous_access: 4 });
    await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 1 }), settings));
    const order = await db.transaction((tx) => issueFreeTickets(tx, request(screeningId, { quantity: 1 }), settings));
    // Both moves at once: the pool rows serialise them, and only the 2 free places can go.
    const moved = await Promise.all([0, 1].map(() => db.transaction((tx) => movePlacesToGeneralSale(tx, screeningId, 'indigenous_access', 2))));
    expect(moved.sort()).toEqual([0, 2]);
    expect(await pools(screeningId)).toMatchObject({ indigenous_access: { capacity: 2, sold: 2 }, standard: { capacity: 18, sold: 0 } });
    await db.execute(sql`UPDATE access_allocations SET released_at = now() WHERE screening_id = ${screeningId} AND scheme = 'indigenous_access'`);
    if (!order.ok) throw new Error('unreachable');
    await db.transaction((tx) => voidAccessTickets(tx, order.orderId));
    expect(await pools(screeningId)).toMatchObject({ indigenous_access: { capacity: 1, sold: 1 }, standard: { capacity: 19, sold: 0 } });
    expect(await db.transaction((tx) => movePlacesFromGeneralSale(tx, screeningId, 'indigenous_access', 50))).toBe(19);
    expect(await pools(screeningId)).toMatchObject({ indigenous_access: { capacity: 20 }, standard: { capacity: 0 } });
    const allocation = await rows<{ quantity: number }>(db, sql`SELECT quantity FROM access_allocations WHERE screening_id = ${screeningId} AND scheme = 'indigenous_access'`);
    expect(allocation[0]!.quantity).toBe(20);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });
});

describe('the access fund ledger', () => {
  it('never goes below zero when debits race, and records each donation once', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const donation = await rows<{ id: string }>(db, sql`
      INSERT INTO donations (festival_id, amount_cents, currency, donor_name, donor_email, status)
      VALUES (${festival.id}, 1000, 'CAD', 'Donor', 'donor@example.org', 'paid') RETURNING id`);
    const credit = () => db.transaction((tx) => moveFund(tx, { festivalId: festival.id, kind: 'donation', amountCents: 1000, donationId: donation[0]!.id }));
    const credits = await Promise.all([credit(), credit()]);
    expect(credits.filter((c) => c.ok && c.recorded)).toHaveLength(1);
    expect(await getFundBalance(db, festival.id)).toBe(1000);
    const debits = await Promise.all(
      Array.from({ length: 6 }, () => db.transaction((tx) => moveFund(tx, { festivalId: festival.id, kind: 'ticket', amountCents: 300 }))),
    );
    expect(debits.filter((d) => d.ok)).toHaveLength(3);
    expect(debits.filter((d) => !d.ok).every((d) => !d.ok && d.reason === 'insufficient_funds')).toBe(true);
    expect(await getFundBalance(db, festival.id)).toBe(100);
    const ledger = await rows<{ sum: number; n: number }>(db, sql`
      SELECT coalesce(sum(amount_cents), 0)::int AS sum, count(*)::int AS n FROM fund_entries WHERE festival_id = ${festival.id}`);
    expect(ledger[0]).toEqual({ sum: 100, n: 4 });
  });
});

describe('transact', () => {
  it('runs a command again when PostgreSQL aborts it to break a deadlock, so neither person sees an error', async () => {
    const db = getDb();
    const [first, second] = [await createFestival(db), await createFestival(db)];
    let attempts = 0;
    // Two commands that lock the same two rows in opposite orders, each pausing between its locks: a deadlock.
    const lockBoth = (a: string, b: string, name: string) =>
      transact(db, async (tx) => {
        attempts++;
        await tx.execute(sql`SELECT 1 FROM festivals WHERE id = ${a} FOR UPDATE`);
        await tx.execute(sql`SELECT pg_sleep(0.3)`);
        await tx.execute(sql`SELECT 1 FROM festivals WHERE id = ${b} FOR UPDATE`);
        return name;
      });
    expect(await Promise.all([lockBoth(first.id, second.id, 'one'), lockBoth(second.id, first.id, 'two')])).toEqual(['one', 'two']);
    // PostgreSQL aborted one of them once; it ran again after the other committed.
    expect(attempts).toBe(3);
  });
});
