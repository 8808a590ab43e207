import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createScreening } from '@/domain/catalogue/screening-commands';
import { getScreeningDetail, getScreeningSummary, listScreenings } from '@/domain/catalogue/screenings';
import { inventoryPools, screeningSeats, screenings } from '@/db/schema';
import {
  createFestival,
  createFilm,
  createGaVenue,
  createReservedVenue,
  createTestScreening,
} from '../support/factories';

type Festival = Awaited<ReturnType<typeof createFestival>>;

describe('createScreening', () => {
  let festival: Festival;
  beforeAll(async () => {
    festival = await createFestival(getDb());
  });

  it('creates one inventory row per seat and carves the access allocations out of the standard pool', async () => {
    const db = getDb();
    const venue = await createReservedVenue(db, festival.id, 3, 10);
    const film = await createFilm(db, festival.id);
    const id = await createTestScreening(db, festival, {
      venueId: venue.id,
      filmIds: [film.id],
      allocations: { indigenous_access: 2, community_access: 3, donated: 1 },
    });
    const seatsRows = await db.select().from(screeningSeats).where(eq(screeningSeats.screeningId, id));
    expect(seatsRows).toHaveLength(30);
    expect(seatsRows.every((s) => s.state === 'available')).toBe(true);
    const pools = await db.select().from(inventoryPools).where(eq(inventoryPools.screeningId, id));
    const byKind = Object.fromEntries(pools.map((p) => [p.kind, p.capacity]));
    expect(byKind).toEqual({ standard: 24, indigenous_access: 2, community_access: 3, donated: 1 });
  });

  it('refuses bad input and writes nothing', async () => {
    const db = getDb();
    const venue = await createGaVenue(db, festival.id, 10);
    const film = await createFilm(db, festival.id);
    const countFor = async () =>
      (await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.venueId, venue.id))).length;
    const base = {
      festivalId: festival.id,
      venueId: venue.id,
      filmIds: [film.id],
      startsAt: new Date('2030-01-01T20:00:00Z'),
      endsAt: new Date('2030-01-01T22:00:00Z'),
      ticketTypes: [{ code: 'adult', name: 'Adult', priceCents: 1000 }],
    };

    const tooMany = await createScreening(db, { ...base, allocations: { community_access: 11 } });
    expect(tooMany).toMatchObject({ ok: false, reason: 'allocations_exceed_capacity' });
    const backwards = await createScreening(db, { ...base, endsAt: new Date('2030-01-01T19:00:00Z') });
    expect(backwards).toMatchObject({ ok: false, reason: 'invalid_input' });
    const negative = await createScreening(db, { ...base, ticketTypes: [{ code: 'adult', name: 'Adult', priceCents: -1 }] });
    expect(negative).toMatchObject({ ok: false, reason: 'invalid_input' });
    const otherFestival = await createFestival(db);
    const foreign = await createScreening(db, { ...base, festivalId: otherFestival.id });
    expect(foreign).toMatchObject({ ok: false, reason: 'venue_not_found' });
    expect(await countFor()).toBe(0);
  });
});

describe('live availability', () => {
  let festival: Festival;
  beforeAll(async () => {
    festival = await createFestival(getDb());
  });

  async function setStandardSold(screeningId: string, sold: number) {
    await getDb()
      .update(inventoryPools)
      .set({ sold })
      .where(and(eq(inventoryPools.screeningId, screeningId), eq(inventoryPools.kind, 'standard')));
  }

  it('moves a general-admission screening from On sale to Few left to Sold out as places go', async () => {
    const db = getDb();
    const venue = await createGaVenue(db, festival.id, 60);
    const film = await createFilm(db, festival.id);
    const id = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });

    expect(await getScreeningSummary(festival, id)).toMatchObject({ saleState: 'on_sale', available: 60, capacity: 60 });
    await setStandardSold(id, 54);
    expect(await getScreeningSummary(festival, id)).toMatchObject({ saleState: 'few_left', available: 6 });
    await setStandardSold(id, 60);
    expect(await getScreeningSummary(festival, id)).toMatchObject({ saleState: 'sold_out', available: 0 });
  });

  it('counts free seats in a reserved house, and never more than the standard pool has left', async () => {
    const db = getDb();
    const venue = await createReservedVenue(db, festival.id, 2, 10);
    const film = await createFilm(db, festival.id);
    const id = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { community_access: 4 } });
    expect(await getScreeningSummary(festival, id)).toMatchObject({ available: 16, capacity: 16 });

    // Staff block 6 seats: 14 seats free, but still only 16 standard places, so 14 can be sold.
    await db.execute(sql`UPDATE screening_seats SET state = 'blocked'
      WHERE screening_id = ${id} AND seat_id IN (SELECT seat_id FROM screening_seats WHERE screening_id = ${id} LIMIT 6)`);
    expect((await getScreeningSummary(festival, id))?.available).toBe(14);

    const detail = await getScreeningDetail(festival, id);
    expect(detail?.seatMap?.filter((s) => s.state === 'blocked')).toHaveLength(6);
    expect(detail?.seatMap?.some((s) => s.kind === 'wheelchair')).toBe(true);
    expect(detail?.ticketTypes[0]).toMatchObject({ code: 'adult', priceCents: 1500, available: 14 });
    expect(detail?.allocations.find((a) => a.scheme === 'community_access')).toMatchObject({ quantity: 4, remaining: 4 });
  });

  it('shows cancelled, off-sale, not-yet-on-sale and past screenings as not bookable', async () => {
    const db = getDb();
    const venue = await createGaVenue(db, festival.id, 20);
    const film = await createFilm(db, festival.id);
    const cancelled = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], status: 'cancelled', time: '10:00' });
    const offSale = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], status: 'off_sale', time: '13:00' });
    const later = await createTestScreening(db, festival, {
      venueId: venue.id,
      filmIds: [film.id],
      status: 'scheduled',
      onSaleAt: new Date(Date.now() + 86_400_000),
      time: '16:00',
    });
    const past = await createTestScreening(db, festival, {
      venueId: venue.id,
      filmIds: [film.id],
      startsAt: new Date(Date.now() - 7_200_000),
      endsAt: new Date(Date.now() - 600_000),
    });
    const states = Object.fromEntries(
      (await listScreenings(festival, { ids: [cancelled, offSale, later, past] })).map((s) => [s.id, s.saleState]),
    );
    expect(states).toEqual({ [cancelled]: 'cancelled', [offSale]: 'off_sale', [later]: 'not_yet_on_sale', [past]: 'past' });
  });

  it('places screenings on the festival-local day, whatever the server zone', async () => {
    const db = getDb();
    const venue = await createGaVenue(db, festival.id, 20);
    const film = await createFilm(db, festival.id);
    // 23:30 in Vancouver is already the next day in UTC.
    const late = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1, time: '23:30' });
    const dayTwo = festival.days[1]!;
    const onDay = await listScreenings(festival, { day: dayTwo, venue: venue.slug });
    expect(onDay.map((s) => s.id)).toEqual([late]);
    expect(onDay[0]?.day).toBe(dayTwo);
  });
});

describe('inventory constraints in PostgreSQL', () => {
  it('refuses any write that would put held + sold above capacity, even from many connections at once', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createGaVenue(db, festival.id, 5);
    const film = await createFilm(db, festival.id);
    const id = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });

    // 40 concurrent unconditional increments: the CHECK constraint alone must stop the sixth.
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        db.execute(sql`UPDATE inventory_pools SET held = held + 1 WHERE screening_id = ${id} AND kind = 'standard'`),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const [pool] = await db
      .select()
      .from(inventoryPools)
      .where(and(eq(inventoryPools.screeningId, id), eq(inventoryPools.kind, 'standard')));
    expect(pool).toMatchObject({ capacity: 5, held: 5, sold: 0 });
  });
});
