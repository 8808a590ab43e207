import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { getEnv } from '@/platform/env';
import { createGaScreening, createReservedScreening, getFestivalBySlug } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { postActionForm } from '../support/server-actions';

const apps = inject('appUrls');
/** The instances run with the default MAX_TICKETS_PER_ORDER. */
const MAX_PER_ORDER = 8;

/**
 * Each simulated buyer is its own client, as behind the one trusted proxy
 * (TRUSTED_PROXY_HOPS=1) that adds X-Forwarded-For: one client may hold only
 * the per-order maximum of a screening, so a rush from one address would stop there.
 */
const buyer = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function hold(app: string, screeningId: string, quantity: number, client: string) {
  const res = await fetch(`${app}/api/v1/screenings/${screeningId}/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ items: [{ ticketType: 'adult', quantity }] }),
  });
  return { status: res.status, body: (await res.json()) as { holdId?: string; seats?: { id: string }[]; available?: number; error?: string; message?: string } };
}

async function rush(screeningId: string, requests: number) {
  return Promise.all(Array.from({ length: requests }, (_, i) => hold(apps[i % apps.length]!, screeningId, 1, buyer(i))));
}

describe('an on-sale rush over two app instances', () => {
  it('500 concurrent hold requests on a 50-place general-admission screening hold exactly 50 places', async () => {
    const db = getDb();
    const id = await createGaScreening(db, 50);

    const results = await rush(id, 500);
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(450);
    expect(refused.every((r) => r.status === 409 && r.body.error === 'not_enough_seats' && r.body.available === 0)).toBe(true);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });

  it('500 concurrent best-available requests on a 50-seat reserved screening: 50 seats, none held twice', async () => {
    const db = getDb();
    // Wheelchair and companion seats are never chosen automatically: 48 seats are open to best available.
    const id = await createReservedScreening(db, 5, 10);

    const results = await rush(id, 500);
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(48);
    const seats = won.flatMap((r) => r.body.seats!.map((s) => s.id));
    expect(new Set(seats).size).toBe(48);
    expect(results.filter((r) => r.status === 409)).toHaveLength(452);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });

  it('one client sending 40 concurrent holds over both instances holds the per-order maximum, and no more', async () => {
    const db = getDb();
    const id = await createGaScreening(db, 100);

    const hoarder = '10.200.0.1';
    const results = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => hold(apps[i % apps.length]!, id, 1, hoarder)),
      // Everyone else is served as usual meanwhile.
      ...Array.from({ length: 10 }, (_, i) => hold(apps[i % apps.length]!, id, 2, buyer(1000 + i))),
    ]);
    const mine = results.slice(0, 40);
    expect(mine.filter((r) => r.status === 201)).toHaveLength(MAX_PER_ORDER);
    const refused = mine.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(40 - MAX_PER_ORDER);
    expect(refused.every((r) => r.status === 409 && r.body.error === 'too_many_held' && /at most 8/.test(r.body.message ?? ''))).toBe(true);
    expect(results.slice(40).every((r) => r.status === 201)).toBe(true);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });

  it('the booking form says why when the same browser would hold more than the per-order maximum', async () => {
    // A screening of the festival the site shows, so that its booking page exists.
    const db = getDb();
    const id = await createGaScreening(db, 50, { festival: await getFestivalBySlug(db, getEnv().FESTIVAL_SLUG) });
    const page = `/screenings/${id}/book`;

    const first = await postActionForm(apps[0]!, page, 'holdSeatsAction', { qty_adult: '5', mode: 'best' });
    expect(new URL(first.headers.get('location') ?? '', apps[0]).pathname).toMatch(/^\/checkout\/[0-9a-f-]{36}$/);
    const second = await postActionForm(apps[1]!, page, 'holdSeatsAction', { qty_adult: '4', mode: 'best' });
    expect(second.status).toBe(303);
    const back = new URL(second.headers.get('location') ?? '', apps[1]);
    expect(back.pathname).toBe(page);
    expect(back.searchParams.get('error')).toMatch(/already hold places for this screening: at most 8 at a time/);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });
});

