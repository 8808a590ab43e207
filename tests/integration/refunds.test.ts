import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueTickets } from '@/domain/orders/issue-tickets';
import { applyStripeEvent } from '@/domain/payments/payments';
import { exchangeOrder } from '@/domain/exchanges/exchange-order';
import { completePendingRefunds, completeRefund, confirmDeskRefund, refundOrder } from '@/domain/refunds/refund-order';
import { getStripe } from '@/platform/stripe';
import { createFestival, createFilm, createGaVenue, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, stripeEvent } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { payForOrderInEmulator, emulatorForThisFile } from '../support/stripe-emulator';

/**
 * Desk sales and refunds against real PostgreSQL and the Stripe emulator: a desk sale takes places with the same
 * conditional write as an online one and records its payment as a row; a refund voids tickets, puts their places back,
 * keeps the gift unless asked, is recorded as a row, and takes money back from Stripe exactly once however often the
 * form is replayed or the Stripe step is retried.
 */

const emulatorUrl = emulatorForThisFile();

async function gaScreening(capacity: number) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, capacity);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
  const [type] = await rows<{ id: string }>(db, sql`SELECT id FROM ticket_types WHERE screening_id = ${screeningId} AND code = 'adult'`);
  return { festivalId: festival.id, screeningId, adultTypeId: type!.id };
}

/** An order of `quantity` $15 tickets and a gift, paid in the emulator and applied as the verified webhook would. */
async function paidOrder(screeningId: string, quantity: number, giftDollars: number, email: string) {
  const o = await payForOrderInEmulator(emulatorUrl(), screeningId, { quantity, email, name: 'Rita Refund', giftDollars });
  return { orderId: o.orderId, totalCents: o.totalCents, intent: o.paymentIntent };
}

async function chargeOf(intent: string): Promise<Stripe.Charge> {
  const pi = await getStripe().paymentIntents.retrieve(intent);
  return getStripe().charges.retrieve(pi.latest_charge as string);
}

async function stripeRefundedOn(intent: string): Promise<number> {
  return (await chargeOf(intent)).amount_refunded;
}

const ticketsOf = (orderId: string) =>
  rows<{ id: string; status: string; price_cents: number }>(getDb(), sql`SELECT id, status, price_cents FROM tickets WHERE order_id = ${orderId} ORDER BY created_at, id`);
const refundsOf = (orderId: string) =>
  rows<{ amount_cents: number; donation_cents: number; status: string; source: string; method: string; stripe_refund_id: string | null; ticket_ids: string[] }>(
    getDb(),
    sql`SELECT amount_cents, donation_cents, status, source, method, stripe_refund_id, ticket_ids FROM refunds WHERE order_id = ${orderId} ORDER BY created_at`,
  );

describe('issueTickets at the desk', () => {
  it('records the payment as a row and never sells past the last place, however many desks sell at once', async () => {
    const { screeningId, adultTypeId } = await gaScreening(5);
    const staff = await createUser(getDb(), { role: 'staff' });
    const sell = () =>
      getDb().transaction((tx) =>
        issueTickets(
          tx,
          {
            screeningId,
            pool: 'standard',
            lines: [{ ticketTypeId: adultTypeId, quantity: 2 }],
            buyer: { name: 'Walk-up', email: 'desk@example.org' },
            source: 'door',
            createdById: staff.id,
            payment: { method: 'cash', amountCents: 3000 },
          },
          settings,
        ),
      );
    const results = await Promise.all(Array.from({ length: 6 }, sell));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(4).fill('not_enough_places'));
    const payments = await rows<{ method: string; amount_cents: number; recorded_by_id: string }>(getDb(), sql`
      SELECT p.method, p.amount_cents, p.recorded_by_id FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.screening_id = ${screeningId}`);
    expect(payments).toEqual(Array(2).fill({ method: 'cash', amount_cents: 3000, recorded_by_id: staff.id }));
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
  });

  it('refuses complimentary tickets without a reason, and writes nothing', async () => {
    const { screeningId, adultTypeId } = await gaScreening(5);
    const comp = (reason: string | null) =>
      getDb().transaction((tx) =>
        issueTickets(
          tx,
          {
            screeningId,
            pool: 'standard',
            lines: [{ ticketTypeId: adultTypeId, quantity: 1, unitPriceCents: 0 }],
            buyer: { name: 'Guest', email: 'guest@example.org' },
            source: 'door',
            payment: { method: 'complimentary', amountCents: 0, reason },
          },
          settings,
        ),
      );
    expect(await comp('  ')).toMatchObject({ ok: false, reason: 'invalid_request' });
    expect(await comp('Director’s guest')).toMatchObject({ ok: true, totalCents: 0 });
    const [n] = await rows<{ orders: number; sold: number }>(getDb(), sql`
      SELECT (SELECT count(*)::int FROM orders WHERE screening_id = ${screeningId}) AS orders,
             (SELECT sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard') AS sold`);
    expect(n).toEqual({ orders: 1, sold: 1 });
  });
});

/** One $15 ticket sold at the desk for cash. */
const sellOneForCash = (screeningId: string, adultTypeId: string) =>
  getDb().transaction((tx) =>
    issueTickets(
      tx,
      {
        screeningId,
        pool: 'standard',
        lines: [{ ticketTypeId: adultTypeId, quantity: 1 }],
        buyer: { name: 'Cash Buyer', email: 'cash-buyer@example.org' },
        source: 'door',
        payment: { method: 'cash', amountCents: 1500 },
      },
      settings,
    ),
  );

describe('refundOrder', () => {
  it('refunds one ticket through Stripe once, however often the form is replayed, and keeps the gift', async () => {
    const { screeningId } = await gaScreening(10);
    const staff = await createUser(getDb(), { role: 'staff' });
    const o = await paidOrder(screeningId, 2, 5, 'rita-one@example.org');
    const [first] = await ticketsOf(o.orderId);
    const request = { orderId: o.orderId, ticketIds: [first!.id], reason: 'Cannot come', source: 'buyer' as const, requestKey: `form-${o.orderId}` };
    const replays = await Promise.all([refundOrder(getDb(), staff, request, settings), refundOrder(getDb(), staff, request, settings)]);
    expect(replays.map((r) => r.ok && r.amountCents)).toEqual([1500, 1500]);
    expect(replays.filter((r) => r.ok && r.replayed)).toHaveLength(1);
    expect(await refundsOf(o.orderId)).toMatchObject([{ amount_cents: 1500, donation_cents: 0, status: 'succeeded', method: 'stripe', source: 'buyer' }]);
    expect(await stripeRefundedOn(o.intent)).toBe(1500);
    expect((await ticketsOf(o.orderId)).map((t) => t.status)).toEqual(['void', 'valid']);
    const [gift] = await rows<{ status: string }>(getDb(), sql`SELECT status FROM donations WHERE order_id = ${o.orderId}`);
    expect(gift!.status).toBe('paid');
    const [order] = await rows<{ status: string }>(getDb(), sql`SELECT status FROM orders WHERE id = ${o.orderId}`);
    expect(order!.status).toBe('paid');
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
    const [audit] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM audit_entries WHERE order_id = ${o.orderId} AND action = 'refundOrder'`);
    expect(audit!.n).toBe(1);
    const mail = await rows<{ subject: string }>(getDb(), sql`SELECT subject FROM emails WHERE "to" = 'rita-one@example.org' AND subject LIKE 'Refund for%'`);
    expect(mail).toHaveLength(1);
  });

  it('lets two staff refund the same ticket at once exactly once', async () => {
    const { screeningId } = await gaScreening(10);
    const staff = await createUser(getDb(), { role: 'staff' });
    const o = await paidOrder(screeningId, 1, 0, 'rita-race@example.org');
    const ask = (key: string) => refundOrder(getDb(), staff, { orderId: o.orderId, reason: 'Duplicate purchase', source: 'staff', requestKey: key }, settings);
    const results = await Promise.all([ask(`a-${o.orderId}`), ask(`b-${o.orderId}`)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect(await stripeRefundedOn(o.intent)).toBe(1500);
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
  });

  it('refunds the gift only on purpose, and a later full-refund event from Stripe changes nothing more', async () => {
    const { festivalId, screeningId } = await gaScreening(10);
    const staff = await createUser(getDb(), { role: 'staff' });
    const o = await paidOrder(screeningId, 2, 10, 'rita-all@example.org');
    expect(o.totalCents).toBe(4000);
    const [fundBefore] = await rows<{ balance_cents: number }>(getDb(), sql`SELECT balance_cents FROM access_funds WHERE festival_id = ${festivalId}`);
    expect(fundBefore!.balance_cents).toBe(1000);
    const all = await refundOrder(getDb(), staff, { orderId: o.orderId, includeDonation: true, reason: 'Screening moved', source: 'staff', requestKey: `all-${o.orderId}` }, settings);
    expect(all).toMatchObject({ ok: true, amountCents: 4000, status: 'succeeded' });
    expect(await stripeRefundedOn(o.intent)).toBe(4000);
    const [fundAfter] = await rows<{ balance_cents: number }>(getDb(), sql`SELECT balance_cents FROM access_funds WHERE festival_id = ${festivalId}`);
    expect(fundAfter!.balance_cents).toBe(0);
    const charge = await chargeOf(o.intent);
    expect(await applyStripeEvent(getDb(), stripeEvent('charge.refunded', charge as unknown as Record<string, unknown>), settings)).toEqual({ ok: true, effect: 'no_change' });
    expect(await refundsOf(o.orderId)).toHaveLength(1);
    // Nothing is left to refund.
    expect(await refundOrder(getDb(), staff, { orderId: o.orderId, reason: 'Again', source: 'staff', requestKey: `again-${o.orderId}` }, settings)).toMatchObject({
      ok: false,
      reason: 'not_refundable',
    });
  });

  it('refuses more than the tickets are worth, and a partial amount never above what was paid', async () => {
    const { screeningId } = await gaScreening(10);
    const staff = await createUser(getDb(), { role: 'staff' });
    const o = await paidOrder(screeningId, 2, 0, 'rita-partial@example.org');
    const [t1] = await ticketsOf(o.orderId);
    const tooMuch = await refundOrder(getDb(), staff, { orderId: o.orderId, ticketIds: [t1!.id], amountCents: 1501, reason: 'Fee', source: 'staff', requestKey: `big-${o.orderId}` }, settings);
    expect(tooMuch).toMatchObject({ ok: false, reason: 'amount_too_large' });
    const part = await refundOrder(getDb(), staff, { orderId: o.orderId, ticketIds: [t1!.id], amountCents: 1200, reason: 'Fee kept', source: 'staff', requestKey: `part-${o.orderId}` }, settings);
    expect(part).toMatchObject({ ok: true, amountCents: 1200 });
    expect(await stripeRefundedOn(o.intent)).toBe(1200);
    expect(await refundsOf(o.orderId)).toHaveLength(1);
  });

  it('asks Stripe once however often the Stripe step is retried after a crash', async () => {
    const { screeningId } = await gaScreening(10);
    const o = await paidOrder(screeningId, 1, 0, 'rita-crash@example.org');
    // A refund whose transaction committed but whose Stripe step never ran (the process died in between).
    const [payment] = await rows<{ id: string }>(getDb(), sql`SELECT id FROM payments WHERE order_id = ${o.orderId}`);
    const [pending] = await rows<{ id: string }>(getDb(), sql`
      INSERT INTO refunds (order_id, payment_id, method, amount_cents, currency, source, status, reason, request_key)
      VALUES (${o.orderId}, ${payment!.id}, 'stripe', 500, 'cad', 'automatic', 'pending', 'crash test', ${`crash-${o.orderId}`}) RETURNING id`);
    // Part of the charge, so that a second Stripe refund would fit and show.
    const statuses = await Promise.all([completeRefund(pending!.id), completeRefund(pending!.id), completeRefund(pending!.id)]);
    expect(statuses).toContain('succeeded');
    expect(await stripeRefundedOn(o.intent)).toBe(500);
    await getDb().execute(sql`UPDATE refunds SET status = 'pending' WHERE id = ${pending!.id}`);
    expect(await completeRefund(pending!.id)).toBe('succeeded');
    expect(await stripeRefundedOn(o.intent)).toBe(500);
  });

  it('refunds an order paid by an exchange to the card that paid the first order, not in cash', async () => {
    const { festivalId, screeningId } = await gaScreening(10);
    const staff = await createUser(getDb(), { role: 'staff' });
    const o = await paidOrder(screeningId, 2, 0, 'rita-exchange@example.org');
    // A second screening of the same festival at the same price.
    const [venue] = await rows<{ venue_id: string; film_id: string }>(getDb(), sql`
      SELECT s.venue_id, sf.film_id FROM screenings s JOIN screening_films sf ON sf.screening_id = s.id WHERE s.id = ${screeningId}`);
    const festival = (await rows<{ id: string; starts_on: string; time_zone: string }>(getDb(), sql`SELECT id, starts_on, time_zone FROM festivals WHERE id = ${festivalId}`))[0]!;
    const other = await createTestScreening(getDb(), { id: festival.id, startsOn: festival.starts_on, timeZone: festival.time_zone }, { venueId: venue!.venue_id, filmIds: [venue!.film_id], day: 1 });
    const [otherType] = await rows<{ id: string }>(getDb(), sql`SELECT id FROM ticket_types WHERE screening_id = ${other} AND code = 'adult'`);
    const exchanged = await exchangeOrder(getDb(), { ...staff, role: 'staff' }, { orderId: o.orderId, toScreeningId: other, lines: [{ ticketTypeId: otherType!.id, quantity: 2 }] }, settings);
    expect(exchanged).toMatchObject({ ok: true, creditCents: 3000 });
    if (!exchanged.ok) return;
    const refund = await refundOrder(getDb(), null, { orderId: exchanged.orderId, reason: 'Second screening cancelled', source: 'automatic', requestKey: `ex-${exchanged.orderId}` }, settings);
    expect(refund).toMatchObject({ ok: true, amountCents: 3000, status: 'succeeded' });
    expect(await refundsOf(exchanged.orderId)).toMatchObject([{ method: 'stripe', status: 'succeeded' }]);
    expect(await stripeRefundedOn(o.intent)).toBe(3000);
  });

  it('keeps a system refund of a cash order waiting until the desk pays it out, and never sends it to Stripe', async () => {
    const { screeningId, adultTypeId } = await gaScreening(5);
    const staff = await createUser(getDb(), { role: 'staff' });
    const sold = await sellOneForCash(screeningId, adultTypeId);
    if (!sold.ok) throw new Error(sold.message);
    const refund = await refundOrder(getDb(), null, { orderId: sold.orderId, reason: 'Screening cancelled', source: 'automatic', requestKey: `cash-${sold.orderId}` }, settings);
    expect(refund).toMatchObject({ ok: true, status: 'pending' });
    if (!refund.ok) return;
    await completePendingRefunds(500);
    expect(await completeRefund(refund.refundId)).toBe('pending');
    expect(await refundsOf(sold.orderId)).toMatchObject([{ method: 'cash', status: 'pending' }]);
    const confirms = await Promise.all([confirmDeskRefund(getDb(), staff, refund.refundId), confirmDeskRefund(getDb(), staff, refund.refundId)]);
    expect(confirms.filter((c) => c.ok)).toHaveLength(1);
    expect(confirms.filter((c) => !c.ok && c.reason === 'not_pending')).toHaveLength(1);
    expect(await refundsOf(sold.orderId)).toMatchObject([{ method: 'cash', status: 'succeeded' }]);
    // At the desk, with a staff member handing the cash over, it is done at once.
    const desk = await sellOneForCash(screeningId, adultTypeId);
    if (!desk.ok) throw new Error(desk.message);
    expect(await refundOrder(getDb(), staff, { orderId: desk.orderId, reason: 'Changed plans', source: 'buyer', requestKey: `desk-${desk.orderId}` }, settings)).toMatchObject({
      ok: true,
      status: 'succeeded',
    });
  });
});
