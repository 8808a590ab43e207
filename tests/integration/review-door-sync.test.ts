import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { admitTicket } from '@/domain/check-in/admit';
import { syncCheckIns } from '@/domain/check-in/sync';
import { createFestival, createFilm, createPaidOrder, createReservedVenue, createTestScreening, createUser, uniq } from '../support/factories';

/** Review of issue 9: the offline door's sync under forged or colliding input. */

const TZ = 'America/Vancouver';

async function world() {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createReservedVenue(db, festival.id, 3, 10);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
  const order = await createPaidOrder(db, screeningId, { quantity: 2, buyer: { name: 'Ada Buyer', email: 'door@example.org' } });
  const codes = await rows<{ id: string; code: string }>(db, sql`SELECT id, code FROM tickets WHERE order_id = ${order.orderId} ORDER BY code`);
  const name = uniq('Dora Door');
  const user = await createUser(db, { role: 'staff', name });
  const staff: CurrentUser = { id: user.id, email: user.email, name, role: 'staff', organisationId: null, orgRole: null };
  return { db, screeningId, codes, staff };
}

describe('offline door sync', () => {
  it('a clientScanId reused for another ticket is not taken as a replay: a second admission of an admitted ticket is still reported', async () => {
    const { db, screeningId, codes, staff } = await world();
    const [a, b] = codes;
    expect(await admitTicket(db, staff, { screeningId, code: a!.code, deviceLabel: 'Door 1', method: 'qr' })).toMatchObject({ ok: true });
    const at = new Date(Date.now() - 60_000).toISOString();
    const first = await syncCheckIns(db, staff, { deviceLabel: 'Door 2', scans: [{ clientScanId: uniq('scan'), screeningId, code: b!.code, scannedAt: at }] }, TZ);
    expect(first).toMatchObject({ ok: true, admitted: 1 });
    const reused = first.ok ? first.scans[0]!.clientScanId : '';
    // Door 2 also let ticket a in offline, under the id of its earlier scan (a device bug, or someone hiding it).
    const second = await syncCheckIns(db, staff, { deviceLabel: 'Door 2', scans: [{ clientScanId: reused, screeningId, code: a!.code, scannedAt: at }] }, TZ);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.scans[0]!.result).not.toBe('admitted');
    expect(second.scans[0]!.replayed).toBe(false);
  });
});
