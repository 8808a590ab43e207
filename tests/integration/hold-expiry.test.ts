import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { holdSeats } from '@/domain/booking/holds';
import { beginCheckout } from '@/domain/payments/orders';
import { getScreeningDetail, getScreeningSummary, listScreenings } from '@/domain/catalogue/screenings';
import { sweep } from '@/domain/payments/checkout';
import {
  adult,
  createFestival,
  createFilm,
  createGaVenue,
  createHold,
  createPendingOrder,
  createReservedVenue,
  createTestScreening,
  TEST_HOLD_SETTINGS as settings,
} from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { rows } from '@/db/sql';


async function screenings() {
  const db = getDb();
  const festival = await createFestival(db);
  const film = await createFilm(db, festival.id);
  const reservedVenue = await createReservedVenue(db, festival.id, 2, 5);
  const gaVenue = await createGaVenue(db, festival.id, 10);
  const reserved = await createTestScreening(db, festival, { venueId: reservedVenue.id, filmIds: [film.id], time: '14:00' });
  const ga = await createTestScreening(db, festival, { venueId: gaVenue.id, filmIds: [film.id], time: '20:00' });
  return { festival, reserved, ga };
}

async function pool(screeningId: string) {
  const [p] = await rows<{ held: number; sold: number }>(getDb(), sql`
    SELECT held, sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`);
  return p!;
}

async function seatStates(screeningId: string) {
  const found = await rows<{ state: string; n: number }>(getDb(), sql`
    SELECT state, count(*)::int AS n FROM screening_seats WHERE screening_id = ${screeningId} GROUP BY state`);
  return Object.fromEntries(found.map((r) => [r.state, r.n]));
}

async function holdStatus(holdId: string) {
  const [h] = await rows<{ status: string }>(getDb(), sql`SELECT status FROM holds WHERE id = ${holdId}`);
  return h!.status;
}

const runOut = (holdId: string) => getDb().execute(sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${holdId}`);

describe('the worker’s sweep of expired holds', () => {
  it('gives an abandoned hold’s places back, in a reserved house and in general admission', async () => {
    const { reserved, ga } = await screenings();
    const r = await createHold(getDb(), reserved, { quantity: 3, clientKey: 'abandon' });
    const g = await createHold(getDb(), ga, { quantity: 4, clientKey: 'abandon' });
    expect(await seatStates(reserved)).toMatchObject({ held: 3, available: 7 });
    await runOut(r.holdId);
    await runOut(g.holdId);

    await sweep();

    expect(await holdStatus(r.holdId)).toBe('expired');
    expect(await holdStatus(g.holdId)).toBe('expired');
    expect(await pool(reserved)).toMatchObject({ held: 0, sold: 0 });
    expect(await pool(ga)).toMatchObject({ held: 0, sold: 0 });
    expect(await seatStates(reserved)).toEqual({ available: 10 });
    expect(await inventoryProblems(getDb(), reserved)).toEqual([]);
    expect(await inventoryProblems(getDb(), ga)).toEqual([]);
  });
});

describe('shown availability never counts a hold that has run out', () => {
  it('shows its places as free before any sweep, on the programme, the screening page and the seat map', async () => {
    const { festival, reserved, ga } = await screenings();
    const r = await createHold(getDb(), reserved, { quantity: 4, clientKey: 'shown' });
    const g = await createHold(getDb(), ga, { quantity: 6, clientKey: 'shown' });
    const heldSeatIds = r.seats.map((s) => s.id);

    // While live, the holds count.
    expect((await getScreeningSummary(festival, reserved))?.available).toBe(6);
    expect((await getScreeningSummary(festival, ga))?.available).toBe(4);

    await runOut(r.holdId);
    await runOut(g.holdId);
    // Locking the holds keeps any sweep (this file's or another's: they skip locked rows) from ending them meanwhile.
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 FROM holds WHERE id IN (${r.holdId}, ${g.holdId}) FOR UPDATE`);
      // Not swept: the pool and the seats still say held.
      expect((await pool(reserved)).held).toBe(4);
      expect((await pool(ga)).held).toBe(6);
      expect(await seatStates(reserved)).toMatchObject({ held: 4 });

      // Shown: free.
      expect(await getScreeningSummary(festival, reserved)).toMatchObject({ available: 10, saleState: 'on_sale' });
      expect(await getScreeningSummary(festival, ga)).toMatchObject({ available: 10 });
      const listed = await listScreenings(festival, { ids: [reserved, ga] });
      expect(listed.map((s) => s.available)).toEqual([10, 10]);
      const detail = await getScreeningDetail(festival, reserved);
      expect(detail?.ticketTypes[0]?.available).toBe(10);
      const mapped = detail!.seatMap!.filter((s) => heldSeatIds.includes(s.id));
      expect(mapped.map((s) => s.state)).toEqual(['available', 'available', 'available', 'available']);
      expect(detail!.seatMap!.filter((s) => s.state === 'held')).toEqual([]);
      expect((await getScreeningDetail(festival, ga))?.ticketTypes[0]?.available).toBe(10);
    });

    // What the map shows as free can be taken: a buyer picking those very seats gets them.
    const picked = await holdSeats(getDb(), reserved, { items: adult(4), seats: heldSeatIds }, 'picker', settings);
    expect(picked).toMatchObject({ ok: true });
    expect(await holdStatus(r.holdId)).toBe('expired');
    expect(await inventoryProblems(getDb(), reserved)).toEqual([]);
  });

  it('still counts a hold in checkout that has run out: its places come back only once Stripe says the session expired', async () => {
    const { festival, ga } = await screenings();
    const g = await createPendingOrder(getDb(), ga, { quantity: 3, clientKey: 'paying', buyer: { name: 'A', email: 'a@example.org' } });
    await runOut(g.holdId);
    // Locked, so that no sweep settles the checkout meanwhile.
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 FROM orders WHERE hold_id = ${g.holdId} FOR UPDATE`);
      await tx.execute(sql`SELECT 1 FROM holds WHERE id = ${g.holdId} FOR UPDATE`);
      expect((await getScreeningSummary(festival, ga))?.available).toBe(7);
    });
  });
});

describe('entering checkout extends a hold once, and boundedly', () => {
  it('never beyond twice the hold time from the hold’s creation, and never again once in checkout', async () => {
    const { ga } = await screenings();
    const hold = await createHold(getDb(), ga, { quantity: 2, clientKey: 'extend' });
    // A hold made 15 minutes ago that has a minute left: a fresh 10 minutes would take it to 25 minutes in all.
    await getDb().execute(sql`UPDATE holds SET created_at = now() - interval '15 minutes', expires_at = now() + interval '1 minute' WHERE id = ${hold.holdId}`);
    const buyer = { name: 'A', email: 'a@example.org' };
    expect(await beginCheckout(getDb(), hold.holdId, hold.holdToken, buyer, { holdMinutes: 10 })).toMatchObject({ ok: true, created: true });
    const lifetime = async () => {
      const [h] = await rows<{ lifetime: number; left: number; status: string }>(getDb(), sql`
        SELECT extract(epoch FROM expires_at - created_at)::float AS lifetime, extract(epoch FROM expires_at - now())::float AS left, status
        FROM holds WHERE id = ${hold.holdId}`);
      return h!;
    };
    const first = await lifetime();
    expect(first.status).toBe('checkout');
    expect(first.lifetime).toBeCloseTo(20 * 60, -1);
    expect(first.left).toBeGreaterThan(4 * 60);
    expect(first.left).toBeLessThanOrEqual(5 * 60);

    // A second checkout (a retry, another tab) returns the same order and extends nothing.
    expect(await beginCheckout(getDb(), hold.holdId, hold.holdToken, buyer, { holdMinutes: 10 })).toMatchObject({ ok: true, created: false });
    expect((await lifetime()).lifetime).toBeCloseTo(first.lifetime, 3);

    // A fresh hold gets the full hold time in checkout: the bound only cuts what would exceed it.
    const fresh = await createHold(getDb(), ga, { quantity: 1, clientKey: 'extend' });
    await beginCheckout(getDb(), fresh.holdId, fresh.holdToken, buyer, { holdMinutes: 10 });
    const [f] = await rows<{ left: number }>(getDb(), sql`SELECT extract(epoch FROM expires_at - now())::float AS left FROM holds WHERE id = ${fresh.holdId}`);
    expect(f!.left).toBeGreaterThan(9 * 60);
  });
});
