import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { getScreeningAllocations, listAllocationChanges, listAllocationOverview, releasePlaces, setAllocation, setAllocationsInBulk, topUpPlaces, updateSchemeSettings } from '@/domain/access/allocations';
import { releaseAtCutOff } from '@/domain/access/cut-off';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import { voidAccessTickets } from '@/domain/access/return-places';
import { getAccessAvailability } from '@/domain/catalogue/screenings';
import { holdSeats } from '@/domain/booking/holds';
import { inventoryProblems } from '../support/inventory';
import {
  adult,
  createFestival,
  createFilm,
  createGaVenue,
  createOrganisation,
  createTestScreening,
  createUser,
  TEST_HOLD_SETTINGS,
  TEST_ORDER_SETTINGS as settings,
} from '../support/factories';

/** Access allocations: staff's moves between the schemes and general sale, the festival's defaults, and the cut-off job. */

async function setup(allocations: Record<string, number>, o: { capacity?: number; startsInHours?: number } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, o.capacity ?? 20);
  const film = await createFilm(db, festival.id);
  const startsAt = o.startsInHours === undefined ? undefined : new Date(Date.now() + o.startsInHours * 3_600_000);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations, ...(startsAt ? { startsAt } : {}) });
  const staff = await createUser(db, { role: 'staff' });
  return { db, festival, venue, film, screeningId, staff: { id: staff.id, role: 'staff' as const } };
}

async function pools(screeningId: string) {
  const found = await rows<{ kind: string; capacity: number; held: number; sold: number; allotted: number }>(getDb(), sql`
    SELECT kind, capacity, held, sold, allotted FROM inventory_pools WHERE screening_id = ${screeningId}`);
  return Object.fromEntries(found.map((p) => [p.kind, p]));
}

async function quantities(screeningId: string) {
  const found = await rows<{ scheme: string; quantity: number; released: boolean }>(getDb(), sql`
    SELECT scheme, quantity, released_at IS NOT NULL AS released FROM access_allocations WHERE screening_id = ${screeningId}`);
  return Object.fromEntries(found.map((a) => [a.scheme, a]));
}

const claim = (screeningId: string, quantity = 1) =>
  getDb().transaction((tx) =>
    issueFreeTickets(tx, { screeningId, scheme: 'indigenous_access', pool: 'indigenous_access', quantity, buyer: { name: 'Claimant', email: 'claimant@example.org' } }, settings),
  );

describe('allocation commands', () => {
  it('never exceeds the house, whatever mix of sales, claims, top-ups, releases and exact sets runs at once', async () => {
    const { db, screeningId, staff } = await setup({ indigenous_access: 4, community_access: 2 }, { capacity: 30 });
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) jobs.push(holdSeats(db, screeningId, { items: adult(2) }, `client-${i}`, TEST_HOLD_SETTINGS));
    for (let i = 0; i < 6; i++) jobs.push(claim(screeningId));
    for (let i = 0; i < 6; i++) jobs.push(topUpPlaces(db, staff, { screeningId, scheme: 'indigenous_access', places: 3, reason: 'Busy night' }));
    for (let i = 0; i < 4; i++) jobs.push(releasePlaces(db, staff, { screeningId, scheme: 'indigenous_access', places: 2, reason: 'Quiet night' }));
    for (const q of [0, 5, 9]) jobs.push(setAllocation(db, staff, { screeningId, scheme: 'community_access', quantity: q, reason: 'Partner asked' }));
    await Promise.all(jobs);

    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const p = await pools(screeningId);
    const house = Object.values(p).reduce((sum, pool) => sum + pool.capacity, 0);
    expect(house).toBe(30);
    const q = await quantities(screeningId);
    // The allocation mirrors its pool, and the audit's deltas add up to every change made.
    const changes = await listAllocationChanges(screeningId);
    for (const [scheme, start] of [['indigenous_access', 4], ['community_access', 2]] as const) {
      expect(q[scheme]!.quantity).toBe(p[scheme]!.capacity);
      const deltas = changes.filter((c) => c.scheme === scheme).reduce((sum, c) => sum + c.delta, 0);
      expect(start + deltas).toBe(q[scheme]!.quantity);
    }
    expect(changes.every((c) => c.actor !== null && c.reason.length > 0)).toBe(true);
  });

  it('refuses below what the scheme has claimed, above what general sale has free, and bad input, changing nothing', async () => {
    const { db, screeningId, staff } = await setup({ indigenous_access: 3 }, { capacity: 10 });
    expect((await claim(screeningId, 2)).ok).toBe(true);
    expect(await setAllocation(db, staff, { screeningId, scheme: 'indigenous_access', quantity: 1, reason: 'Too many' })).toMatchObject({ ok: false, reason: 'below_claimed', minimum: 2 });
    expect(await setAllocation(db, staff, { screeningId, scheme: 'indigenous_access', quantity: 11, reason: 'More' })).toMatchObject({ ok: false, reason: 'not_enough_general_sale', available: 7 });
    expect(await releasePlaces(db, staff, { screeningId, scheme: 'indigenous_access', places: 2, reason: 'Less' })).toMatchObject({ ok: false, reason: 'not_enough_free', free: 1 });
    expect(await setAllocation(db, staff, { screeningId, scheme: 'indigenous_access', quantity: -1, reason: 'x' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await topUpPlaces(db, staff, { screeningId, scheme: 'indigenous_access', places: 1, reason: '' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await setAllocation(db, staff, { screeningId: 'nope', scheme: 'indigenous_access', quantity: 1, reason: 'Why not' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    const audience = await createUser(db);
    expect(await setAllocation(db, { id: audience.id, role: 'audience' }, { screeningId, scheme: 'indigenous_access', quantity: 5, reason: 'Sneaky' })).toEqual({ ok: false, reason: 'forbidden' });
    expect((await pools(screeningId)).indigenous_access!.capacity).toBe(3);
    expect(await listAllocationChanges(screeningId)).toEqual([]);

    expect(await setAllocation(db, staff, { screeningId, scheme: 'indigenous_access', quantity: 2, reason: 'Matches claims' })).toEqual({ ok: true, quantity: 2, delta: -1 });
    const [change] = await listAllocationChanges(screeningId);
    expect(change).toMatchObject({ kind: 'set', delta: -1, quantityAfter: 2, reason: 'Matches claims' });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('edits in bulk all or nothing, by number or share of the house, naming the screening that refused', async () => {
    const { db, festival, venue, film, screeningId, staff } = await setup({}, { capacity: 40 });
    const second = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1 });
    const share = await setAllocationsInBulk(db, staff, { festivalId: festival.id, screeningIds: [screeningId, second], scheme: 'community_access', shareBasisPoints: 1000, reason: 'Festival-wide 10%' });
    expect(share).toEqual({ ok: true, changed: 2, unchanged: 0 });
    expect((await quantities(second)).community_access!.quantity).toBe(4);
    // The second screening cannot give 39 places to Indigenous Access as well as 4 to Community Access: nothing changes.
    const refused = await setAllocationsInBulk(db, staff, { festivalId: festival.id, screeningIds: [screeningId, second], scheme: 'indigenous_access', quantity: 37, reason: 'Too much' });
    expect(refused).toMatchObject({ ok: false, reason: 'not_enough_general_sale' });
    expect((await quantities(screeningId)).indigenous_access!.quantity).toBe(0);
    const other = await createFestival(db);
    expect(await setAllocationsInBulk(db, staff, { festivalId: other.id, screeningIds: [screeningId], scheme: 'donated', quantity: 1, reason: 'Wrong festival' })).toMatchObject({ ok: false, reason: 'screening_not_found' });
    expect(await setAllocationsInBulk(db, staff, { festivalId: festival.id, screeningIds: [screeningId], scheme: 'donated', reason: 'Neither' })).toMatchObject({ ok: false, reason: 'invalid_input' });
    const overview = await listAllocationOverview(festival, {}, 1);
    expect(overview.total).toBe(2);
    expect(overview.screenings[0]!.schemes.find((s) => s.scheme === 'community_access')!.allocated).toBe(4);
  });

  it("applies the festival's defaults to new screenings, overridable per screening", async () => {
    const { db, festival, venue, film, staff } = await setup({}, { capacity: 40 });
    for (const scheme of ['indigenous_access', 'community_access'] as const) {
      expect(await updateSchemeSettings(db, staff, { festivalId: festival.id, scheme, defaultShareBasisPoints: 500, releaseHoursBefore: 24, perScreeningLimit: 2, perFestivalLimit: null, offerMinutes: 60 })).toEqual({ ok: true });
    }
    expect(await updateSchemeSettings(db, staff, { festivalId: festival.id, scheme: 'donated', defaultShareBasisPoints: 20_000, releaseHoursBefore: 1, perScreeningLimit: null, perFestivalLimit: null, offerMinutes: 60 })).toMatchObject({ ok: false, reason: 'invalid_input' });
    const fresh = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 2 });
    expect(await quantities(fresh)).toMatchObject({ indigenous_access: { quantity: 2 }, community_access: { quantity: 2 }, donated: { quantity: 0 } });
    const overridden = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 2, time: '21:00', allocations: { indigenous_access: 6 } });
    expect(await quantities(overridden)).toMatchObject({ indigenous_access: { quantity: 6 }, community_access: { quantity: 2 } });
  });
});

describe('the cut-off job', () => {
  it('releases each unclaimed place exactly once, when two runs race and when it runs again', async () => {
    const { db, screeningId, staff } = await setup({ indigenous_access: 5, community_access: 6, donated: 2 }, { capacity: 30, startsInHours: 10 });
    expect((await claim(screeningId, 1)).ok).toBe(true);
    const org = await createOrganisation(db);
    // A partner's allotment of 4, 1 used: what the partners' helper grants (written directly here).
    await db.execute(sql`INSERT INTO allotments (screening_id, organisation_id, scheme, status, requested_quantity, quantity, used)
      VALUES (${screeningId}, ${org.id}, 'community_access', 'granted', 4, 4, 1)`);
    await db.execute(sql`UPDATE inventory_pools SET allotted = 4, sold = sold WHERE screening_id = ${screeningId} AND kind = 'community_access'`);
    const waiting = await createUser(db);
    await db.execute(sql`INSERT INTO waitlist_entries (screening_id, scheme, user_id, quantity) VALUES (${screeningId}, 'indigenous_access', ${waiting.id}, 1)`);
    const before = await pools(screeningId);

    const [a, b] = await Promise.all([releaseAtCutOff(db, undefined, undefined, [screeningId]), releaseAtCutOff(db, undefined, undefined, [screeningId])]);
    const again = await releaseAtCutOff(db, undefined, undefined, [screeningId]);
    expect(a.released + b.released).toBe(3);
    expect(a.placesReleased + b.placesReleased).toBe(4 + 5 + 2);
    expect(again).toMatchObject({ released: 0, placesReleased: 0, allotmentPlacesReturned: 0, lapsed: 0 });

    const p = await pools(screeningId);
    expect(p.indigenous_access).toMatchObject({ capacity: 1, sold: 1 });
    // Community Access keeps the partner's used place (a code issued, say): the 3 unused came back and went on sale with the 2 never granted.
    expect(p.community_access).toMatchObject({ capacity: 1, allotted: 1 });
    expect(p.donated).toMatchObject({ capacity: 0 });
    expect(p.standard!.capacity).toBe(before.standard!.capacity + 4 + 5 + 2);
    expect(Object.values(p).reduce((sum, pool) => sum + pool.capacity, 0)).toBe(30);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const q = await quantities(screeningId);
    expect(Object.values(q).every((x) => x.released)).toBe(true);

    const changes = await listAllocationChanges(screeningId);
    const byJob = changes.filter((c) => c.actor === null);
    expect(byJob.filter((c) => c.kind === 'cut_off').map((c) => [c.scheme, c.delta]).sort()).toEqual([
      ['community_access', -5],
      ['donated', -2],
      ['indigenous_access', -4],
    ]);
    // The allotment's 3 unused places came back to the scheme (its allocation unchanged: delta 0), then went on sale with the rest.
    expect(byJob.filter((c) => c.kind === 'allotment_return').map((c) => [c.delta, c.reason.includes('3 unused places')])).toEqual([[0, true]]);
    const [allotment] = await rows<{ quantity: number; used: number; status: string }>(db, sql`SELECT quantity, used, status FROM allotments WHERE screening_id = ${screeningId}`);
    expect(allotment).toEqual({ quantity: 1, used: 1, status: 'granted' });
    const [entry] = await rows<{ status: string }>(db, sql`SELECT status FROM waitlist_entries WHERE user_id = ${waiting.id}`);
    expect(entry!.status).toBe('lapsed');
    const shown = await getAccessAvailability(screeningId);
    expect(shown.find((s) => s.scheme === 'indigenous_access')).toMatchObject({ available: 0, released: true });

    // Places that come back to a released scheme later (an offer's hold that ran out) go to general sale on the next run, once.
    await db.execute(sql`UPDATE inventory_pools SET capacity = capacity + 2 WHERE screening_id = ${screeningId} AND kind = 'indigenous_access'`);
    await db.execute(sql`UPDATE inventory_pools SET capacity = capacity - 2 WHERE screening_id = ${screeningId} AND kind = 'standard'`);
    await db.execute(sql`UPDATE access_allocations SET quantity = quantity + 2 WHERE screening_id = ${screeningId} AND scheme = 'indigenous_access'`);
    const [c, d] = await Promise.all([releaseAtCutOff(db, undefined, undefined, [screeningId]), releaseAtCutOff(db, undefined, undefined, [screeningId])]);
    expect(c.placesReleased + d.placesReleased).toBe(2);
    expect(c.released + d.released).toBe(0);
    expect((await pools(screeningId)).indigenous_access!.capacity).toBe(1);
    expect((await listAllocationChanges(screeningId)).filter((x) => x.kind === 'cut_off')).toHaveLength(4);

    // Staff cannot top a released scheme up again (the next run would only send the places back).
    expect(await topUpPlaces(db, staff, { screeningId, scheme: 'indigenous_access', places: 1, reason: 'Late request' })).toMatchObject({ ok: false, reason: 'allocation_released' });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('racing claims, staff changes and two runs at once: the house holds, and every place moved is in the audit once', async () => {
    const { db, screeningId, staff } = await setup({ indigenous_access: 6, donated: 3 }, { capacity: 30, startsInHours: 10 });
    const jobs: Promise<unknown>[] = [releaseAtCutOff(db, undefined, undefined, [screeningId]), releaseAtCutOff(db, undefined, undefined, [screeningId])];
    for (let i = 0; i < 5; i++) jobs.push(claim(screeningId));
    for (let i = 0; i < 3; i++) jobs.push(holdSeats(db, screeningId, { items: adult(2) }, `racer-${i}`, TEST_HOLD_SETTINGS));
    jobs.push(topUpPlaces(db, staff, { screeningId, scheme: 'donated', places: 2, reason: 'Racing the job' }));
    jobs.push(setAllocation(db, staff, { screeningId, scheme: 'indigenous_access', quantity: 8, reason: 'Racing the job' }));
    jobs.push(releaseAtCutOff(db, undefined, undefined, [screeningId]));
    await Promise.all(jobs);
    await releaseAtCutOff(db, undefined, undefined, [screeningId]);

    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const p = await pools(screeningId);
    expect(Object.values(p).reduce((sum, pool) => sum + pool.capacity, 0)).toBe(30);
    // Released: each scheme keeps exactly what it has given out, nothing free.
    for (const scheme of ['indigenous_access', 'community_access', 'donated'] as const) {
      expect(p[scheme]!.capacity).toBe(p[scheme]!.held + p[scheme]!.sold);
    }
    const q = await quantities(screeningId);
    const changes = await listAllocationChanges(screeningId);
    for (const [scheme, start] of [['indigenous_access', 6], ['donated', 3]] as const) {
      expect(q[scheme]).toMatchObject({ quantity: p[scheme]!.capacity, released: true });
      expect(start + changes.filter((c) => c.scheme === scheme).reduce((sum, c) => sum + c.delta, 0)).toBe(q[scheme]!.quantity);
    }
  });

  it('leaves allocations before their cut-off, cancelled screenings and started ones alone', async () => {
    const { db, screeningId } = await setup({ indigenous_access: 5 }, { startsInHours: 30 });
    const { screeningId: cancelled } = await setup({ indigenous_access: 5 }, { startsInHours: 2 });
    await db.execute(sql`UPDATE screenings SET status = 'cancelled' WHERE id = ${cancelled}`);
    await releaseAtCutOff(db, undefined, undefined, [screeningId, cancelled]);
    expect((await quantities(screeningId)).indigenous_access).toMatchObject({ quantity: 5, released: false });
    expect((await quantities(cancelled)).indigenous_access).toMatchObject({ quantity: 5, released: false });
    const view = await getScreeningAllocations(screeningId);
    expect(view!.schemes.find((s) => s.scheme === 'indigenous_access')!.cutOffAt.getTime()).toBe(view!.startsAt.getTime() - 24 * 3_600_000);
    // At the cut-off exactly, it goes.
    await releaseAtCutOff(db, view!.schemes[0]!.cutOffAt, undefined, [screeningId]);
    expect((await quantities(screeningId)).indigenous_access).toMatchObject({ quantity: 0, released: true });
  });

  it('a cancelled access ticket after the cut-off goes straight to general sale', async () => {
    const { db, screeningId } = await setup({ indigenous_access: 3 }, { startsInHours: 5 });
    const claimed = await claim(screeningId, 1);
    if (!claimed.ok) throw new Error('claim refused');
    await releaseAtCutOff(db, undefined, undefined, [screeningId]);
    await db.transaction((tx) => voidAccessTickets(tx, claimed.orderId));
    expect((await pools(screeningId)).indigenous_access).toMatchObject({ capacity: 0, sold: 0 });
    // …and the allocation's history says so: every change to an allocation is in it.
    const late = (await listAllocationChanges(screeningId)).filter((c) => c.kind === 'cut_off' && c.reason.includes('came back'));
    expect(late.map((c) => [c.delta, c.quantityAfter, c.actor])).toEqual([[-1, 0, null]]);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });
});
