import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { holdSeats, releaseHold, type HoldResult } from '@/domain/booking/holds';
import { adult, createGaScreening, createHold, createPendingOrder, createReservedScreening, TEST_HOLD_SETTINGS as settings } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { rows } from '@/db/sql';

const MAX = settings.maxPerOrder;

const placesHeld = (results: HoldResult[]) => results.reduce((sum, r) => sum + (r.ok ? r.quantity : 0), 0);
const tooMany = (r: HoldResult) => !r.ok && r.reason === 'too_many_held';

async function poolHeld(screeningId: string): Promise<number> {
  const [pool] = await rows<{ held: number }>(getDb(), sql`
    SELECT held FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`);
  return pool!.held;
}

describe('the cap on places one client holds on one screening', () => {
  it('30 simultaneous holds of one place from one client, general admission: exactly the per-order maximum', async () => {
    const id = await createGaScreening(getDb(), 50);
    const results = await Promise.all(Array.from({ length: 30 }, () => holdSeats(getDb(), id, { items: adult(1) }, 'ip:10.0.0.1', settings)));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX);
    expect(results.filter(tooMany)).toHaveLength(30 - MAX);
    const refusal = results.find(tooMany);
    expect(refusal).toMatchObject({ ok: false, reason: 'too_many_held', message: expect.stringContaining(`at most ${MAX}`) });
    // The refused statements undid their write on the pool: only the held places count.
    expect(await poolHeld(id)).toBe(MAX);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('30 simultaneous best-available holds from one client, reserved seating: exactly the per-order maximum, no seat left claimed', async () => {
    const id = await createReservedScreening(getDb(), 5, 10);
    const results = await Promise.all(Array.from({ length: 30 }, () => holdSeats(getDb(), id, { items: adult(1) }, 'ip:10.0.0.2', settings)));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX);
    expect(results.filter(tooMany)).toHaveLength(30 - MAX);
    const [seats] = await rows<{ held: number }>(getDb(), sql`
      SELECT count(*)::int AS held FROM screening_seats WHERE screening_id = ${id} AND state = 'held'`);
    expect(seats!.held).toBe(MAX);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('simultaneous holds of 1–3 places from one client never add up past the cap', async () => {
    const id = await createGaScreening(getDb(), 100);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => holdSeats(getDb(), id, { items: adult(1 + (i % 3)) }, 'ip:10.0.0.3', settings)),
    );
    const held = placesHeld(results);
    expect(held).toBeLessThanOrEqual(MAX);
    expect(held).toBeGreaterThanOrEqual(MAX - 2); // a refusal leaves fewer places than it asked for
    expect(results.filter((r) => !r.ok).every(tooMany)).toBe(true);
    expect(await poolHeld(id)).toBe(held);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('other clients, and the same client on another screening, are not affected', async () => {
    const id = await createGaScreening(getDb(), 50);
    const other = await createGaScreening(getDb(), 50);
    const hoarder = 'ip:10.0.0.4';
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => holdSeats(getDb(), id, { items: adult(1) }, hoarder, settings)),
      ...Array.from({ length: 10 }, (_, i) => holdSeats(getDb(), id, { items: adult(2) }, `ip:10.1.0.${i}`, settings)),
    ]);
    expect(placesHeld(results.slice(0, 20))).toBe(MAX);
    expect(results.slice(20).every((r) => r.ok)).toBe(true);
    expect(await holdSeats(getDb(), other, { items: adult(MAX) }, hoarder, settings)).toMatchObject({ ok: true });
    expect(await holdSeats(getDb(), id, { items: adult(MAX) }, 'ip:10.2.0.1', settings)).toMatchObject({ ok: true });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a hold in checkout still counts; a released hold and an expired one free the cap', async () => {
    const id = await createGaScreening(getDb(), 50);
    const client = 'ip:10.0.0.5';
    await createPendingOrder(getDb(), id, { quantity: 5, clientKey: client, buyer: { name: 'A', email: 'a@example.org' } });
    expect(await holdSeats(getDb(), id, { items: adult(4) }, client, settings)).toMatchObject({ ok: false, reason: 'too_many_held' });
    const second = await createHold(getDb(), id, { quantity: 3, clientKey: client });
    expect(await holdSeats(getDb(), id, { items: adult(1) }, client, settings)).toMatchObject({ ok: false, reason: 'too_many_held' });

    // Released: its places no longer count.
    expect(await releaseHold(getDb(), second.holdId, second.holdToken)).toEqual({ ok: true, released: true });
    const short = await holdSeats(getDb(), id, { items: adult(3) }, client, { ...settings, holdMinutes: 0.002 });
    expect(short.ok).toBe(true);
    // Expired, even before anything sweeps it: its places no longer count either.
    await new Promise((r) => setTimeout(r, 250));
    expect(await holdSeats(getDb(), id, { items: adult(3) }, client, settings)).toMatchObject({ ok: true });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('a hold in checkout whose time ran out still counts until it is settled: it still keeps its places', async () => {
    const id = await createGaScreening(getDb(), 50);
    const client = 'ip:10.0.0.6';
    const hold = await createPendingOrder(getDb(), id, { quantity: 6, clientKey: client, buyer: { name: 'A', email: 'a@example.org' } });
    await getDb().execute(sql`UPDATE holds SET expires_at = now() - interval '1 second' WHERE id = ${hold.holdId}`);
    expect(await holdSeats(getDb(), id, { items: adult(3) }, client, settings)).toMatchObject({ ok: false, reason: 'too_many_held' });
    expect(await holdSeats(getDb(), id, { items: adult(2) }, client, settings)).toMatchObject({ ok: true });
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });
});

