import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { createFestival, createFilm, createGaVenue, createReservedVenue, createTestScreening } from '../support/factories';
import { inventoryProblems } from '../support/inventory';

const apps = inject('appUrls');

async function hold(app: string, screeningId: string, quantity: number) {
  const res = await fetch(`${app}/api/v1/screenings/${screeningId}/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ ticketType: 'adult', quantity }] }),
  });
  return { status: res.status, body: (await res.json()) as { holdId?: string; seats?: { id: string }[]; available?: number; error?: string } };
}

async function rush(screeningId: string, requests: number) {
  return Promise.all(Array.from({ length: requests }, (_, i) => hold(apps[i % apps.length]!, screeningId, 1)));
}

describe('an on-sale rush over two app instances', () => {
  it('500 concurrent hold requests on a 50-place general-admission screening hold exactly 50 places', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createGaVenue(db, festival.id, 50);
    const film = await createFilm(db, festival.id);
    const id = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });

    const results = await rush(id, 500);
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(450);
    expect(refused.every((r) => r.status === 409 && r.body.error === 'not_enough_seats' && r.body.available === 0)).toBe(true);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });

  it('500 concurrent best-available requests on a 50-seat reserved screening: 50 seats, none held twice', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createReservedVenue(db, festival.id, 5, 10);
    const film = await createFilm(db, festival.id);
    // Wheelchair and companion seats are never chosen automatically: 48 seats are open to best available.
    const id = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });

    const results = await rush(id, 500);
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(48);
    const seats = won.flatMap((r) => r.body.seats!.map((s) => s.id));
    expect(new Set(seats).size).toBe(48);
    expect(results.filter((r) => r.status === 409)).toHaveLength(452);
    expect(await inventoryProblems(db, id)).toEqual([]);
  });
});
