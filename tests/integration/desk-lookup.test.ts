import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { claimIndigenousTickets } from '@/domain/access/indigenous';
import { getOrderForDesk, listOrdersForDesk, LOOKUP_LIMIT } from '@/domain/desk/orders';
import { createFestival, createFilm, createGaVenue, createPaidOrder, createTestScreening, createUser, TEST_ORDER_SETTINGS, uniq } from '../support/factories';

/** The desk's order lookup and order page: what they find, how much, and never an Indigenous Access order. */

async function festivalWithScreening(o: { indigenousPlaces?: number } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, 60);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    ...(o.indigenousPlaces ? { allocations: { indigenous_access: o.indigenousPlaces } } : {}),
  });
  return { festival, screeningId };
}

const codesOf = async (orderId: string) => (await rows<{ code: string }>(getDb(), sql`SELECT code FROM tickets WHERE order_id = ${orderId} ORDER BY code`)).map((r) => r.code);

describe('desk order lookup', () => {
  it('finds an order by email (its start), name (a part), order number and ticket code, exact matches first', async () => {
    const db = getDb();
    const { festival, screeningId } = await festivalWithScreening();
    const tag = uniq('lk').replace(/[^a-z0-9]/gi, '');
    const email = `${tag}.buyer@example.org`;
    const order = await createPaidOrder(db, screeningId, { quantity: 2, clientKey: uniq('c'), buyer: { name: `Marguerite ${tag} Duras`, email } });
    const other = await createPaidOrder(db, screeningId, { clientKey: uniq('c'), buyer: { name: 'Someone Else', email: `other-${tag}@example.org` } });
    const [number] = await rows<{ number: string }>(db, sql`SELECT number FROM orders WHERE id = ${order.orderId}`);
    const [code] = await codesOf(order.orderId);

    const byEmail = await listOrdersForDesk(festival.id, `${tag}.BUYER@`);
    expect(byEmail.orders.map((o) => o.id)).toEqual([order.orderId]);
    expect(byEmail.orders[0]).toMatchObject({ matchedBy: 'email', validTickets: 2, buyerEmail: email });
    expect((await listOrdersForDesk(festival.id, `${tag} du`)).orders.map((o) => o.id)).toEqual([order.orderId]);
    expect((await listOrdersForDesk(festival.id, number!.number.toLowerCase())).orders).toMatchObject([{ id: order.orderId, matchedBy: 'order_number' }]);
    expect((await listOrdersForDesk(festival.id, code!)).orders).toMatchObject([{ id: order.orderId, matchedBy: 'ticket_code' }]);
    // Emails match by their start: "other-<tag>@…" does not start with the tag (and its buyer's name lacks it).
    expect((await listOrdersForDesk(festival.id, tag)).orders.map((o) => o.id).sort()).toEqual([order.orderId].sort());
    expect((await listOrdersForDesk(festival.id, `other-${tag}`)).orders.map((o) => o.id)).toEqual([other.orderId]);
    // Patterns typed at the desk are letters: "%" matches nothing rather than everything.
    expect((await listOrdersForDesk(festival.id, '%%')).orders).toEqual([]);
  });

  it('returns at most LOOKUP_LIMIT orders and says there are more', async () => {
    const db = getDb();
    const { festival, screeningId } = await festivalWithScreening();
    const surname = uniq('Many').replace(/[^a-z0-9]/gi, '');
    for (let i = 0; i < LOOKUP_LIMIT + 2; i++) {
      await createPaidOrder(db, screeningId, { clientKey: uniq('c'), buyer: { name: `Buyer ${surname}`, email: `${uniq('m')}@example.org` } });
    }
    const found = await listOrdersForDesk(festival.id, surname);
    expect(found.orders).toHaveLength(LOOKUP_LIMIT);
    expect(found.truncated).toBe(true);
  });

  it('only finds orders of the festival it is asked about', async () => {
    const db = getDb();
    const a = await festivalWithScreening();
    const b = await festivalWithScreening();
    const email = `${uniq('fest')}@example.org`;
    const order = await createPaidOrder(db, a.screeningId, { clientKey: uniq('c'), buyer: { name: 'Festival A', email } });
    expect((await listOrdersForDesk(a.festival.id, email)).orders.map((o) => o.id)).toEqual([order.orderId]);
    expect((await listOrdersForDesk(b.festival.id, email)).orders).toEqual([]);
    expect(await getOrderForDesk(b.festival.id, order.orderId)).toBeNull();
  });

  it('never finds or opens an Indigenous Access order, however it is asked for', async () => {
    const db = getDb();
    const { festival, screeningId } = await festivalWithScreening({ indigenousPlaces: 4 });
    await db.execute(sql`INSERT INTO access_scheme_settings (festival_id, scheme, per_screening_limit, per_festival_limit)
      VALUES (${festival.id}, 'indigenous_access', 2, 8)`);
    const name = `Private ${uniq('p')}`;
    const user = await createUser(db, { name });
    const claimed = await claimIndigenousTickets(db, { id: user.id, email: user.email, name }, { screeningId, quantity: 1, selfIdentified: true }, TEST_ORDER_SETTINGS);
    if (!claimed.ok) throw new Error(claimed.reason);
    const [code] = await codesOf(claimed.orderId);
    for (const q of [user.email, name, claimed.orderNumber, code!]) {
      expect((await listOrdersForDesk(festival.id, q)).orders, q).toEqual([]);
    }
    expect(await getOrderForDesk(festival.id, claimed.orderId)).toBeNull();
  });

  it("reads one order's tickets, payments, refunds and check-ins", async () => {
    const db = getDb();
    const { festival, screeningId } = await festivalWithScreening();
    const order = await createPaidOrder(db, screeningId, { quantity: 2, clientKey: uniq('c'), paymentIntentId: `pi_${uniq('x')}` });
    const [ticket] = await rows<{ id: string }>(db, sql`SELECT id FROM tickets WHERE order_id = ${order.orderId} ORDER BY code LIMIT 1`);
    await db.execute(sql`INSERT INTO check_ins (ticket_id, screening_id, result, method, device_label, scanned_at)
      VALUES (${ticket!.id}, ${screeningId}, 'admitted', 'qr', 'Door 2', now())`);
    const view = await getOrderForDesk(festival.id, order.orderId);
    expect(view).toMatchObject({ id: order.orderId, status: 'paid', source: 'online', totalCents: 3000, refundableCents: 3000 });
    expect(view!.tickets).toHaveLength(2);
    expect(view!.payments).toMatchObject([{ method: 'stripe', amountCents: 3000 }]);
    expect(view!.tickets.find((t) => t.id === ticket!.id)!.checkIns).toMatchObject([{ result: 'admitted', method: 'qr', deviceLabel: 'Door 2' }]);
    expect(await getOrderForDesk(festival.id, 'not-a-uuid')).toBeNull();
  });
});
