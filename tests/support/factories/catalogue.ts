import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { createScreening, type CreateScreeningInput } from '@/domain/catalogue/screening-commands';
import { festivals, filmCredits, films, people, screenings, seatSections, seats, sections, venues } from '@/db/schema';
import { addDays, daysBetween, localDate, zonedTimeToUtc } from '@/lib/time';
import { uniq } from './unique';

/**
 * The catalogue: festivals, sections, films, venues and screenings on sale.
 * Every test makes its own rows with unique slugs, so tests never depend on
 * each other or on the demo seed (a screening that must have a booking page
 * goes into the festival the site shows, passed in as `festival`).
 */

type FestivalRef = { id: string; timeZone: string; startsOn: string };

export async function createFestival(db: Database, overrides: { timeZone?: string; startsOn?: string; days?: number } = {}) {
  const timeZone = overrides.timeZone ?? 'America/Vancouver';
  const startsOn = overrides.startsOn ?? addDays(localDate(new Date(), timeZone), 3);
  const [festival] = await db
    .insert(festivals)
    .values({
      slug: uniq('fest'),
      name: 'Test Festival',
      edition: 'Test edition',
      startsOn,
      endsOn: addDays(startsOn, (overrides.days ?? 3) - 1),
      timeZone,
    })
    .returning();
  if (!festival) throw new Error('no festival');
  return { ...festival, days: daysBetween(festival.startsOn, festival.endsOn) };
}

export async function createSection(db: Database, festivalId: string, name = 'Test Section') {
  const [row] = await db.insert(sections).values({ festivalId, slug: uniq('section'), name }).returning();
  return row!;
}

export async function createFilm(
  db: Database,
  festivalId: string,
  o: { title?: string; sectionId?: string; countries?: string[]; languages?: string[]; director?: string; runtimeMinutes?: number } = {},
) {
  const slug = uniq('film');
  const [film] = await db
    .insert(films)
    .values({
      festivalId,
      slug,
      title: o.title ?? `Film ${slug}`,
      logline: 'A test film.',
      synopsis: 'A film made for a test.',
      countries: o.countries ?? ['Canada'],
      languages: o.languages ?? ['English'],
      year: 2025,
      runtimeMinutes: o.runtimeMinutes ?? 90,
      sectionId: o.sectionId ?? null,
    })
    .returning();
  if (!film) throw new Error('no film');
  if (o.director) {
    const [person] = await db.insert(people).values({ slug: uniq('person'), name: o.director }).returning();
    await db.insert(filmCredits).values({ filmId: film.id, personId: person!.id, role: 'director' });
  }
  return film;
}

/** A reserved house of `rows` × `perRow` seats; the first row's ends are a wheelchair space and its companion. */
export async function createReservedVenue(db: Database, festivalId: string, rows = 3, perRow = 10) {
  const [venue] = await db
    .insert(venues)
    .values({ festivalId, slug: uniq('venue'), name: `Reserved ${uniq('v')}`, addressLine: '1 Test St', city: 'Vancouver', seating: 'reserved' })
    .returning();
  const [section] = await db.insert(seatSections).values({ venueId: venue!.id, name: 'Stalls' }).returning();
  const rowsOut = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < perRow; x++) {
      const kind = y === 0 && x === 0 ? 'wheelchair' : y === 0 && x === 1 ? 'companion' : 'standard';
      rowsOut.push({ venueId: venue!.id, sectionId: section!.id, rowLabel: String.fromCharCode(65 + y), seatNumber: x + 1, kind, x, y } as const);
    }
  }
  await db.insert(seats).values(rowsOut);
  return venue!;
}

export async function createGaVenue(db: Database, festivalId: string, capacity = 50) {
  const [venue] = await db
    .insert(venues)
    .values({ festivalId, slug: uniq('venue'), name: `GA ${uniq('v')}`, addressLine: '2 Test St', city: 'Vancouver', seating: 'general_admission', capacity })
    .returning();
  return venue!;
}

export async function createTestScreening(
  db: Database,
  festival: FestivalRef,
  o: { venueId: string; filmIds: string[]; day?: number; time?: string } & Partial<CreateScreeningInput>,
) {
  const startsAt = o.startsAt ?? zonedTimeToUtc(addDays(festival.startsOn, o.day ?? 0), o.time ?? '19:00', festival.timeZone);
  const result = await createScreening(db, {
    festivalId: festival.id,
    status: 'on_sale',
    onSaleAt: new Date(Date.now() - 3_600_000),
    ticketTypes: [{ code: 'adult', name: 'Adult', priceCents: 1500 }],
    ...o,
    startsAt,
    endsAt: o.endsAt ?? new Date(startsAt.getTime() + 100 * 60_000),
  });
  if (!result.ok) throw new Error(`createTestScreening: ${result.message}`);
  return result.screeningId;
}

/** One general-admission screening on sale, in a festival of its own unless one is given. */
export async function createGaScreening(db: Database, capacity: number, o: { festival?: FestivalRef } = {}) {
  const festival = o.festival ?? (await createFestival(db));
  const venue = await createGaVenue(db, festival.id, capacity);
  const film = await createFilm(db, festival.id);
  return createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
}

/** One reserved-seating screening on sale (see createReservedVenue), in a festival of its own unless one is given. */
export async function createReservedScreening(db: Database, rows: number, perRow: number, o: { festival?: FestivalRef } = {}) {
  const festival = o.festival ?? (await createFestival(db));
  const venue = await createReservedVenue(db, festival.id, rows, perRow);
  const film = await createFilm(db, festival.id);
  return createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
}

/** The seats of a screening's house, row by row from the front, left to right. */
export async function listScreeningSeats(db: Database, screeningId: string) {
  return db
    .select({ id: seats.id, kind: seats.kind, rowLabel: seats.rowLabel, seatNumber: seats.seatNumber })
    .from(seats)
    .innerJoin(screenings, eq(screenings.venueId, seats.venueId))
    .where(eq(screenings.id, screeningId))
    .orderBy(asc(seats.y), asc(seats.x));
}

export async function getFestivalSummary(db: Database, id: string) {
  const [f] = await db.select().from(festivals).where(eq(festivals.id, id));
  if (!f) throw new Error('no festival');
  return { ...f, days: daysBetween(f.startsOn, f.endsOn) };
}

/** A festival by its slug: the demo festival, the one the site shows. */
export async function getFestivalBySlug(db: Database, slug: string) {
  const [f] = await db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug));
  if (!f) throw new Error(`no festival ${slug}`);
  return getFestivalSummary(db, f.id);
}
