import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { films, inventoryPools, orderItems, screeningSeats, screenings, seats, ticketTypes } from '@/db/schema';
import { holdSeats } from '@/domain/booking/holds';
import { createFilm as createFilmCommand, updateFilm } from '@/domain/programme/films';
import { importProgramme, previewProgrammeImport } from '@/domain/programme/import';
import { addCredit, addFilmPartner, createPerson, listFilmPartners, removeFilmPartner } from '@/domain/programme/people';
import { addTicketType, deleteTicketType, listPriceList, updateTicketType } from '@/domain/programme/price-list';
import { deleteScreening, scheduleScreening, updateScreening, type ScreeningInput } from '@/domain/programme/screenings';
import { zonedTimeToUtc, addDays } from '@/lib/time';
import {
  createFestival,
  createFilm,
  createGaVenue,
  createHold,
  createOrganisation,
  createPaidOrder,
  createReservedVenue,
  createUser,
  TEST_HOLD_SETTINGS,
  uniq,
} from '../support/factories';

/** Programme management (issue 9): the rules staff's edits never break, checked against PostgreSQL. */

async function world(o: { changeover?: number; capacity?: number } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, o.capacity ?? 50);
  if (o.changeover !== undefined) await db.execute(sql`UPDATE venues SET changeover_minutes = ${o.changeover} WHERE id = ${venue.id}`);
  const film = await createFilm(db, festival.id, { runtimeMinutes: 90 });
  const staff = await createUser(db, { role: 'staff', name: uniq('Programmer') });
  const at = (time: string, day = 0) => zonedTimeToUtc(addDays(festival.startsOn, day), time, festival.timeZone);
  const input = (time: string, extra: Partial<ScreeningInput> = {}): ScreeningInput => ({
    filmIds: [film.id],
    venueId: venue.id,
    startsAt: at(time),
    status: 'on_sale',
    onSaleAt: new Date(Date.now() - 3_600_000),
    ...extra,
  });
  return { db, festival, venue, film, staff, at, input };
}

const auditCount = async (subjectId: string, action: string) =>
  (await firstRow<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM audit_entries WHERE subject_id = ${subjectId} AND action = ${action}`))!.n;

describe('scheduling a screening', () => {
  it('never lets a venue host two overlapping screenings, even when six are created at the same moment', async () => {
    const { db, festival, staff, input, venue } = await world();
    // Six overlapping creates at once (19:00 to 19:25, 90-minute film): the venue row lock makes them queue, so one wins.
    const results = await Promise.all(['19:00', '19:05', '19:10', '19:15', '19:20', '19:25'].map((t) => scheduleScreening(db, staff, festival.id, input(t))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.ok ? '' : r.reason).toBe('venue_busy');
    const [{ n }] = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM screenings WHERE venue_id = ${venue.id}`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("counts the venue's changeover time, and ignores cancelled screenings", async () => {
    const { db, festival, staff, input } = await world({ changeover: 20 });
    // 14:00 + 90 min + 10 min = 15:40; with 20 minutes of changeover the next may start at 16:00.
    const first = await scheduleScreening(db, staff, festival.id, input('14:00'));
    expect(first.ok).toBe(true);
    const tooSoon = await scheduleScreening(db, staff, festival.id, input('15:50'));
    expect(tooSoon).toMatchObject({ ok: false, reason: 'venue_busy' });
    if (!tooSoon.ok) expect(tooSoon.message).toMatch(/20 minutes between screenings/);
    const before = await scheduleScreening(db, staff, festival.id, input('11:00'));
    expect(before.ok).toBe(true); // 11:00–12:40, then 20 minutes, then 14:00 is free
    expect(await scheduleScreening(db, staff, festival.id, input('16:00'))).toMatchObject({ ok: true });
    if (!first.ok) throw new Error('unreachable');
    await db.update(screenings).set({ status: 'cancelled' }).where(eq(screenings.id, first.screeningId));
    expect(await scheduleScreening(db, staff, festival.id, input('13:05'))).toMatchObject({ ok: true });
  });

  it('moves a screening only where its venue is free, and refuses a time that clashes', async () => {
    const { db, festival, staff, input } = await world();
    const a = await scheduleScreening(db, staff, festival.id, input('12:00'));
    const b = await scheduleScreening(db, staff, festival.id, input('18:00'));
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await updateScreening(db, staff, b.screeningId, input('13:00'))).toMatchObject({ ok: false, reason: 'venue_busy' });
    expect(await updateScreening(db, staff, b.screeningId, input('17:00'))).toMatchObject({ ok: true });
    // Its own old time never counts against it.
    expect(await updateScreening(db, staff, b.screeningId, input('17:05'))).toMatchObject({ ok: true });
    expect(await auditCount(b.screeningId, 'screening.update')).toBe(2);
  });

  it('moves a screening to another venue only while nothing is sold or held, rebuilding its inventory', async () => {
    const { db, festival, staff, input } = await world({ capacity: 50 });
    const other = await createReservedVenue(db, festival.id, 2, 10);
    const made = await scheduleScreening(db, staff, festival.id, input('19:00'));
    const held = await scheduleScreening(db, staff, festival.id, input('12:00'));
    if (!made.ok || !held.ok) throw new Error('setup');
    expect(await updateScreening(db, staff, made.screeningId, input('19:00', { venueId: other.id }))).toMatchObject({ ok: true });
    const seatRows = await db.select({ state: screeningSeats.state }).from(screeningSeats).where(eq(screeningSeats.screeningId, made.screeningId));
    expect(seatRows).toHaveLength(20);
    const pools = await db.select({ capacity: inventoryPools.capacity }).from(inventoryPools).where(eq(inventoryPools.screeningId, made.screeningId));
    expect(pools.reduce((sum, p) => sum + p.capacity, 0)).toBe(20);
    await createHold(db, held.screeningId, { quantity: 1 });
    expect(await updateScreening(db, staff, held.screeningId, input('12:00', { venueId: other.id }))).toMatchObject({ ok: false, reason: 'venue_in_use' });
  });

  it('makes the inventory the seed makes, with blocked seats blocked and out of the house', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createReservedVenue(db, festival.id, 2, 10);
    const film = await createFilm(db, festival.id);
    const staff = await createUser(db, { role: 'staff' });
    const [blocked] = await db.update(seats).set({ blocked: true }).where(and(eq(seats.venueId, venue.id), eq(seats.rowLabel, 'B'), eq(seats.seatNumber, 5))).returning({ id: seats.id });
    const made = await scheduleScreening(db, staff, festival.id, {
      filmIds: [film.id],
      venueId: venue.id,
      startsAt: zonedTimeToUtc(festival.startsOn, '19:00', festival.timeZone),
      ticketTypes: [{ code: 'adult', name: 'Adult', priceCents: 1800 }],
    });
    if (!made.ok) throw new Error(made.message);
    const states = await db.select({ seatId: screeningSeats.seatId, state: screeningSeats.state }).from(screeningSeats).where(eq(screeningSeats.screeningId, made.screeningId));
    expect(states).toHaveLength(20);
    expect(states.find((s) => s.seatId === blocked!.id)?.state).toBe('blocked');
    const pools = await db.select({ kind: inventoryPools.kind, capacity: inventoryPools.capacity }).from(inventoryPools).where(eq(inventoryPools.screeningId, made.screeningId));
    expect(pools.reduce((sum, p) => sum + p.capacity, 0)).toBe(19);
    const types = await db.select({ code: ticketTypes.code, scheme: ticketTypes.scheme }).from(ticketTypes).where(eq(ticketTypes.screeningId, made.screeningId));
    expect(types.filter((t) => t.scheme !== null)).toHaveLength(3);
    expect(await auditCount(made.screeningId, 'screening.create')).toBe(1);
  });
});

describe("a screening's capacity and deletion", () => {
  it('never sets general sale below what is sold or held', async () => {
    const { db, festival, staff, input } = await world({ capacity: 50 });
    const made = await scheduleScreening(db, staff, festival.id, input('19:00'));
    if (!made.ok) throw new Error(made.message);
    await createHold(db, made.screeningId, { quantity: 6, clientKey: uniq('a') });
    await createPaidOrder(db, made.screeningId, { quantity: 4, clientKey: uniq('b') });
    const low = await updateScreening(db, staff, made.screeningId, input('19:00', { generalCapacity: 9 }));
    expect(low).toMatchObject({ ok: false, reason: 'capacity_below_sold' });
    if (!low.ok) expect(low.message).toMatch(/10 places/);
    const high = await updateScreening(db, staff, made.screeningId, input('19:00', { generalCapacity: 51 }));
    expect(high).toMatchObject({ ok: false, reason: 'capacity_above_house' });
    expect(await updateScreening(db, staff, made.screeningId, input('19:00', { generalCapacity: 10 }))).toMatchObject({ ok: true });
    const [pool] = await db.select().from(inventoryPools).where(and(eq(inventoryPools.screeningId, made.screeningId), eq(inventoryPools.kind, 'standard')));
    expect(pool).toMatchObject({ capacity: 10, held: 6, sold: 4 });
  });

  it('refuses to delete a screening with tickets and points to cancelling it; deletes one without orders', async () => {
    const { db, festival, staff, input } = await world();
    const sold = await scheduleScreening(db, staff, festival.id, input('12:00'));
    const empty = await scheduleScreening(db, staff, festival.id, input('19:00'));
    if (!sold.ok || !empty.ok) throw new Error('setup');
    await createPaidOrder(db, sold.screeningId, { quantity: 1 });
    const refused = await deleteScreening(db, staff, sold.screeningId);
    expect(refused).toMatchObject({ ok: false, reason: 'has_orders' });
    if (!refused.ok) expect(refused.message).toContain(`/box-office/cancellations?screening=${sold.screeningId}`);
    expect(await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.id, sold.screeningId))).toHaveLength(1);
    expect(await auditCount(sold.screeningId, 'screening.delete')).toBe(0);

    await createHold(db, empty.screeningId, { quantity: 2 }); // an abandoned hold does not keep a screening alive
    expect(await deleteScreening(db, staff, empty.screeningId)).toEqual({ ok: true });
    expect(await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.id, empty.screeningId))).toHaveLength(0);
    expect(await auditCount(empty.screeningId, 'screening.delete')).toBe(1);
  });
});

describe('off-sale time', () => {
  it('stops online holds once it has passed, and not before', async () => {
    const { db, festival, staff, input } = await world();
    const later = await scheduleScreening(db, staff, festival.id, input('12:00', { offSaleAt: new Date(Date.now() + 3_600_000) }));
    const passed = await scheduleScreening(db, staff, festival.id, input('19:00', { offSaleAt: new Date(Date.now() - 60_000) }));
    if (!later.ok || !passed.ok) throw new Error('setup');
    const items = [{ ticketType: 'adult', quantity: 1 }];
    expect(await holdSeats(db, later.screeningId, { items }, uniq('c'), TEST_HOLD_SETTINGS)).toMatchObject({ ok: true });
    expect(await holdSeats(db, passed.screeningId, { items }, uniq('c'), TEST_HOLD_SETTINGS)).toMatchObject({ ok: false, reason: 'not_on_sale' });
  });
});

describe('price lists', () => {
  it('deactivates but never deletes a type with sales; a new price leaves issued tickets as they were; scheme types are not on it', async () => {
    const { db, festival, staff, input } = await world();
    const made = await scheduleScreening(db, staff, festival.id, input('19:00', { ticketTypes: [{ code: 'adult', name: 'Adult', priceCents: 1500 }, { code: 'youth', name: 'Youth', priceCents: 1000 }] }));
    if (!made.ok) throw new Error(made.message);
    const order = await createPaidOrder(db, made.screeningId, { quantity: 2 });
    const list = await listPriceList(db, made.screeningId);
    expect(list.map((t) => t.code)).toEqual(['adult', 'youth']);
    const adult = list.find((t) => t.code === 'adult')!;
    expect(adult.sold).toBeGreaterThan(0);

    expect(await deleteTicketType(db, staff, adult.id)).toMatchObject({ ok: false, reason: 'has_sales' });
    expect(await updateTicketType(db, staff, adult.id, { code: 'adult', name: 'Adult', priceCents: 2200, active: true })).toMatchObject({ ok: true });
    const [item] = await db.select({ price: orderItems.unitPriceCents }).from(orderItems).where(eq(orderItems.orderId, order.orderId));
    expect(item?.price).toBe(1500);
    expect(await updateTicketType(db, staff, adult.id, { code: 'adult', name: 'Adult', priceCents: 2200, active: false })).toMatchObject({ ok: true });
    const youth = list.find((t) => t.code === 'youth')!;
    // The last active type stays: online sale needs one.
    expect(await deleteTicketType(db, staff, youth.id)).toMatchObject({ ok: false, reason: 'last_type' });
    expect(await addTicketType(db, staff, made.screeningId, { code: 'youth', name: 'Again', priceCents: 900 })).toMatchObject({ ok: false, reason: 'code_taken' });
    expect(await addTicketType(db, staff, made.screeningId, { code: 'access_donated', name: 'Sneaky', priceCents: 0 })).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await addTicketType(db, staff, made.screeningId, { code: 'senior', name: 'Senior', priceCents: 1200 })).toMatchObject({ ok: true });
    expect(await deleteTicketType(db, staff, youth.id)).toEqual({ ok: true });
    const scheme = await db.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.screeningId, made.screeningId), eq(ticketTypes.code, 'access_donated')));
    expect(await updateTicketType(db, staff, scheme[0]!.id, { code: 'donated', name: 'x', priceCents: 500 })).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('films and people', () => {
  it('keeps slugs valid and unique, and credits people by slug', async () => {
    const { db, festival, staff } = await world();
    const slug = uniq('the-night').toLowerCase();
    const made = await createFilmCommand(db, staff, festival.id, { title: 'The Night', slug, countries: 'Canada, France', runtimeMinutes: '95' });
    if (!made.ok) throw new Error(made.message);
    const [row] = await db.select().from(films).where(eq(films.id, made.filmId));
    expect(row).toMatchObject({ countries: ['Canada', 'France'], runtimeMinutes: 95 });
    expect(await createFilmCommand(db, staff, festival.id, { title: 'Twin', slug })).toMatchObject({ ok: false, reason: 'slug_taken' });
    expect(await createFilmCommand(db, staff, festival.id, { title: 'Bad', slug: 'Not A Slug!' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    // Two creates with one slug at once: one wins (the index), the other is told.
    const twin = uniq('twin');
    const both = await Promise.all([1, 2].map(() => createFilmCommand(db, staff, festival.id, { title: 'Twin', slug: twin })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await updateFilm(db, staff, made.filmId, { title: 'The Long Night', slug, year: '2025' })).toMatchObject({ ok: true });
    const personSlug = uniq('ada-director');
    expect(await createPerson(db, staff, { name: 'Ada Director', slug: personSlug })).toMatchObject({ ok: true });
    expect(await addCredit(db, staff, { filmId: made.filmId, personSlug, role: 'director' })).toEqual({ ok: true });
    expect(await addCredit(db, staff, { filmId: made.filmId, personSlug, role: 'director' })).toMatchObject({ ok: false, reason: 'already_credited' });
    expect(await addCredit(db, staff, { filmId: made.filmId, personSlug: 'nobody-here', role: 'cast' })).toMatchObject({ ok: false, reason: 'person_not_found' });
    expect(await auditCount(made.filmId, 'film.update')).toBe(1);

    const created = await createOrganisation(db);
    const org = (await firstRow<{ id: string; slug: string }>(db, sql`SELECT id, slug FROM organisations WHERE id = ${created.id}`))!;
    expect(await addFilmPartner(db, staff, { filmId: made.filmId, organisationSlug: org.slug })).toEqual({ ok: true });
    expect(await addFilmPartner(db, staff, { filmId: made.filmId, organisationSlug: org.slug })).toMatchObject({ ok: false, reason: 'already_credited' });
    expect((await listFilmPartners(db, made.filmId)).map((o) => o.slug)).toEqual([org.slug]);
    expect(await removeFilmPartner(db, staff, { filmId: made.filmId, organisationId: org.id })).toEqual({ ok: true });
    expect(await listFilmPartners(db, made.filmId)).toEqual([]);
  });
});

describe('programme import from CSV', () => {
  const header = 'film_slug,film_title,film_runtime,programme_title,venue_slug,date,start,end,qa,guest_note,features,status,on_sale,off_sale,prices';

  it('shows row errors and writes nothing while any row is invalid; the fixed file imports whole', async () => {
    const { db, festival, staff, film, venue, input } = await world();
    const existing = await scheduleScreening(db, staff, festival.id, input('12:00'));
    if (!existing.ok) throw new Error('setup');
    const newSlug = uniq('imported-film');
    const day = festival.startsOn;
    const good = [
      `${film.slug},,,,${venue.slug},${day},15:00,,yes,Director present,closed_captions,on_sale,,,adult:Adult:18.00|senior:Senior:15.00`,
      `${newSlug},Imported Film,80,,${venue.slug},${day},19:00,,no,,,scheduled,,,`,
    ];
    const bad = [
      ...good,
      `${film.slug},,,,no-such-venue,${day},10:00,,,,,,,,`,
      `${film.slug},,,,${venue.slug},${day},12:30,,,,,,,,`, // overlaps the existing 12:00
      `${film.slug},,,,${venue.slug},${day},19:30,,,,,,,,`, // overlaps line 3 of the file
      `ghost-film,,,,${venue.slug},${addDays(day, 1)},10:00,,,,,,,,`,
      `${film.slug},,,,${venue.slug},${day},25:00,,,,,,,,`,
    ];
    const preview = await previewProgrammeImport(db, festival, [header, ...bad].join('\n'));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.valid).toBe(false);
    const errorsByLine = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors.join(' ')]));
    expect(errorsByLine[2]).toBe('');
    expect(errorsByLine[4]).toMatch(/Unknown venue/);
    expect(errorsByLine[5]).toMatch(/Overlaps/);
    expect(errorsByLine[6]).toMatch(/Overlaps line 3/);
    expect(errorsByLine[7]).toMatch(/Unknown film "ghost-film"/);
    expect(errorsByLine[8]).toMatch(/Bad date or start time/);

    const refused = await importProgramme(db, staff, festival, [header, ...bad].join('\n'));
    expect(refused).toMatchObject({ ok: false, reason: 'invalid_rows' });
    const count = async () => (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM screenings WHERE venue_id = ${venue.id}`))!.n;
    expect(await count()).toBe(1);
    expect(await db.select({ id: films.id }).from(films).where(eq(films.slug, newSlug))).toHaveLength(0);

    const done = await importProgramme(db, staff, festival, [header, ...good].join('\n'));
    expect(done).toEqual({ ok: true, screenings: 2, filmsCreated: 1 });
    expect(await count()).toBe(3);
    const [created] = await db.select({ id: films.id, runtime: films.runtimeMinutes }).from(films).where(eq(films.slug, newSlug));
    expect(created?.runtime).toBe(80);
    const prices = await rows<{ code: string; price_cents: number }>(db, sql`
      SELECT t.code, t.price_cents FROM ticket_types t JOIN screenings s ON s.id = t.screening_id
      WHERE s.venue_id = ${venue.id} AND t.scheme IS NULL AND s.has_qa ORDER BY t.position`);
    expect(prices).toEqual([{ code: 'adult', price_cents: 1800 }, { code: 'senior', price_cents: 1500 }]);
  });

  it('re-checks at confirm: a clash made after the preview refuses the whole file', async () => {
    const { db, festival, staff, film, venue, input } = await world();
    const day = festival.startsOn;
    const file = [header, `${film.slug},,,,${venue.slug},${day},10:00,,,,,,,,`, `${film.slug},,,,${venue.slug},${day},19:00,,,,,,,,`].join('\n');
    const preview = await previewProgrammeImport(db, festival, file);
    expect(preview).toMatchObject({ ok: true, valid: true });
    await scheduleScreening(db, staff, festival.id, input('19:30'));
    expect(await importProgramme(db, staff, festival, file)).toMatchObject({ ok: false, reason: 'invalid_rows' });
    const n = (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM screenings WHERE venue_id = ${venue.id}`))!.n;
    expect(n).toBe(1);
  });

  it('an import and a form scheduling the same slot at once: one of them, never both', async () => {
    const { db, festival, staff, film, venue, input } = await world();
    const file = [header, `${film.slug},,,,${venue.slug},${festival.startsOn},19:00,,,,,,,,`].join('\n');
    const [imported, scheduled] = await Promise.all([importProgramme(db, staff, festival, file), scheduleScreening(db, staff, festival.id, input('19:10'))]);
    expect([imported.ok, scheduled.ok].filter(Boolean)).toHaveLength(1);
    const n = (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM screenings WHERE venue_id = ${venue.id}`))!.n;
    expect(n).toBe(1);
  });

  it('refuses a file that is not the template: missing or unknown columns, too many rows', async () => {
    const { db, festival } = await world();
    expect(await previewProgrammeImport(db, festival, 'film,venue\nx,y')).toMatchObject({ ok: false, reason: 'invalid_file' });
    expect(await previewProgrammeImport(db, festival, `${header}\n`)).toMatchObject({ ok: false, reason: 'invalid_file' });
    const many = [header, ...Array.from({ length: 5001 }, () => 'a,,,,b,2026-01-01,10:00,,,,,,,,')].join('\n');
    expect(await previewProgrammeImport(db, festival, many)).toMatchObject({ ok: false, reason: 'invalid_file' });
  });
});
