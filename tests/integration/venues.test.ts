import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { releaseHold } from '@/domain/booking/holds';
import { layoutToCsv, parseLayoutCsv, parseLayoutJson } from '@/domain/venues/layout-files';
import { saveSeatLayout } from '@/domain/venues/save-layout';
import { createVenue, getSeatLayout, updateVenue, type VenueInput } from '@/domain/venues/venues';
import type { LayoutSeat } from '@/lib/seat-layout';
import { inventoryProblems } from '../support/inventory';
import {
  createFestival,
  createFilm,
  createGaVenue,
  createHold,
  createPaidOrder,
  createReservedVenue,
  createTestScreening,
  createUser,
} from '../support/factories';

/** Venues and seat maps: the layout saved whole, screenings following it, and sold or held seats kept. */

async function world(o: { rows?: number; perRow?: number; allocations?: Record<string, number> } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createReservedVenue(db, festival.id, o.rows ?? 2, o.perRow ?? 5);
  const film = await createFilm(db, festival.id);
  const allocations = o.allocations ?? { indigenous_access: 0, community_access: 0, donated: 0 };
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations });
  const staff = await createUser(db, { role: 'staff' });
  return { db, festival, venue, film, screeningId, staff, allocations };
}

const find = (layout: LayoutSeat[], row: string, n: number) => {
  const s = layout.find((x) => x.row === row && x.number === n);
  if (!s?.id) throw new Error(`no seat ${row}${n}`);
  return { ...s, id: s.id };
};

async function seatStates(screeningId: string) {
  return rows<{ row_label: string; seat_number: number; state: string }>(getDb(), sql`
    SELECT st.row_label, st.seat_number, ss.state FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id
    WHERE ss.screening_id = ${screeningId} ORDER BY st.y, st.x`);
}

async function pool(screeningId: string) {
  return (await firstRow<{ capacity: number; held: number; sold: number }>(getDb(), sql`
    SELECT capacity, held, sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`))!;
}

async function auditCount(actorId: string) {
  return (await firstRow<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM audit_entries WHERE actor_id = ${actorId}`))!.n;
}

describe('saveSeatLayout', () => {
  it('saves the whole layout: a wheelchair space added, a seat blocked, a row renamed, a new section; ids kept; one audit entry', async () => {
    const { db, venue, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    const a3 = find(layout, 'A', 3);
    const next: LayoutSeat[] = layout.map((s) => (s.id === a3.id ? { ...s, blocked: true } : s.row === 'B' ? { ...s, row: 'BB' } : s));
    next.push({ section: 'Balcony', row: 'C', number: 1, x: 0, y: 3, kind: 'wheelchair', blocked: false });
    const result = await saveSeatLayout(db, staff, venue.id, next);
    expect(result).toEqual({ ok: true, added: 1, removed: 0, changed: 6, screeningsUpdated: 1 });
    const saved = await getSeatLayout(venue.id);
    expect(saved).toHaveLength(11);
    expect(find(saved, 'A', 3)).toEqual({ ...a3, blocked: true });
    expect(saved.filter((s) => s.row === 'BB')).toHaveLength(5);
    expect(find(saved, 'C', 1)).toMatchObject({ section: 'Balcony', kind: 'wheelchair', blocked: false });
    const entries = await rows<{ action: string; subject_kind: string; subject_id: string; after: { added: string[]; blocked_now: string[] } }>(db, sql`
      SELECT action, subject_kind, subject_id, after FROM audit_entries WHERE actor_id = ${staff.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'saveSeatLayout', subject_kind: 'venue', subject_id: venue.id });
    expect(entries[0]!.after.added).toEqual(['Balcony row C seat 1']);
    expect(entries[0]!.after.blocked_now).toEqual(['Stalls row A seat 3']);
  });

  it('lets seats swap positions and numbers in one save (the unique indexes are never crossed half-way)', async () => {
    const { db, venue, staff } = await world({ rows: 1, perRow: 3 });
    const layout = await getSeatLayout(venue.id);
    const swapped = layout.map((s) => ({ ...s, x: 2 - s.x, number: 4 - s.number }));
    expect((await saveSeatLayout(db, staff, venue.id, swapped)).ok).toBe(true);
    const saved = await getSeatLayout(venue.id);
    expect(saved.map((s) => [s.id, s.x, s.number])).toEqual(
      [...layout].reverse().map((s) => [s.id, 2 - s.x, 4 - s.number]),
    );
  });

  it('future screenings follow: added seats available or blocked, removed seats gone, blocking and unblocking; the paid pool is the new house less the access pools', async () => {
    const { db, festival, venue, film, screeningId, staff } = await world({ allocations: { indigenous_access: 1, community_access: 1, donated: 0 } });
    const past = await createTestScreening(db, festival, {
      venueId: venue.id,
      filmIds: [film.id],
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      endsAt: new Date(Date.now() - 3_600_000),
      allocations: { indigenous_access: 0, community_access: 0, donated: 0 },
    });
    expect(await pool(screeningId)).toMatchObject({ capacity: 8 });
    const layout = await getSeatLayout(venue.id);
    const first = await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.row === 'A' && s.number === 5 ? { ...s, blocked: true } : s)));
    expect(first.ok).toBe(true);
    const next = (await getSeatLayout(venue.id))
      .filter((s) => !(s.row === 'B' && s.number === 5))
      .map((s) => (s.row === 'A' && s.number === 5 ? { ...s, blocked: false } : s.row === 'A' && s.number === 4 ? { ...s, blocked: true } : s));
    next.push({ section: 'Stalls', row: 'C', number: 1, x: 0, y: 2, kind: 'wheelchair', blocked: false });
    next.push({ section: 'Stalls', row: 'C', number: 2, x: 1, y: 2, kind: 'standard', blocked: true });
    const result = await saveSeatLayout(db, staff, venue.id, next);
    expect(result).toMatchObject({ ok: true, added: 2, removed: 1, screeningsUpdated: 1 });

    const states = await seatStates(screeningId);
    expect(states).toHaveLength(11);
    const state = (row: string, n: number) => states.find((s) => s.row_label === row && s.seat_number === n)?.state;
    expect([state('A', 4), state('A', 5), state('B', 5), state('C', 1), state('C', 2)]).toEqual(['blocked', 'available', undefined, 'available', 'blocked']);
    // House: 11 seats, 2 blocked = 9; the access schemes keep their 2, general sale 7.
    expect(await pool(screeningId)).toMatchObject({ capacity: 7, held: 0, sold: 0 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    // A screening that has started keeps its house (the removed seat's empty row goes with the seat).
    expect((await seatStates(past)).map((s) => s.state)).toEqual(Array(9).fill('available'));
    expect(await pool(past)).toMatchObject({ capacity: 10 });
  });

  it('refuses to remove or block a sold seat, naming it, and changes nothing', async () => {
    const { db, venue, screeningId, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    const a3 = find(layout, 'A', 3);
    await createPaidOrder(db, screeningId, { seats: [a3.id] });
    const before = await auditCount(staff.id);

    const removal = await saveSeatLayout(db, staff, venue.id, [...layout.filter((s) => s.id !== a3.id), { section: 'Stalls', row: 'C', number: 1, x: 0, y: 5, kind: 'standard', blocked: false }]);
    expect(removal).toMatchObject({ ok: false, reason: 'seats_in_use', seats: ['Stalls row A seat 3'] });
    expect(removal.ok ? '' : removal.message).toContain('Stalls row A seat 3');
    const blocking = await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.id === a3.id ? { ...s, blocked: true } : s)));
    expect(blocking).toMatchObject({ ok: false, reason: 'seats_in_use', seats: ['Stalls row A seat 3'] });

    expect(await getSeatLayout(venue.id)).toEqual(layout);
    expect(await seatStates(screeningId)).toHaveLength(10);
    expect(await auditCount(staff.id)).toBe(before);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    // Its kind may still change (a sold seat stays where it is).
    expect((await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.id === a3.id ? { ...s, kind: 'aisle' } : s)))).ok).toBe(true);
  });

  it('refuses to block a seat in a live hold; a seat held once and released may be blocked but not removed', async () => {
    const { db, venue, screeningId, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    const b2 = find(layout, 'B', 2);
    const hold = await createHold(db, screeningId, { seats: [b2.id] });
    const held = await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.id === b2.id ? { ...s, blocked: true } : s)));
    expect(held).toMatchObject({ ok: false, reason: 'seats_in_use', seats: ['Stalls row B seat 2'] });

    expect((await releaseHold(db, hold.holdId, hold.holdToken)).ok).toBe(true);
    const removal = await saveSeatLayout(db, staff, venue.id, layout.filter((s) => s.id !== b2.id));
    expect(removal).toMatchObject({ ok: false, reason: 'seats_have_history', seats: ['Stalls row B seat 2'] });
    const blocked = await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.id === b2.id ? { ...s, blocked: true } : s)));
    expect(blocked.ok).toBe(true);
    expect((await seatStates(screeningId)).find((s) => s.row_label === 'B' && s.seat_number === 2)?.state).toBe('blocked');
  });

  it('refuses a layout whose house would leave general sale below what it sold, or under the access pools', async () => {
    const { db, venue, screeningId, staff } = await world({ rows: 1, perRow: 6, allocations: { indigenous_access: 2, community_access: 0, donated: 0 } });
    const layout = await getSeatLayout(venue.id);
    await createPaidOrder(db, screeningId, { seats: [find(layout, 'A', 1).id, find(layout, 'A', 2).id], quantity: 2 });
    await createPaidOrder(db, screeningId, { seats: [find(layout, 'A', 3).id, find(layout, 'A', 4).id], quantity: 2, clientKey: 'other' });
    // 6 seats, 2 for Indigenous Access, 4 sold: blocking one more leaves general sale 3 places for 4 sold.
    const result = await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.number === 6 ? { ...s, blocked: true } : s)));
    expect(result).toMatchObject({ ok: false, reason: 'capacity_below_sold', screenings: [screeningId] });
    expect(await pool(screeningId)).toMatchObject({ capacity: 4, sold: 4 });
    expect((await seatStates(screeningId)).every((s) => s.state !== 'blocked')).toBe(true);
  });

  it('a screening created after a seat was blocked starts with it blocked, outside its house', async () => {
    const { db, festival, venue, film, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    expect((await saveSeatLayout(db, staff, venue.id, layout.map((s) => (s.row === 'B' ? { ...s, blocked: true } : s)))).ok).toBe(true);
    const later = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], time: '21:30', allocations: { indigenous_access: 0, community_access: 0, donated: 0 } });
    expect((await seatStates(later)).filter((s) => s.state === 'blocked').map((s) => s.row_label)).toEqual(['B', 'B', 'B', 'B', 'B']);
    expect(await pool(later)).toMatchObject({ capacity: 5 });
  });

  it('refuses an invalid layout with its errors and writes nothing', async () => {
    const { db, venue, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    const clash = [...layout, { section: 'Stalls', row: 'A', number: 1, x: 9, y: 9, kind: 'standard' as const, blocked: false }];
    const result = await saveSeatLayout(db, staff, venue.id, clash);
    expect(result).toMatchObject({ ok: false, reason: 'invalid_layout' });
    expect(result.ok ? [] : 'errors' in result ? result.errors.map((e) => e.message) : []).toEqual([expect.stringContaining('Duplicate label')]);
    expect(await getSeatLayout(venue.id)).toEqual(layout);
  });
});

describe('layout files', () => {
  const header = 'section,row,seat,x,y,kind,blocked';

  it('reports every bad line of a CSV (duplicate position, duplicate label, unknown kind) and yields no seats', () => {
    const csv = [header, 'Stalls,A,1,0,0,standard,no', 'Stalls,A,2,0,0,standard,no', 'Stalls,A,1,5,0,standard,no', 'Stalls,A,4,3,0,sofa,no', 'Stalls,A,5,4,0,aisle,maybe'].join('\n');
    const parsed = parseLayoutCsv(csv);
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0]!.message).toMatch(/Duplicate position/);
    expect(errors[1]!.message).toMatch(/Duplicate label/);
    expect(errors[2]!.message).toMatch(/Unknown kind "sofa"/);
    expect(errors[3]!.message).toMatch(/Blocked "maybe"/);
  });

  it('refuses a CSV without its columns', () => {
    expect(parseLayoutCsv('row,seat\nA,1')).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('Missing columns: section, x, y') }] });
  });

  it('round-trips the export (CSV and JSON) and an import keeps the seats it names by label, so their ids and tickets stay', async () => {
    const { db, venue, screeningId, staff } = await world();
    const layout = await getSeatLayout(venue.id);
    const a1 = find(layout, 'A', 1);
    await createPaidOrder(db, screeningId, { seats: [find(layout, 'A', 2).id, a1.id], quantity: 2 });
    const csv = layoutToCsv(layout);
    expect(csv.split('\n')[0]).toBe(header);
    const edited = `${csv.replace('Stalls,B,5,4,1,standard,no', 'Stalls,B,5,4,1,standard,yes')}Stalls,C,1,0,2,wheelchair,no\n`;
    const parsed = parseLayoutCsv(edited);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.seats.every((s) => s.id === undefined)).toBe(true);
    expect(await saveSeatLayout(db, staff, venue.id, parsed.seats)).toMatchObject({ ok: true, added: 1, removed: 0, changed: 1 });
    const saved = await getSeatLayout(venue.id);
    expect(find(saved, 'A', 1).id).toBe(a1.id);
    expect(find(saved, 'B', 5).blocked).toBe(true);

    const json = parseLayoutJson(JSON.stringify({ seats: saved.map((s) => ({ section: s.section, row: s.row, seat: s.number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked })) }));
    expect(json.ok && json.seats.length).toBe(11);
    expect(parseLayoutJson('{"seats":[{"section":"S","row":"A","seat":1,"x":0,"y":0,"kind":"throne"}]}')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });
});

describe('a layout save racing purchases', () => {
  it('never leaves a sold or held seat removed or blocked, whoever wins', async () => {
    const { db, venue, screeningId, staff } = await world({ rows: 2, perRow: 8 });
    const outcomes = { saved: 0, sold: 0 };
    for (let round = 0; round < 6; round++) {
      const layout = await getSeatLayout(venue.id);
      const sellable = layout.filter((s) => !s.blocked && s.kind === 'standard');
      const target = sellable[round];
      if (!target?.id) throw new Error('no seat');
      const targetId = target.id;
      // Removal on even rounds, blocking on odd ones.
      const next = round % 2 === 0 ? layout.filter((s) => s.id !== target.id) : layout.map((s) => (s.id === target.id ? { ...s, blocked: true } : s));
      const [save, sale] = await Promise.all([
        saveSeatLayout(db, staff, venue.id, next),
        createPaidOrder(db, screeningId, { seats: [targetId], clientKey: `racer-${round}` }).then(
          () => true,
          (e: unknown) => {
            if (e instanceof Error && /seats_unavailable/.test(e.message)) return false;
            throw e;
          },
        ),
      ]);
      if (save.ok) outcomes.saved++;
      if (sale) outcomes.sold++;
      // Exactly one of them wins, and the house agrees with itself.
      expect(save.ok !== sale).toBe(true);
      const after = await firstRow<{ present: boolean; blocked: boolean; valid: number; state: string | null }>(db, sql`
        SELECT EXISTS (SELECT 1 FROM seats WHERE id = ${target.id}) AS present,
               coalesce((SELECT blocked FROM seats WHERE id = ${target.id}), false) AS blocked,
               (SELECT count(*)::int FROM tickets WHERE seat_id = ${target.id} AND status = 'valid') AS valid,
               (SELECT state::text FROM screening_seats WHERE seat_id = ${target.id} AND screening_id = ${screeningId}) AS state`);
      if (after!.valid > 0) {
        expect(after).toMatchObject({ present: true, blocked: false, state: 'sold' });
      } else {
        expect(after!.state).toBe(round % 2 === 0 ? null : 'blocked');
      }
      expect(await inventoryProblems(db, screeningId)).toEqual([]);
    }
    expect(outcomes.saved + outcomes.sold).toBe(6);
  });
});

describe('createVenue and updateVenue', () => {
  const base = (slug: string): VenueInput => ({
    name: 'The Annex',
    slug,
    addressLine: '9 Pier Rd',
    city: 'Vancouver',
    seating: 'general_admission',
    capacity: 40,
    changeoverMinutes: 15,
    stepFree: true,
  });

  it('creates a venue with one audit entry; refuses a taken slug and bad input', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const staff = await createUser(db, { role: 'staff' });
    const slug = `annex-${Date.now()}`;
    const created = await createVenue(db, staff, festival.id, base(slug));
    expect(created).toMatchObject({ ok: true, slug });
    expect(await createVenue(db, staff, festival.id, base(slug))).toMatchObject({ ok: false, reason: 'slug_taken' });
    expect(await createVenue(db, staff, festival.id, { ...base('x'), capacity: null })).toMatchObject({ ok: false, reason: 'invalid_input', fields: { capacity: expect.any(String) } });
    expect(await createVenue(db, staff, festival.id, { ...base('Bad Slug!') })).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await auditCount(staff.id)).toBe(1);
  });

  it('a new unreserved capacity resizes future screenings, never below sold; the seating mode is locked once tickets exist', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createGaVenue(db, festival.id, 10);
    const film = await createFilm(db, festival.id);
    const staff = await createUser(db, { role: 'staff' });
    const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { indigenous_access: 2, community_access: 0, donated: 0 } });
    const input = { ...base(venue.slug), name: venue.name, capacity: 20 };
    expect(await updateVenue(db, staff, venue.id, input)).toMatchObject({ ok: true, screeningsUpdated: 1 });
    expect(await pool(screeningId)).toMatchObject({ capacity: 18 });
    await createPaidOrder(db, screeningId, { quantity: 5 });
    expect(await updateVenue(db, staff, venue.id, { ...input, capacity: 6 })).toMatchObject({ ok: false, reason: 'capacity_below_sold' });
    expect(await updateVenue(db, staff, venue.id, { ...input, seating: 'reserved', capacity: null })).toMatchObject({ ok: false, reason: 'seating_locked' });
    expect(await updateVenue(db, staff, venue.id, { ...input, capacity: 7 })).toMatchObject({ ok: true });
    expect(await pool(screeningId)).toMatchObject({ capacity: 5, sold: 5 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('switches a venue without tickets to reserved seating: its screenings get seat rows; a longer changeover that makes screenings overlap is refused', async () => {
    const { db, festival, venue, film, staff } = await world({ rows: 1, perRow: 4 });
    const ga = await createGaVenue(db, festival.id, 10);
    await db.execute(sql`UPDATE seats SET venue_id = ${ga.id}, section_id = (SELECT id FROM seat_sections WHERE venue_id = ${venue.id}) WHERE venue_id = ${venue.id}`);
    await db.execute(sql`UPDATE seat_sections SET venue_id = ${ga.id} WHERE venue_id = ${venue.id}`);
    const first = await createTestScreening(db, festival, { venueId: ga.id, filmIds: [film.id], time: '18:00', allocations: { indigenous_access: 1, community_access: 0, donated: 0 } });
    await createTestScreening(db, festival, { venueId: ga.id, filmIds: [film.id], time: '20:00', allocations: { indigenous_access: 0, community_access: 0, donated: 0 } });
    const input = { ...base(ga.slug), name: ga.name, capacity: 10 };
    expect(await updateVenue(db, staff, ga.id, { ...input, seating: 'reserved', capacity: null })).toMatchObject({ ok: true, screeningsUpdated: 2 });
    expect(await seatStates(first)).toHaveLength(4);
    expect(await pool(first)).toMatchObject({ capacity: 3 });
    // 18:00 + 100 minutes ends 19:40: 20 minutes before the next one.
    expect(await updateVenue(db, staff, ga.id, { ...input, seating: 'reserved', capacity: null, changeoverMinutes: 30 })).toMatchObject({ ok: false, reason: 'changeover_overlap' });
    expect(await updateVenue(db, staff, ga.id, { ...input, seating: 'reserved', capacity: null, changeoverMinutes: 20 })).toMatchObject({ ok: true });
  });
});
