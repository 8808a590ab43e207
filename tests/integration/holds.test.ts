import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { holdSeats, releaseHold } from '@/domain/booking/holds';
import { beginCheckout } from '@/domain/payments/orders';
import { adult, createGaScreening, createHold, createReservedScreening, listScreeningSeats, TEST_HOLD_SETTINGS as settings } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { rows } from '@/db/sql';


const gaScreening = (capacity: number) => createGaScreening(getDb(), capacity);

/** A reserved house and its seats, front row first. */
async function reservedScreening(rows: number, perRow: number) {
  const id = await createReservedScreening(getDb(), rows, perRow);
  return { id, seats: await listScreeningSeats(getDb(), id) };
}

describe('holding places under concurrency', () => {
  it('200 simultaneous requests for one place each on a 50-place screening hold exactly 50', async () => {
    const id = await gaScreening(50);
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => holdSeats(getDb(), id, { items: adult(1) }, `client-${i}`, settings)));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.reason === 'not_enough_seats' && r.available === 0)).toBe(true);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('requests of 1–4 places never hold more than the capacity, and a refusal says how many are left', async () => {
    const id = await gaScreening(50);
    const sizes = Array.from({ length: 120 }, (_, i) => 1 + (i % 4));
    const results = await Promise.all(sizes.map((n, i) => holdSeats(getDb(), id, { items: adult(n) }, `c${i}`, settings)));
    const held = results.reduce((sum, r) => sum + (r.ok ? r.quantity : 0), 0);
    expect(held).toBeLessThanOrEqual(50);
    expect(held).toBeGreaterThanOrEqual(47); // the last refusals only happen when fewer places remain than asked for
    // A refusal reports what was left at that moment, which is always fewer than asked for.
    results.forEach((r, i) => {
      if (!r.ok) expect(r.reason === 'not_enough_seats' && r.available < sizes[i]!).toBe(true);
    });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('100 simultaneous requests for the same two seats: exactly one wins', async () => {
    const { id, seats } = await reservedScreening(3, 10);
    const pair = [seats[5]!.id, seats[6]!.id];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => holdSeats(getDb(), id, { items: adult(2), seats: pair }, `c${i}`, settings)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'seats_unavailable')).toBe(true);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('overlapping seat choices and best-available requests at once never share a seat', async () => {
    const { id, seats } = await reservedScreening(3, 10);
    const standard = seats.filter((s) => s.kind === 'standard');
    const requests = Array.from({ length: 80 }, (_, i) =>
      i % 2 === 0
        ? holdSeats(getDb(), id, { items: adult(2), seats: [standard[i % 20]!.id, standard[(i + 1) % 20]!.id] }, `c${i}`, settings)
        : holdSeats(getDb(), id, { items: adult(1 + (i % 3)) }, `c${i}`, settings),
    );
    const results = await Promise.all(requests);
    const heldSeats = results.flatMap((r) => (r.ok ? r.seats.map((s) => s.id) : []));
    expect(new Set(heldSeats).size).toBe(heldSeats.length);
    expect(heldSeats.length).toBeGreaterThan(20);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('best available keeps a party together near the middle and never picks wheelchair or companion places', async () => {
    const { id } = await reservedScreening(5, 10);
    const r = await holdSeats(getDb(), id, { items: adult(3) }, 'c', settings);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const rows = new Set(r.seats.map((s) => s.label.split(',')[0]));
    expect(rows.size).toBe(1);
    const numbers = r.seats.map((s) => Number(/seat (\d+)/.exec(s.label)![1])).sort((a, b) => a - b);
    expect(numbers[2]! - numbers[0]!).toBe(2);
    expect(r.seats.some((s) => /wheelchair|companion/.test(s.label))).toBe(false);
  });

  it('a companion seat is only sold together with a wheelchair space', async () => {
    const { id, seats } = await reservedScreening(2, 6);
    const wheelchair = seats.find((s) => s.kind === 'wheelchair')!;
    const companion = seats.find((s) => s.kind === 'companion')!;
    const alone = await holdSeats(getDb(), id, { items: adult(1), seats: [companion.id] }, 'c', settings);
    expect(alone).toMatchObject({ ok: false, reason: 'invalid_request' });
    const together = await holdSeats(getDb(), id, { items: adult(2), seats: [wheelchair.id, companion.id] }, 'c', settings);
    expect(together.ok).toBe(true);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('refuses bad requests without touching the inventory', async () => {
    const { id, seats } = await reservedScreening(2, 6);
    const cases = [
      { items: adult(9) },
      { items: [{ ticketType: 'platinum', quantity: 1 }] },
      { items: adult(0) },
      { items: adult(2), seats: [seats[0]!.id] },
      { items: adult(2), seats: [seats[3]!.id, seats[3]!.id] },
    ];
    for (const c of cases) expect((await holdSeats(getDb(), id, c, 'c', settings)).ok).toBe(false);
    const missing = await holdSeats(getDb(), '00000000-0000-4000-8000-000000000000', { items: adult(1) }, 'c', settings);
    expect(missing).toMatchObject({ ok: false, reason: 'screening_not_found' });
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.held).toBe(0);
  });
});

describe('hold expiry and release', () => {
  it('an expired hold frees its places for the next buyer at once, and cannot be checked out', async () => {
    const id = await gaScreening(3);
    const short = await holdSeats(getDb(), id, { items: adult(3) }, 'a', { holdMinutes: 0.002, maxPerOrder: 8 });
    expect(short.ok).toBe(true);
    expect(await holdSeats(getDb(), id, { items: adult(1) }, 'b', settings)).toMatchObject({ ok: false, reason: 'not_enough_seats' });
    await new Promise((r) => setTimeout(r, 250));
    const next = await holdSeats(getDb(), id, { items: adult(3) }, 'b', settings);
    expect(next.ok).toBe(true);
    if (!short.ok) return;
    const late = await beginCheckout(getDb(), short.holdId, short.holdToken, { name: 'A', email: 'a@example.org' }, { holdMinutes: 10 });
    expect(late).toMatchObject({ ok: false, reason: 'hold_ended' });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('checkout after the hold ran out is refused and the places come back', async () => {
    const id = await gaScreening(5);
    const short = await createHold(getDb(), id, { quantity: 2, clientKey: 'a', holdMinutes: 0.002 });
    await new Promise((r) => setTimeout(r, 250));
    const late = await beginCheckout(getDb(), short.holdId, short.holdToken, { name: 'A', email: 'a@example.org' }, { holdMinutes: 10 });
    expect(late).toMatchObject({ ok: false, reason: 'hold_expired' });
    const [pool] = await rows<{ held: number }>(getDb(), sql`SELECT held FROM inventory_pools WHERE screening_id = ${id} AND kind = 'standard'`);
    expect(pool?.held).toBe(0);
  });

  it('only the holder of the token can release a hold', async () => {
    const id = await gaScreening(5);
    const hold = await createHold(getDb(), id, { quantity: 2, clientKey: 'a' });
    expect(await releaseHold(getDb(), hold.holdId, 'not-the-token')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await releaseHold(getDb(), hold.holdId, null)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await releaseHold(getDb(), hold.holdId, hold.holdToken)).toEqual({ ok: true, released: true });
    expect(await releaseHold(getDb(), hold.holdId, hold.holdToken)).toEqual({ ok: true, released: false });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a double click on checkout makes one order', async () => {
    const id = await gaScreening(5);
    const hold = await createHold(getDb(), id, { quantity: 2, clientKey: 'a' });
    const buyer = { name: 'Ada', email: 'ada@example.org' };
    const [a, b] = await Promise.all([
      beginCheckout(getDb(), hold.holdId, hold.holdToken, buyer, { holdMinutes: 10 }),
      beginCheckout(getDb(), hold.holdId, hold.holdToken, buyer, { holdMinutes: 10 }),
    ]);
    expect(a.ok && b.ok && a.orderId === b.orderId).toBe(true);
    expect([a, b].filter((r) => r.ok && r.created)).toHaveLength(1);
    // A hold in checkout is "payment pending": it cannot be released without Stripe.
    expect(await releaseHold(getDb(), hold.holdId, hold.holdToken)).toEqual({ ok: false, reason: 'payment_pending' });
  });
});
