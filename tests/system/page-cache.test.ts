import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { films } from '@/db/schema';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createTestScreening, getFestivalBySlug } from '../support/factories';
import { until } from '../support/until';

const apps = inject('appUrls');

/**
 * The public pages' cache on two production instances sharing one database: pages are answered from memory and
 * cacheable by a CDN, a catalogue edit on either side shows on both at once (PostgreSQL notifies every instance), and
 * availability comes from its own endpoint, seconds old at most, while the page stays cached.
 */
async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, cache: res.headers.get('x-marquee-cache'), control: res.headers.get('cache-control'), setCookie: res.headers.get('set-cookie'), text: await res.text() };
}

async function filmInTheFestival(capacity = 3) {
  const db = getDb();
  const festival = await getFestivalBySlug(db, getEnv().FESTIVAL_SLUG);
  const film = await createFilm(db, festival.id, { title: `Cached ${Date.now()}` });
  const venue = await createGaVenue(db, festival.id, capacity);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1 });
  return { film, screeningId };
}

describe('cached public pages', () => {
  it('a film page is rendered once per instance, then served from memory with a CDN-cacheable Cache-Control and no cookie', async () => {
    const { film } = await filmInTheFestival();
    for (const app of apps) {
      const first = await get(`${app}/films/${film.slug}`);
      expect(first.status).toBe(200);
      expect(first.text).toContain(film.title);
      // The instances' own jobs make real catalogue changes now and then (an allocation reaching its cut-off), which
      // empty the cache: a hit is looked for over a few tries, not demanded of one.
      const second = await until(() => get(`${app}/films/${film.slug}`), (r) => r.cache === 'hit', 3_000);
      expect(second.cache).toBe('hit');
      expect(second.control).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      expect(second.setCookie).toBeNull();
      expect(second.text).toBe(first.text);
    }
  });

  it('a signed-in visitor gets the same cached page as everyone: nothing personal is in it', async () => {
    const page = await get(`${apps[0]}/`, { cookie: 'authjs.session-token=not-a-real-session' });
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/Your account \(/);
    expect(page.setCookie).toBeNull();
    const me = await fetch(`${apps[0]}/api/v1/me`);
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    expect(await me.json()).toEqual({ user: null });
  });

  it('a catalogue edit on one instance shows on both at once, though both had the page cached', async () => {
    const { film } = await filmInTheFestival();
    for (const app of apps) {
      await get(`${app}/films/${film.slug}`);
      expect((await until(() => get(`${app}/films/${film.slug}`), (r) => r.cache === 'hit', 3_000)).cache).toBe('hit');
    }
    const renamed = `${film.title} (restored print)`;
    await getDb().update(films).set({ title: renamed }).where(eq(films.id, film.id));
    for (const app of apps) {
      // Within seconds, not after the cache's ten: the instances were told through PostgreSQL.
      const seen = await until(() => get(`${app}/films/${film.slug}`), (r) => r.text.includes(renamed), 3_000);
      expect(seen.text).toContain(renamed);
    }
  });

  it('a sold-out screening shows as sold out on the availability endpoint within seconds', async () => {
    // Eight places: above the "few left" line (5), and one hold (the per-order maximum) takes them all.
    const { film, screeningId } = await filmInTheFestival(8);
    const ids = `screenings=${screeningId}`;
    const before = (await (await fetch(`${apps[0]}/api/v1/availability?${ids}`)).json()) as { screenings: { id: string; saleState: string; available: number }[] };
    expect(before.screenings).toEqual([{ id: screeningId, saleState: 'on_sale', available: 8 }]);
    await get(`${apps[1]}/films/${film.slug}`);

    const hold = await fetch(`${apps[1]}/api/v1/screenings/${screeningId}/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
      body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 8 }] }),
    });
    expect(hold.status).toBe(201);
    const started = Date.now();
    const after = await until(
      async () => (await (await fetch(`${apps[0]}/api/v1/availability?${ids}`)).json()) as typeof before,
      (b) => b.screenings[0]?.saleState === 'sold_out',
      10_000,
    );
    expect(after.screenings[0]).toEqual({ id: screeningId, saleState: 'sold_out', available: 0 });
    // The availability endpoint keeps its answer 5 seconds: never longer.
    expect(Date.now() - started).toBeLessThan(9_000);
    // That a sale never empties the page cache is proven where it can be without the instances' own jobs (which make real
    // catalogue changes, such as releasing allocations at their cut-off) racing it: tests/integration/catalogue-changes.test.ts.
    expect((await get(`${apps[1]}/films/${film.slug}`)).status).toBe(200);
  });

  it('the availability endpoint refuses what it cannot answer with a 400 and a message', async () => {
    for (const query of ['', '?screenings=', '?screenings=not-a-uuid', `?screenings=${Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',')}`]) {
      const res = await fetch(`${apps[0]}/api/v1/availability${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('bad_request');
      expect(body.message.length).toBeGreaterThan(0);
    }
    const unknown = await fetch(`${apps[0]}/api/v1/availability?screenings=00000000-0000-4000-8000-000000000000`);
    expect(await unknown.json()).toEqual({ screenings: [] });
  });
});
