import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { claimIndigenousTickets } from '@/domain/access/indigenous';
import { admitTicket } from '@/domain/check-in/admit';
import { issueTickets } from '@/domain/orders/issue-tickets';
import { refundOrder } from '@/domain/refunds/refund-order';
import { doorHash, getCheckInSummary, getDoorList, listCheckInConflicts, searchDoorTickets } from '@/domain/check-in/queries';
import { syncCheckIns } from '@/domain/check-in/sync';
import { formatTime } from '@/lib/time';
import { normalizeTicketCode } from '@/lib/ticket-code';
import { createFestival, createFilm, createGaVenue, createPaidOrder, createReservedVenue, createTestScreening, createUser, TEST_ORDER_SETTINGS, uniq } from '../support/factories';

/** Check-in at the door: one admission per ticket under concurrency, duplicates named, offline sync and its conflicts. */

const SECRET = 'integration-test-secret-integration-test-secret';
const TZ = 'America/Vancouver';

async function world(buyerName = 'Ada Buyer') {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createReservedVenue(db, festival.id, 3, 10);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
  const otherScreeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1 });
  const order = await createPaidOrder(db, screeningId, { quantity: 2, buyer: { name: buyerName, email: 'door@example.org' } });
  const codes = await ticketCodes(order.orderId);
  const name = uniq('Dora Door');
  const user = await createUser(db, { role: 'staff', name });
  const staff: CurrentUser = { id: user.id, email: user.email, name, role: 'staff', organisationId: null, orgRole: null };
  return { db, festival, screeningId, otherScreeningId, orderId: order.orderId, codes, staff };
}

async function ticketCodes(orderId: string) {
  return rows<{ id: string; code: string }>(getDb(), sql`SELECT id, code FROM tickets WHERE order_id = ${orderId} ORDER BY code`);
}

async function checkInRows(ticketId: string) {
  return rows<{ result: string; device_label: string; offline: boolean; client_scan_id: string | null }>(
    getDb(),
    sql`SELECT result, device_label, offline, client_scan_id FROM check_ins WHERE ticket_id = ${ticketId} ORDER BY recorded_at, id`,
  );
}

describe('admitTicket', () => {
  it('admits a ticket once, by its code, its QR URL or its id, and names the first device and festival time on a second scan', async () => {
    const { db, screeningId, codes, staff } = await world();
    const [a, b] = codes;
    const first = await admitTicket(db, staff, { screeningId, code: `http://tickets.test/tickets/${a!.code}`, deviceLabel: 'Door 1', method: 'qr' });
    expect(first).toMatchObject({ ok: true, result: 'admitted' });

    const second = await admitTicket(db, staff, { screeningId, code: a!.code.replace(/-/g, '').toLowerCase(), deviceLabel: 'Door 2', method: 'code' });
    expect(second.ok).toBe(false);
    if (second.ok || second.reason !== 'already_admitted') throw new Error('expected a duplicate');
    const admittedAt = first.ok ? first.admittedAt : new Date();
    // Festival time (the suite runs with TZ=Asia/Kolkata), and the device that admitted it.
    expect(second.message).toBe(`Already admitted at ${formatTime(admittedAt, TZ)} by Door 1.`);

    const byId = await admitTicket(db, staff, { screeningId, ticketId: b!.id, deviceLabel: 'Door 2', method: 'name' });
    expect(byId).toMatchObject({ ok: true, result: 'admitted' });

    expect((await checkInRows(a!.id)).map((r) => r.result)).toEqual(['admitted', 'duplicate']);
    const summary = await getCheckInSummary(db, screeningId);
    expect(summary).toMatchObject({ expected: 2, admitted: 2, duplicates: 1, conflicts: 0 });
    const ticket = await rows<{ checked_in_at: string | null }>(db, sql`SELECT checked_in_at FROM tickets WHERE id = ${a!.id}`);
    expect(ticket[0]!.checked_in_at).not.toBeNull();
  });

  it('refuses a void ticket and another screening’s ticket (recorded as refused) and an unknown code (nothing recorded)', async () => {
    const { db, screeningId, otherScreeningId, codes, staff } = await world();
    const [a, b] = codes;
    await db.execute(sql`UPDATE tickets SET status = 'void' WHERE id = ${a!.id}`);
    const voided = await admitTicket(db, staff, { screeningId, code: a!.code, deviceLabel: 'Door 1', method: 'qr' });
    expect(voided).toMatchObject({ ok: false, reason: 'void', result: 'refused' });

    const wrong = await admitTicket(db, staff, { screeningId: otherScreeningId, code: b!.code, deviceLabel: 'Door 1', method: 'qr' });
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong_screening', result: 'refused' });
    if (!wrong.ok) expect(wrong.message).toMatch(/^Wrong screening: this ticket is for .+, .+/);

    const unknown = await admitTicket(db, staff, { screeningId, code: 'ZZZZ-ZZZZ-ZZZZ', deviceLabel: 'Door 1', method: 'code' });
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown_ticket' });
    const garbage = await admitTicket(db, staff, { screeningId, code: 'not a code', deviceLabel: 'Door 1', method: 'code' });
    expect(garbage).toMatchObject({ ok: false, reason: 'unknown_ticket' });

    expect((await checkInRows(a!.id)).map((r) => r.result)).toEqual(['refused']);
    expect((await checkInRows(b!.id)).map((r) => r.result)).toEqual(['refused']);
    const tickets = await rows<{ checked_in_at: string | null }>(db, sql`SELECT checked_in_at FROM tickets WHERE id IN (${a!.id}, ${b!.id})`);
    expect(tickets.every((t) => t.checked_in_at === null)).toBe(true);
  });

  it('refuses bad input and people without door.check_in, recording nothing', async () => {
    const { db, screeningId, codes, staff } = await world();
    const audience = await createUser(db);
    const viewer: CurrentUser = { id: audience.id, email: audience.email, name: null, role: 'audience', organisationId: null, orgRole: null };
    expect(await admitTicket(db, viewer, { screeningId, code: codes[0]!.code, deviceLabel: 'Door 1', method: 'qr' })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await admitTicket(db, staff, { screeningId, code: codes[0]!.code, deviceLabel: '', method: 'qr' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await admitTicket(db, staff, { screeningId: 'nope', code: codes[0]!.code, deviceLabel: 'Door 1', method: 'qr' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await checkInRows(codes[0]!.id)).toEqual([]);
  });

  it('gives exactly one admission when 12 devices scan one ticket at the same moment', async () => {
    const { db, screeningId, codes, staff } = await world();
    const code = codes[0]!.code;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => admitTicket(db, staff, { screeningId, code, deviceLabel: `Door ${i + 1}`, method: 'qr' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const duplicates = results.filter((r) => !r.ok && r.reason === 'already_admitted');
    expect(duplicates).toHaveLength(11);
    const winner = results.find((r) => r.ok);
    const winnerDevice = `Door ${results.indexOf(winner!) + 1}`;
    for (const d of duplicates) if (!d.ok) expect(d.message).toContain(`by ${winnerDevice}.`);
    const recorded = await checkInRows(codes[0]!.id);
    expect(recorded.filter((r) => r.result === 'admitted')).toHaveLength(1);
    expect(recorded.filter((r) => r.result === 'duplicate')).toHaveLength(11);
  });
});

describe('a refund racing a scan', () => {
  it('a door sale refunded while it is scanned: either admitted and not refunded, or refunded and refused, never both', async () => {
    const { db, screeningId, staff } = await world();
    const [type] = await rows<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${screeningId} AND code = 'adult'`);
    for (let round = 0; round < 6; round++) {
      const sale = await db.transaction((tx) =>
        issueTickets(
          tx,
          {
            screeningId,
            pool: 'standard',
            lines: [{ ticketTypeId: type!.id, quantity: 1 }],
            buyer: { name: 'Walk-up', email: 'desk@example.org' },
            source: 'door',
            createdById: staff.id,
            payment: { method: 'cash', amountCents: 1500 },
            sendEmail: false,
          },
          TEST_ORDER_SETTINGS,
        ),
      );
      if (!sale.ok) throw new Error(sale.message);
      const code = sale.tickets[0]!.code;
      const [scan, refund] = await Promise.all([
        admitTicket(db, staff, { screeningId, code, deviceLabel: 'Door 1', method: 'qr' }),
        refundOrder(db, staff, { orderId: sale.orderId, reason: 'Changed their mind', source: 'staff', requestKey: uniq('race-refund') }, TEST_ORDER_SETTINGS),
      ]);
      if (scan.ok) expect(refund).toMatchObject({ ok: false, reason: 'checked_in' });
      else {
        expect(scan).toMatchObject({ reason: 'void' });
        expect(refund.ok).toBe(true);
      }
    }
  });
});

describe('the offline door', () => {
  it('syncs offline admissions, flags a ticket admitted on two devices naming both, and a replayed sync records nothing twice', async () => {
    const { db, screeningId, codes, staff } = await world();
    const [a, b] = codes;
    // Door 1 was online and admitted ticket A; Door 2, offline, admitted A and B from its list.
    expect(await admitTicket(db, staff, { screeningId, code: a!.code, deviceLabel: 'Door 1', method: 'qr' })).toMatchObject({ ok: true });
    const scannedAt = new Date(Date.now() - 60_000).toISOString();
    const batch = {
      deviceLabel: 'Door 2',
      scans: [
        { clientScanId: uniq('scan-a'), screeningId, code: a!.code, scannedAt, method: 'qr' },
        { clientScanId: uniq('scan-b'), screeningId, code: b!.code, scannedAt, method: 'qr' },
      ],
    };
    const synced = await syncCheckIns(db, staff, batch, TZ);
    if (!synced.ok) throw new Error(synced.message);
    expect(synced).toMatchObject({ admitted: 1, conflicts: 1 });
    const [conflict, admitted] = synced.scans;
    expect(conflict).toMatchObject({ result: 'duplicate', replayed: false });
    expect(conflict!.message).toContain('by Door 1');
    expect(conflict!.message).toContain('by Door 2');
    expect(conflict!.conflict).toMatchObject({ ticketCode: a!.code, first: { deviceLabel: 'Door 1' }, second: { deviceLabel: 'Door 2' } });
    expect(admitted).toMatchObject({ result: 'admitted' });
    expect(await checkInRows(b!.id)).toEqual([{ result: 'admitted', device_label: 'Door 2', offline: true, client_scan_id: batch.scans[1]!.clientScanId }]);
    // The offline scan's own time, not the sync's, is the admission time.
    const bTicket = await rows<{ checked_in_at: string }>(db, sql`SELECT to_json(checked_in_at) #>> '{}' AS checked_in_at FROM tickets WHERE id = ${b!.id}`);
    expect(new Date(bTicket[0]!.checked_in_at).toISOString()).toBe(scannedAt);

    const conflicts = await listCheckInConflicts(db, screeningId);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ ticketCode: a!.code, first: { deviceLabel: 'Door 1', offline: false }, second: { deviceLabel: 'Door 2' } });

    // The same batch again (the device lost the answer): the same outcomes, no new rows.
    const again = await syncCheckIns(db, staff, batch, TZ);
    if (!again.ok) throw new Error(again.message);
    expect(again.scans.map((s) => [s.result, s.replayed])).toEqual([
      ['duplicate', true],
      ['admitted', true],
    ]);
    const all = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM check_ins WHERE screening_id = ${screeningId}`);
    expect(all[0]!.n).toBe(3);
    expect(await getCheckInSummary(db, screeningId)).toMatchObject({ admitted: 2, conflicts: 1 });
  });

  it('replaying one clientScanId from two syncs at once records it once', async () => {
    const { db, screeningId, codes, staff } = await world();
    const scan = { clientScanId: uniq('scan'), screeningId, code: codes[0]!.code, scannedAt: new Date().toISOString(), method: 'qr' };
    const results = await Promise.all([1, 2, 3].map(() => syncCheckIns(db, staff, { deviceLabel: 'Door 3', scans: [scan] }, TZ)));
    expect(results.every((r) => r.ok && r.scans[0]!.result === 'admitted')).toBe(true);
    expect(await checkInRows(codes[0]!.id)).toHaveLength(1);
  });

  it('refuses a malformed batch whole, recording nothing', async () => {
    const { db, screeningId, codes, staff } = await world();
    const good = { clientScanId: uniq('scan'), screeningId, code: codes[0]!.code, scannedAt: new Date().toISOString() };
    const bad = { clientScanId: uniq('scan'), screeningId: 'not-a-uuid', code: codes[1]!.code, scannedAt: new Date().toISOString() };
    expect(await syncCheckIns(db, staff, { deviceLabel: 'Door 3', scans: [good, bad] }, TZ)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await checkInRows(codes[0]!.id)).toEqual([]);
  });

  it('door list holds no names, codes or ids: only keyed hashes, admitted state and seats; a scanned code hashes to its entry', async () => {
    const holder = uniq('Zelda Holder');
    const { db, screeningId, orderId, codes, staff } = await world(holder);
    await admitTicket(db, staff, { screeningId, code: codes[0]!.code, deviceLabel: 'Door 1', method: 'qr' });
    const list = await getDoorList(db, screeningId, SECRET);
    if (!list) throw new Error('no list');
    expect(list.entries).toHaveLength(2);
    const text = JSON.stringify(list);
    for (const c of codes) {
      expect(text).not.toContain(c.code);
      expect(text).not.toContain(c.code.replace(/-/g, ''));
      expect(text).not.toContain(c.id);
    }
    expect(text).not.toContain(holder);
    expect(text).not.toContain('Ada');
    expect(text).not.toContain(orderId);
    expect(text).not.toContain('door@example.org');
    for (const e of list.entries) expect(Object.keys(e).sort()).toEqual(['admitted', 'h', 'seat']);
    // The device hashes what it scans with the list's key and finds the entry.
    const entry = list.entries.find((e) => e.h === doorHash(list.key, normalizeTicketCode(codes[0]!.code)!));
    expect(entry).toMatchObject({ admitted: true });
    expect(list.entries.filter((e) => e.admitted)).toHaveLength(1);
    // Another screening's list has another key: the same code would not match across lists.
    const other = await getDoorList(db, codes.length ? (await world()).screeningId : screeningId, SECRET);
    expect(other!.key).not.toBe(list.key);
    // A version changes when the admitted state does.
    await admitTicket(db, staff, { screeningId, code: codes[1]!.code, deviceLabel: 'Door 1', method: 'qr' });
    expect((await getDoorList(db, screeningId, SECRET))!.version).not.toBe(list.version);
  });

  it('name search finds holders and buyers within the screening only, bounded, without any scheme', async () => {
    const holder = uniq('Quinn Searchable');
    const { db, screeningId, otherScreeningId } = await world(holder);
    const found = await searchDoorTickets(db, screeningId, holder.slice(0, 12));
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.length).toBeLessThanOrEqual(20);
    expect(Object.keys(found[0]!).sort()).toEqual(['admitted', 'buyerName', 'holderName', 'seat', 'ticketId', 'ticketType']);
    expect(await searchDoorTickets(db, otherScreeningId, holder)).toEqual([]);
    expect(await searchDoorTickets(db, screeningId, 'q')).toEqual([]);
    // LIKE's wildcards are searched for literally.
    expect(await searchDoorTickets(db, screeningId, '%%')).toEqual([]);
  });

  it('lists an Indigenous Access claimant at the door like anyone else, with no scheme, and the scan’s audit entry names neither them nor their order', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createGaVenue(db, festival.id, 30);
    const film = await createFilm(db, festival.id);
    const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { indigenous_access: 4 } });
    const claimantName = uniq('Kiona Claimant');
    const u = await createUser(db, { name: claimantName });
    const claimed = await claimIndigenousTickets(db, { id: u.id, email: u.email, name: claimantName }, { screeningId, quantity: 1, selfIdentified: true }, TEST_ORDER_SETTINGS);
    if (!claimed.ok) throw new Error(claimed.reason);
    const found = await searchDoorTickets(db, screeningId, claimantName);
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found)).not.toMatch(/indigenous|scheme|access/i);
    expect(found[0]!.ticketType).toBe('Free ticket');
    const staffUser = await createUser(db, { role: 'staff' });
    const staff: CurrentUser = { id: staffUser.id, email: staffUser.email, name: null, role: 'staff', organisationId: null, orgRole: null };
    const admitted = await admitTicket(db, staff, { screeningId, ticketId: found[0]!.ticketId, deviceLabel: 'Door 1', method: 'name' });
    expect(admitted).toMatchObject({ ok: true, ticket: { ticketType: 'Free ticket' } });
    expect(JSON.stringify(admitted)).not.toMatch(/indigenous/i);
    const entries = await rows<{ order_id: string | null; text: string }>(db, sql`
      SELECT order_id, concat_ws(' ', actor_label, subject_id, before::text, after::text, reason) AS text FROM audit_entries WHERE actor_id = ${staffUser.id}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.order_id).toBeNull();
    expect(entries[0]!.text).not.toContain(claimantName);
    expect(entries[0]!.text).not.toContain(claimed.orderId);
  });
});
