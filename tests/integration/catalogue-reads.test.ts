import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { festivals, organisations, users } from '@/db/schema';
import { DEMO_FESTIVAL } from '@/db/seed';
import { DEMO_ACCOUNTS } from '@/db/seed/accounts';
import { rows } from '@/db/sql';
import { getOrganisationPage, listOrganisations, listUsers, USERS_PAGE_SIZE } from '@/domain/accounts/accounts';
import { listFilms, getFilmBySlug } from '@/domain/catalogue/films';
import { screeningTitle, screeningTitleSql } from '@/domain/catalogue/screening-title';
import { listScreenings } from '@/domain/catalogue/screenings';
import { getVenueBySlug, listVenues } from '@/domain/catalogue/venues';
import { createFestival, createFilm, createGaVenue, createTestScreening, getFestivalSummary } from '../support/factories';

async function demoFestival() {
  const [f] = await getDb().select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, DEMO_FESTIVAL.slug));
  return getFestivalSummary(getDb(), f!.id);
}

describe('catalogue and account reads on the demo festival', () => {
  it('venues: seat counts from the seat map, or the stated capacity', async () => {
    const festival = await demoFestival();
    const venues = await listVenues(festival);
    expect(venues.length).toBeGreaterThan(1);
    expect(venues.map((v) => v.name)).toEqual([...venues.map((v) => v.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const reserved = venues.find((v) => v.seating === 'reserved')!;
    expect(reserved.capacity).toBeGreaterThan(0);
    expect(reserved.wheelchairSpaces).toBeGreaterThan(0);
    const [seatCount] = await rows<{ n: number }>(
      getDb(),
      sql`SELECT count(*)::int AS n FROM seats st JOIN venues v ON v.id = st.venue_id WHERE v.festival_id = ${festival.id} AND v.slug = ${reserved.slug}`,
    );
    expect(reserved.capacity).toBe(seatCount!.n);
    const page = await getVenueBySlug(festival, reserved.slug);
    expect(page).toMatchObject({ slug: reserved.slug, capacity: reserved.capacity, wheelchairSpaces: reserved.wheelchairSpaces });
    expect(Object.keys(page!).sort()).toEqual([...Object.keys(reserved), 'screenings'].sort());
    expect(await getVenueBySlug(festival, 'no-such-venue')).toBeNull();
  });

  it('a film page: credits, cast and partners in their order', async () => {
    const festival = await demoFestival();
    const films = await listFilms(festival);
    const details = await Promise.all(films.map((f) => getFilmBySlug(festival, f.slug)));
    const withCast = details.find((d) => d && d.cast.length > 0)!;
    expect(withCast.cast[0]).toEqual({ slug: expect.any(String), name: expect.any(String), characterName: expect.toSatisfy((v) => v === null || typeof v === 'string') });
    expect(details.some((d) => d && d.partners.length > 0)).toBe(true);
    const directed = details.find((d) => d && d.directorProfiles.length > 0)!;
    expect(directed.credits[0]!.role).toBe('director');
    expect(directed.directorProfiles[0]!.filmography).toBeInstanceOf(Array);
  });

  it('the screening title reads the same in SQL as in TypeScript', async () => {
    const db = getDb();
    const shorts = await createFestival(db);
    const venue = await createGaVenue(db, shorts.id);
    const [a, b] = [await createFilm(db, shorts.id, { title: 'Alpha' }), await createFilm(db, shorts.id, { title: 'Beta' })];
    await createTestScreening(db, shorts, { venueId: venue.id, filmIds: [a.id, b.id], programmeTitle: 'Shorts 1' });
    await createTestScreening(db, shorts, { venueId: venue.id, filmIds: [b.id], time: '21:00' });
    const festival = await demoFestival();
    const screenings = [...(await listScreenings(festival, {})), ...(await listScreenings(shorts, {}))];
    expect(screenings.length).toBeGreaterThan(10);
    expect(screenings.filter((s) => s.title === 'Shorts 1' && s.isProgramme)).toHaveLength(1);
    const fromSql = await rows<{ id: string; title: string }>(
      db,
      sql`SELECT s.id, ${screeningTitleSql(sql`s`)} AS title FROM screenings s WHERE s.festival_id IN (${festival.id}, ${shorts.id})`,
    );
    const byId = new Map(fromSql.map((r) => [r.id, r.title]));
    for (const s of screenings) {
      expect(byId.get(s.id), s.id).toBe(s.title);
      expect(screeningTitle(s.isProgramme ? s.title : null, s.films)).toBe(s.title);
    }
  });

  it('accounts: users with their organisation, an organisation page with members and open invitations', async () => {
    const partner = (await listUsers({ q: DEMO_ACCOUNTS[2].email })).users.find((u) => u.email === DEMO_ACCOUNTS[2].email)!;
    expect(partner).toMatchObject({ role: 'partner', organisation: expect.any(String), createdAt: expect.any(Date) });
    const orgs = await listOrganisations();
    expect(orgs.map((o) => o.name)).toContain(partner.organisation);
    const [org] = await getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, partner.organisation!));
    const page = await getOrganisationPage(org!.id);
    expect(page?.members).toContainEqual({ id: partner.id, name: partner.name, email: partner.email, orgRole: 'admin' });
    expect(page?.pendingInvitations).toBeInstanceOf(Array);
    const [admin] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0].email));
    const admins = await listUsers({ q: DEMO_ACCOUNTS[0].email.toUpperCase() });
    expect(admins.users.find((u) => u.id === admin?.id)?.organisation ?? null).toBeNull();
    // Bounded: a page holds at most USERS_PAGE_SIZE accounts, and a search that matches nobody is empty.
    expect((await listUsers()).users.length).toBeLessThanOrEqual(USERS_PAGE_SIZE);
    expect(await listUsers({ q: 'no-such-account-%_' })).toMatchObject({ users: [], hasMore: false });
  });
});
