import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { claimIndigenousTickets, joinWaitlist } from '@/domain/access/indigenous';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createSignedInUser, createTestScreening, getFestivalBySlug, uniq } from '../support/factories';
import { discoverRoutes } from '../support/routes';

const app = inject('appUrls')[0]!;

/**
 * Privacy: who self-identified for Indigenous Access is never shown to staff. A person with a name and an email found
 * nowhere else claims tickets and waits for another screening; then every box-office page, report and export, fetched
 * as staff and as an admin from the running production build, must not contain their name, email or account id, and
 * their order must not open for staff by id (page, API, PDF, calendar file).
 */
describe('Indigenous Access privacy', () => {
  it('no staff page, report or export shows who self-identified, and staff cannot open their order', async () => {
    const db = getDb();
    const env = getEnv();
    const marker = uniq('Wairua');
    const name = `${marker} Privacytest`;
    const person = await createSignedInUser(db, env.APP_SECRET, { name, email: `${marker.toLowerCase()}@example.org` });
    const festival = await getFestivalBySlug(db, env.FESTIVAL_SLUG);
    const venue = await createGaVenue(db, festival.id, 40);
    const film = await createFilm(db, festival.id);
    const screening = (places: number) => createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1, time: '18:15', allocations: { indigenous_access: places } });
    const [open, full] = [await screening(6), await screening(1)];
    const settings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' } as const;
    const claimed = await claimIndigenousTickets(db, { id: person.id, email: person.email, name }, { screeningId: open, quantity: 2, selfIdentified: true }, settings);
    if (!claimed.ok) throw new Error(claimed.reason);
    const other = await createSignedInUser(db, env.APP_SECRET, { name: 'Someone Else' });
    expect((await claimIndigenousTickets(db, { id: other.id, email: other.email, name: 'Someone Else' }, { screeningId: full, quantity: 1, selfIdentified: true }, settings)).ok).toBe(true);
    const waiting = await joinWaitlist(db, { id: person.id, email: person.email, name }, { screeningId: full, quantity: 1 });
    expect(waiting.ok).toBe(true);
    // The claim is real: its buyer sees it.
    const own = await fetch(`${app}/account/requests`, { headers: { cookie: person.cookie } });
    expect(await own.text()).toContain(claimed.orderNumber);

    // Every staff page without a path parameter (the box office grows with the other features), and the exports.
    const staffPages = discoverRoutes()
      .pages.map((p) => p.slice('PAGE '.length))
      .filter((p) => p.startsWith('/box-office') && !p.includes('['));
    const exports = discoverRoutes()
      .handlers.filter((h) => h.startsWith('GET /box-office') && !h.includes('['))
      .map((h) => h.slice('GET '.length));
    expect(staffPages).toContain('/box-office/reports');
    expect(exports).toContain('/box-office/reports/access-counts.csv');
    const secrets = [name, marker, person.email, person.id];
    for (const role of ['staff', 'admin'] as const) {
      const reader = await createSignedInUser(db, env.APP_SECRET, { role, name: `Reader ${role}` });
      for (const path of [...staffPages, ...exports]) {
        const res = await fetch(`${app}${path}`, { headers: { cookie: reader.cookie }, redirect: 'manual' });
        expect(res.status, `${path} as ${role}`).toBe(200);
        const body = await res.text();
        for (const secret of secrets) expect(body.includes(secret), `${path} as ${role} shows ${secret}`).toBe(false);
      }
      // The order is not one staff may read, however they ask for it.
      for (const path of [`/orders/${claimed.orderId}`, `/api/v1/orders/${claimed.orderId}`, `/orders/${claimed.orderId}/tickets.pdf`, `/orders/${claimed.orderId}/calendar.ics`]) {
        const res = await fetch(`${app}${path}`, { headers: { cookie: reader.cookie }, redirect: 'manual' });
        expect(res.status, `${path} as ${role}`).toBe(404);
      }
    }
    // The report counts the claim, hidden under 5.
    const staff = await createSignedInUser(db, env.APP_SECRET, { role: 'staff' });
    const csv = await (await fetch(`${app}/box-office/reports/access-counts.csv`, { headers: { cookie: staff.cookie } })).text();
    expect(csv).toContain('fewer than 5');
    // Nothing about the person beyond the fact of the claim is stored: the order's scheme, no other column.
    const [order] = await rows<{ scheme: string; note: string | null }>(db, sql`SELECT scheme, note FROM orders WHERE id = ${claimed.orderId}`);
    expect(order).toEqual({ scheme: 'indigenous_access', note: null });
  });
});
