import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { issueTickets } from '@/domain/orders/issue-tickets';
import { refundOrder } from '@/domain/refunds/refund-order';
import { salesCsv } from '@/domain/reports/csv';
import { getDashboard, listRevenueByDay } from '@/domain/reports/dashboard';
import { listCheckInRates, listPaymentMethods, listSalesByDay, listSalesByFilm, listSalesByScreening, listTicketTypeMix } from '@/domain/reports/sales';
import { addDays, localDate, zonedTimeToUtc } from '@/lib/time';
import { createFestival, createFilm, createGaVenue, createPaidOrder, createTestScreening, createUser, TEST_ORDER_SETTINGS, uniq } from '../support/factories';

/**
 * The sales reports and the dashboard read money from payments and refunds rows (never orders.total), leave Indigenous
 * Access orders out, and count per festival-local day. Each test builds its own festival, so the figures are exact.
 */

async function world() {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, 30);
  const film = await createFilm(db, festival.id, { title: uniq('Report Film') });
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    allocations: { indigenous_access: 0, community_access: 0, donated: 0 },
  });
  return { db, festival: { ...festival, currency: 'CAD' }, screeningId, film };
}

/** A desk payment or refund row written as the desk's commands write them, at a chosen instant. */
async function addPayment(orderId: string, method: string, amountCents: number, at: Date, recordedById: string | null = null, reason: string | null = null) {
  await getDb().execute(sql`INSERT INTO payments (order_id, method, amount_cents, currency, recorded_by_id, reason, created_at)
    VALUES (${orderId}, ${method}::payment_method, ${amountCents}, 'CAD', ${recordedById}, ${reason}, ${at.toISOString()}::timestamptz)`);
}

async function refund(orderId: string, amountCents: number, status: 'pending' | 'succeeded' | 'failed', at: Date, voidTickets = true) {
  const tickets = voidTickets
    ? await rows<{ id: string }>(getDb(), sql`UPDATE tickets SET status = 'void' WHERE order_id = ${orderId} AND status = 'valid' RETURNING id`)
    : [];
  if (tickets.length) {
    await getDb().execute(sql`UPDATE inventory_pools SET sold = sold - ${tickets.length}
      WHERE kind = 'standard' AND screening_id = (SELECT screening_id FROM orders WHERE id = ${orderId})`);
  }
  await getDb().execute(sql`INSERT INTO refunds (order_id, method, amount_cents, currency, source, status, reason, request_key, ticket_ids, created_at)
    VALUES (${orderId}, 'stripe', ${amountCents}, 'CAD', 'staff', ${status}::refund_status, 'Test refund', ${uniq('refund')},
            ${`{${tickets.map((t) => t.id).join(',')}}`}::uuid[], ${at.toISOString()}::timestamptz)`);
}

describe('sales reports', () => {
  it('counts money from payment and refund rows, by screening, film, day and method; comps and Indigenous Access apart', async () => {
    const { db, festival, screeningId, film } = await world();
    const staffName = uniq('Till Person');
    const staff = await createUser(db, { role: 'staff', name: staffName });
    const today = localDate(new Date(), festival.timeZone);
    const noon = zonedTimeToUtc(today, '12:00', festival.timeZone);

    // Two adults online (Stripe, $30), one more online ($15) refunded in full, and a refund that failed (not counted).
    const a = await createPaidOrder(db, screeningId, { quantity: 2 });
    const b = await createPaidOrder(db, screeningId, { quantity: 1 });
    await refund(b.orderId, 1500, 'succeeded', noon);
    await refund(a.orderId, 500, 'failed', noon, false);
    // A desk sale in cash and a comp, written against orders of their own (as issueTickets records them).
    const c = await createPaidOrder(db, screeningId, { quantity: 1 });
    await db.execute(sql`DELETE FROM payments WHERE order_id = ${c.orderId}`);
    await addPayment(c.orderId, 'cash', 1500, noon, staff.id);
    const comp = await createPaidOrder(db, screeningId, { quantity: 1 });
    await db.execute(sql`DELETE FROM payments WHERE order_id = ${comp.orderId}`);
    await addPayment(comp.orderId, 'complimentary', 0, noon, staff.id, 'Director guest');
    // An Indigenous Access order: never in these figures.
    await db.execute(sql`UPDATE orders SET scheme = 'indigenous_access' WHERE id = ${
      (await createPaidOrder(db, screeningId, { quantity: 1 })).orderId
    }`);

    const stripePaid = await firstRow<{ n: number; sum: number }>(db, sql`
      SELECT count(*)::int AS n, sum(amount_cents)::int AS sum FROM payments WHERE order_id IN (${a.orderId}, ${b.orderId}) AND method = 'stripe'`);
    expect(stripePaid).toEqual({ n: 2, sum: 4500 });

    const [row] = await listSalesByScreening(festival, festival.days[0]!);
    expect(row).toMatchObject({ screeningId, ticketsSold: 4, comps: 1, ticketsVoided: 1, takenCents: 6000, refundedCents: 1500, netCents: 4500 });

    const films = await listSalesByFilm(festival, 1);
    expect(films.rows).toEqual([expect.objectContaining({ title: film.title, screenings: 1, ticketsSold: 4, netCents: 4500 })]);

    const mix = await listTicketTypeMix(festival);
    expect(mix).toEqual([
      { name: 'Adult', tickets: 4, sharePercent: 100, valueCents: 6000 },
    ]);

    const byDay = await listSalesByDay(festival, [addDays(today, -1), today]);
    // The online payments were written now (today); the cash and comp payments at noon today; the refund at noon.
    expect(byDay[0]).toMatchObject({ takenCents: 0, refundedCents: 0 });
    expect(byDay[1]).toMatchObject({ day: today, ticketsIssued: 5, takenCents: 6000, refundedCents: 1500, netCents: 4500 });
    expect(await listRevenueByDay(db, festival, [today])).toEqual([{ day: today, takenCents: 6000, refundedCents: 1500, netCents: 4500 }]);

    const till = await listPaymentMethods(festival, today);
    expect(till.methods.find((m) => m.method === 'stripe')).toMatchObject({ payments: 2, amountCents: 4500, refunds: 1, refundedCents: 1500, netCents: 3000 });
    expect(till.methods.find((m) => m.method === 'cash')).toMatchObject({ payments: 1, amountCents: 1500, netCents: 1500 });
    expect(till.methods.find((m) => m.method === 'complimentary')).toMatchObject({ payments: 1, amountCents: 0 });
    expect(till.till).toEqual([
      { staff: staffName, method: 'cash', payments: 1, amountCents: 1500 },
      { staff: staffName, method: 'complimentary', payments: 1, amountCents: 0 },
    ]);

    const dashboard = await getDashboard(festival);
    expect(dashboard.revenue.at(-1)).toEqual({ day: today, takenCents: 6000, refundedCents: 1500, netCents: 4500 });
    const shown = dashboard.screenings.find((s) => s.id === screeningId);
    // General sale's pool: 2 + 1 + 1 + 1 + 1 places sold (this test's Indigenous Access order took a paid place), 1 given back.
    expect(shown).toMatchObject({ sold: 5, held: 0, available: 25, checkedIn: 0 });
  });

  it('check-in and no-show rates count only started screenings, from check-in rows and the tickets’ own mark', async () => {
    const db = getDb();
    const festival = await createFestival(db, { startsOn: localDate(new Date(), 'America/Vancouver') });
    const venue = await createGaVenue(db, festival.id, 30);
    const film = await createFilm(db, festival.id);
    // Created in the future (so it can sell), then moved to have started an hour ago.
    const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], startsAt: new Date(Date.now() + 3_600_000) });
    const order = await createPaidOrder(db, screeningId, { quantity: 4 });
    const startedAt = new Date(Date.now() - 3_600_000);
    await db.execute(sql`UPDATE screenings SET starts_at = ${startedAt.toISOString()}::timestamptz, ends_at = now() + interval '1 hour' WHERE id = ${screeningId}`);
    const tickets = await rows<{ id: string }>(db, sql`SELECT id FROM tickets WHERE order_id = ${order.orderId} ORDER BY id`);
    await db.execute(sql`INSERT INTO check_ins (ticket_id, screening_id, result, method, device_label, scanned_at)
      VALUES (${tickets[0]!.id}, ${screeningId}, 'admitted', 'qr', 'Door 1', now()), (${tickets[0]!.id}, ${screeningId}, 'duplicate', 'qr', 'Door 2', now())`);
    await db.execute(sql`UPDATE tickets SET checked_in_at = now() WHERE id = ${tickets[1]!.id}`);
    const day = localDate(startedAt, festival.timeZone);
    const rates = await listCheckInRates(festival, day);
    expect(rates).toEqual([expect.objectContaining({ screeningId, tickets: 4, checkedIn: 2, noShows: 2, checkInPercent: 50, noShowPercent: 50 })]);
    // Before it started, there is nothing to rate.
    expect(await listCheckInRates(festival, day, new Date(startedAt.getTime() - 60_000))).toEqual([]);
  });

  it('counts desk sales made by issueTickets and refunds made by refundOrder (a replayed refund once), and exports them as CSV', async () => {
    const { db, festival, screeningId } = await world();
    const staffName = uniq('Desk Person');
    const staff = await createUser(db, { role: 'staff', name: staffName });
    const type = await firstRow<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${screeningId} AND code = 'adult'`);
    const sell = (quantity: number, payment: { method: 'cash' | 'card_terminal' | 'complimentary'; amountCents: number; reason?: string }, unitPriceCents?: number) =>
      db.transaction((tx) =>
        issueTickets(
          tx,
          {
            screeningId,
            pool: 'standard',
            lines: [{ ticketTypeId: type!.id, quantity, unitPriceCents }],
            buyer: { name: 'Walk Up', email: 'walk-up@example.org' },
            source: 'door',
            createdById: staff.id,
            payment,
            sendEmail: false,
          },
          TEST_ORDER_SETTINGS,
        ),
      );
    const cash = await sell(2, { method: 'cash', amountCents: 3000 });
    expect(await sell(1, { method: 'card_terminal', amountCents: 1500 })).toMatchObject({ ok: true });
    expect(await sell(1, { method: 'complimentary', amountCents: 0, reason: 'Jury member' }, 0)).toMatchObject({ ok: true });
    if (!cash.ok) throw new Error(cash.message);
    const request = { orderId: cash.orderId, ticketIds: [cash.tickets[0]!.id], reason: 'Wrong day', source: 'staff' as const, requestKey: uniq('desk-refund') };
    expect(await refundOrder(db, staff, request, TEST_ORDER_SETTINGS)).toMatchObject({ ok: true, amountCents: 1500, status: 'succeeded' });
    expect(await refundOrder(db, staff, request, TEST_ORDER_SETTINGS)).toMatchObject({ ok: true, replayed: true });

    const day = festival.days[0]!;
    const today = localDate(new Date(), festival.timeZone);
    expect((await listSalesByScreening(festival, day))[0]).toMatchObject({ ticketsSold: 3, comps: 1, ticketsVoided: 1, takenCents: 4500, refundedCents: 1500, netCents: 3000 });
    const till = await listPaymentMethods(festival, today);
    expect(till.methods.filter((m) => m.payments > 0 || m.refunds > 0)).toEqual([
      { method: 'cash', payments: 1, amountCents: 3000, refunds: 1, refundedCents: 1500, netCents: 1500 },
      { method: 'card_terminal', payments: 1, amountCents: 1500, refunds: 0, refundedCents: 0, netCents: 1500 },
      { method: 'complimentary', payments: 1, amountCents: 0, refunds: 0, refundedCents: 0, netCents: 0 },
    ]);
    expect(till.till).toEqual([
      { staff: staffName, method: 'cash', payments: 1, amountCents: 3000 },
      { staff: staffName, method: 'card_terminal', payments: 1, amountCents: 1500 },
      { staff: staffName, method: 'complimentary', payments: 1, amountCents: 0 },
    ]);
    // The comp's ticket is worth nothing in the ticket-type mix; the refunded ticket is gone from it.
    expect(await listTicketTypeMix(festival)).toEqual([{ name: 'Adult', tickets: 3, sharePercent: 100, valueCents: 3000 }]);

    const csv = await salesCsv({ ...festival }, { table: 'screenings', day, page: 1 }, today);
    expect(csv.filename).toBe(`${festival.slug}-sales-by-screening-${day}.csv`);
    const [header, line] = csv.body.trim().split('\n');
    expect(header).toBe('starts_at,screening,tickets_sold,comps,tickets_voided,taken_cents,refunded_cents,net_cents');
    expect(line).toMatch(/,3,1,1,4500,1500,3000$/);
    // A title that looks like a formula is escaped, so a spreadsheet shows it as text.
    await db.execute(sql`UPDATE screenings SET programme_title = '=HYPERLINK("http://evil.example")' WHERE id = ${screeningId}`);
    const escaped = await salesCsv({ ...festival }, { table: 'screenings', day, page: 1 }, today);
    expect(escaped.body).toContain(`'=HYPERLINK`);
  });
});
