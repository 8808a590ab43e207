import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import { cancelScreening } from '@/domain/cancellations/cancel-screening';
import { cancellationChoiceToken } from '@/domain/cancellations/choice-token';
import { chooseExchange, getChoiceView, listExchangeOptions } from '@/domain/cancellations/choices';
import { runCancellationJob } from '@/domain/cancellations/job';
import { exchangeOrder } from '@/domain/exchanges/exchange-order';
import { createFilm, createHold, createReservedVenue, createTestScreening, createUser, listScreeningSeats, TEST_ORDER_SETTINGS as settings } from '../support/factories';
import { createExchangeFestival } from '../support/exchange-festival';
import { inventoryProblems } from '../support/inventory';
import { payForOrderInEmulator, emulatorForThisFile } from '../support/stripe-emulator';

/** Exchanges at the desk and by a cancelled screening's holder, against real PostgreSQL and the Stripe emulator. */

const emulatorUrl = emulatorForThisFile();

const db = () => getDb();

const setup = createExchangeFestival;

async function paidOrder(screeningId: string, quantity: number, email: string) {
  return payForOrderInEmulator(emulatorUrl(), screeningId, { quantity, email, name: 'Eve Exchanger' });
}

async function emulatorRefundsOf(pi: string): Promise<number> {
  const listed = (await (await fetch(`${emulatorUrl()}/_emulator/events`)).json()) as { events: { id: string; type: string }[] };
  let n = 0;
  for (const e of listed.events.filter((e) => e.type === 'charge.refunded')) {
    const full = (await (await fetch(`${emulatorUrl()}/_emulator/events/${e.id}`)).json()) as { data: { object: { payment_intent: string } } };
    if (full.data.object.payment_intent === pi) n += 1;
  }
  return n;
}

async function orderRow(id: string) {
  const [o] = await rows<{ status: string; source: string; exchanged_from_order_id: string | null; total_cents: number; valid: number }>(db(), sql`
    SELECT status, source, exchanged_from_order_id, total_cents,
           (SELECT count(*)::int FROM tickets WHERE order_id = o.id AND status = 'valid') AS valid FROM orders o WHERE id = ${id}`);
  return o!;
}

async function paymentsOf(orderId: string) {
  return rows<{ method: string; amount_cents: number; reference: string | null }>(db(), sql`
    SELECT method, amount_cents, reference FROM payments WHERE order_id = ${orderId} ORDER BY method`);
}

describe('exchangeOrder at the desk', () => {
  it('moves every ticket to a dearer screening in one transaction: old void, new order paid by the carried credit and the cash difference, one audit entry', async () => {
    const { from, dearer, staff } = await setup();
    const paid = await paidOrder(from.id, 2, 'dearer@example.org');
    const result = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 2 }], difference: { method: 'cash' } }, settings);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ creditCents: 3000, chargedCents: 1000, refundedCents: 0, refundId: null, oldOrderExchanged: true });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'exchanged', valid: 0 });
    expect(await orderRow(result.orderId)).toMatchObject({ status: 'paid', source: 'exchange', exchanged_from_order_id: paid.orderId, total_cents: 4000, valid: 2 });
    expect(await paymentsOf(result.orderId)).toEqual([
      { method: 'cash', amount_cents: 1000, reference: null },
      { method: 'exchange_credit', amount_cents: 3000, reference: expect.stringMatching(/^MQ-/) },
    ]);
    const audits = await rows<{ action: string }>(db(), sql`SELECT action FROM audit_entries WHERE order_id = ${paid.orderId}`);
    expect(audits.map((a) => a.action)).toEqual(['exchangeOrder']);
    expect(await inventoryProblems(db(), from.id)).toEqual([]);
    expect(await inventoryProblems(db(), dearer.id)).toEqual([]);
    const [pools] = await rows<{ from_sold: number; to_sold: number }>(db(), sql`
      SELECT (SELECT sold FROM inventory_pools WHERE screening_id = ${from.id} AND kind = 'standard') AS from_sold,
             (SELECT sold FROM inventory_pools WHERE screening_id = ${dearer.id} AND kind = 'standard') AS to_sold`);
    expect(pools).toEqual({ from_sold: 0, to_sold: 2 });
    // Replaying the form exchanges nothing more.
    const again = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 2 }], difference: { method: 'cash' } }, settings);
    expect(again).toMatchObject({ ok: false, reason: 'not_exchangeable' });
  });

  it('a dearer exchange without a recorded payment, another festival’s screening, an audience member and an Indigenous Access order are refused and change nothing', async () => {
    const { from, dearer, staff } = await setup();
    const paid = await paidOrder(from.id, 1, 'refused@example.org');
    expect(await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 1 }] }, settings)).toMatchObject({
      ok: false,
      reason: 'payment_needed',
    });
    const other = await setup();
    expect(
      await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: other.cheaper.id, lines: [{ ticketTypeId: other.cheaper.adult, quantity: 1 }] }, settings),
    ).toMatchObject({ ok: false, reason: 'other_festival' });
    const audience = await createUser(db(), { role: 'audience' });
    expect(
      await exchangeOrder(db(), { id: audience.id, role: 'audience' }, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 1 }], difference: { method: 'cash' } }, settings),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 1 });
    expect(await inventoryProblems(db(), from.id)).toEqual([]);

    const indigenous = await db().transaction((tx) =>
      issueFreeTickets(tx, { screeningId: from.id, scheme: 'indigenous_access', pool: 'indigenous_access', quantity: 1, buyer: { name: 'Private', email: 'private@example.org' } }, settings),
    );
    if (!indigenous.ok) throw new Error(indigenous.message);
    expect(
      await exchangeOrder(db(), staff, { orderId: indigenous.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 1 }], difference: { method: 'cash' } }, settings),
    ).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('a cheaper, partial exchange refunds the difference on the old order, through Stripe once; the old order keeps its other ticket', async () => {
    const { from, cheaper, staff } = await setup();
    const paid = await paidOrder(from.id, 2, 'cheaper@example.org');
    const [first] = await rows<{ id: string }>(db(), sql`SELECT id FROM tickets WHERE order_id = ${paid.orderId} ORDER BY id LIMIT 1`);
    const result = await exchangeOrder(db(), staff, { orderId: paid.orderId, ticketIds: [first!.id], toScreeningId: cheaper.id, lines: [{ ticketTypeId: cheaper.adult, quantity: 1 }] }, settings);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ creditCents: 1500, chargedCents: 0, refundedCents: 500, refundStatus: 'succeeded', oldOrderExchanged: false });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 1 });
    const refunds = await rows<{ amount_cents: number; method: string; status: string; source: string }>(db(), sql`
      SELECT amount_cents, method, status, source FROM refunds WHERE order_id = ${paid.orderId}`);
    expect(refunds).toEqual([{ amount_cents: 500, method: 'stripe', status: 'succeeded', source: 'staff' }]);
    expect(await emulatorRefundsOf(paid.paymentIntent)).toBe(1);
    expect(await paymentsOf(result.orderId)).toEqual([{ method: 'exchange_credit', amount_cents: 1000, reference: expect.stringMatching(/^MQ-/) }]);
  });

  it('names the seats at a reserved screening; a seat already taken is refused and nothing changes', async () => {
    const { festival, from, staff } = await setup();
    const film = await createFilm(db(), festival.id);
    const venue = await createReservedVenue(db(), festival.id, 3, 6);
    const reserved = await createTestScreening(db(), festival, { venueId: venue.id, filmIds: [film.id], day: 1, time: '21:00', allocations: { indigenous_access: 0 } });
    const [type] = await rows<{ id: string }>(db(), sql`SELECT id FROM ticket_types WHERE screening_id = ${reserved} AND code = 'adult'`);
    const seats = (await listScreeningSeats(db(), reserved)).filter((s) => s.kind === 'standard' && s.rowLabel === 'C');
    const paid = await paidOrder(from.id, 2, 'seats@example.org');
    const taken = await createHold(db(), reserved, { quantity: 1, seats: [seats[0]!.id], clientKey: 'seat-taker' });
    expect(taken.holdId).toBeTruthy();
    const refused = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: reserved, lines: [{ ticketTypeId: type!.id, quantity: 2 }], seatIds: [seats[0]!.id, seats[1]!.id] }, settings);
    expect(refused).toMatchObject({ ok: false, reason: 'seats_unavailable' });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 2 });
    const done = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: reserved, lines: [{ ticketTypeId: type!.id, quantity: 2 }], seatIds: [seats[2]!.id, seats[3]!.id] }, settings);
    if (!done.ok) throw new Error(done.message);
    const got = await rows<{ seat_id: string }>(db(), sql`SELECT seat_id FROM tickets WHERE order_id = ${done.orderId} ORDER BY seat_id`);
    expect(got.map((t) => t.seat_id).sort()).toEqual([seats[2]!.id, seats[3]!.id].sort());
    expect(await inventoryProblems(db(), reserved)).toEqual([]);
    expect(await inventoryProblems(db(), from.id)).toEqual([]);
  });

  it('two desks exchanging the same tickets at once: one exchange, the other refused', async () => {
    const { from, dearer, cheaper, staff } = await setup();
    const paid = await paidOrder(from.id, 2, 'race@example.org');
    const results = await Promise.all([
      exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 2 }], difference: { method: 'cash' } }, settings),
      exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: cheaper.id, lines: [{ ticketTypeId: cheaper.adult, quantity: 2 }] }, settings),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [n] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM orders WHERE exchanged_from_order_id = ${paid.orderId}`);
    expect(n!.n).toBe(1);
    for (const s of [from.id, dearer.id, cheaper.id]) expect(await inventoryProblems(db(), s)).toEqual([]);
  });
});

describe('the holder of a cancelled screening exchanges by themselves', () => {
  it('to a cheaper screening (the difference refunded, the cancellation row exchanged); a dearer one is refused: ask the box office', async () => {
    const { from, dearer, cheaper, staff } = await setup();
    const paid = await paidOrder(from.id, 2, 'holder-exchange@example.org');
    await cancelScreening(db(), staff, { screeningId: from.id, reason: 'Print lost', refundDeadline: new Date(Date.now() + 86_400_000) }, settings);
    await runCancellationJob(db(), settings, { screeningId: from.id });
    const token = cancellationChoiceToken(from.id, paid.orderId, settings.appSecret);
    const view = await getChoiceView(token, db());
    const options = await listExchangeOptions(view!, db());
    expect(options.map((o) => o.screeningId)).toContain(cheaper.id);
    expect(options.map((o) => o.screeningId)).not.toContain(dearer.id);

    expect(await chooseExchange(db(), token, { toScreeningId: dearer.id, ticketTypeId: dearer.adult }, settings)).toMatchObject({ ok: false, reason: 'dearer' });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 2 });

    const done = await chooseExchange(db(), token, { toScreeningId: cheaper.id, ticketTypeId: cheaper.adult }, settings);
    expect(done).toMatchObject({ ok: true, state: 'exchanged', refundedCents: 1000 });
    const [row] = await rows<{ state: string; exchange_order_id: string | null }>(db(), sql`
      SELECT state, exchange_order_id FROM cancellation_orders WHERE order_id = ${paid.orderId}`);
    expect(row!.state).toBe('exchanged');
    expect(await orderRow(row!.exchange_order_id!)).toMatchObject({ source: 'exchange', valid: 2, total_cents: 2000 });
    expect(await emulatorRefundsOf(paid.paymentIntent)).toBe(1);
    // No staff wrote anything: no audit entry for the holder's own choice.
    const [audits] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM audit_entries WHERE order_id = ${paid.orderId}`);
    expect(audits!.n).toBe(0);
    // The deadline passing later refunds nothing more.
    await db().execute(sql`UPDATE screening_cancellations SET refund_deadline = now() - interval '1 second' WHERE screening_id = ${from.id}`);
    const report = await runCancellationJob(db(), settings, { screeningId: from.id });
    expect(report.finished).toBe(1);
    expect(await emulatorRefundsOf(paid.paymentIntent)).toBe(1);
  });
});
