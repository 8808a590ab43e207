import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import { startDonationCheckout } from '@/domain/access-fund/donation-checkout';
import { getFundBalance, moveFund } from '@/domain/access-fund/ledger';
import { getFundTotals, getPublicFundFigures, listFundLedger, listWholeFundLedger } from '@/domain/access-fund/reports';
import { refundOrderPayment, startCheckout, sweep } from '@/domain/payments/checkout';
import { endUnpaidOrder } from '@/domain/payments/orders';
import { applyStripeEvent } from '@/domain/payments/payments';
import { resetEnvCache } from '@/platform/env';
import { EMULATOR_API_KEY, getStripe } from '@/platform/stripe';
import { startStripeEmulator, type StripeEmulator } from '@/tools/stripe-emulator/server';
import { createFestival, createFilm, createGaVenue, createHold, createTestScreening, TEST_ORDER_SETTINGS as settings, stripeEvent } from '../support/factories';
import { inventoryProblems } from '../support/inventory';

/**
 * The access fund against real PostgreSQL and the Stripe emulator: gifts reach the fund only through the verified
 * webhook's path (applyStripeEvent), once however often or however concurrently the event comes; an order's gift is
 * part of the exact amount the payment must match; refunds reverse credits without ever overdrawing the fund.
 */

let emulator: StripeEmulator;

beforeAll(async () => {
  // Events are recorded, not delivered: this file applies them itself, as the verified webhook would.
  emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: 'whsec_integration_fund_0123456789abcdef', webhookUrl: null });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  resetEnvCache();
});

afterAll(async () => {
  await emulator.stop();
});

/** A festival with one general-admission screening at $15.00, holding back `donated` places for donated tickets. */
async function festivalWithScreening(donated = 0) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, 20);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { donated } });
  return { festivalId: festival.id, screeningId };
}

async function payInEmulator(sessionId: string): Promise<Stripe.Checkout.Session> {
  const res = await fetch(`${emulator.url}/_emulator/sessions/${sessionId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ card: '4242424242424242' }),
  });
  expect(res.status).toBe(200);
  return getStripe().checkout.sessions.retrieve(sessionId);
}

const asObject = (o: object) => o as unknown as Record<string, unknown>;
const intentOf = (s: Stripe.Checkout.Session) => (typeof s.payment_intent === 'string' ? s.payment_intent : s.payment_intent!.id);
const refundEvent = (pi: string, amount: number, refunded = amount) =>
  stripeEvent('charge.refunded', { id: `ch_${pi}`, object: 'charge', payment_intent: pi, amount, amount_refunded: refunded });

async function donation(where: { id?: string; orderId?: string }) {
  const [d] = await rows<{ id: string; status: string; amount_cents: number; tickets: number; stripe_session_id: string | null }>(getDb(), sql`
    SELECT id, status, amount_cents, tickets, stripe_session_id FROM donations
    WHERE (${where.id ?? null}::uuid IS NULL OR id = ${where.id ?? null}::uuid) AND (${where.orderId ?? null}::uuid IS NULL OR order_id = ${where.orderId ?? null}::uuid)`);
  return d!;
}

async function ledger(festivalId: string) {
  return rows<{ kind: string; amount_cents: number; balance_after_cents: number; note: string | null }>(getDb(), sql`
    SELECT kind, amount_cents, balance_after_cents, note FROM fund_entries WHERE festival_id = ${festivalId} ORDER BY created_at, balance_after_cents`);
}

async function emailsTo(address: string) {
  return rows<{ subject: string; text: string }>(getDb(), sql`SELECT subject, text FROM emails WHERE "to" = ${address} ORDER BY created_at`);
}

/** An order of `quantity` adult tickets at $15.00 with a gift, checked out through the app: its session is in the emulator. */
async function orderWithGift(screeningId: string, quantity: number, gift: { tickets: number; dollars: number }, email: string) {
  const hold = await createHold(getDb(), screeningId, { quantity, clientKey: `fund-${email}` });
  const started = await startCheckout(hold.holdId, hold.holdToken, { name: 'Grace Giver', email }, gift);
  if (!started.ok) throw new Error(`checkout failed: ${started.reason}`);
  const [order] = await rows<{ total_cents: number; stripe_session_id: string }>(getDb(), sql`
    SELECT total_cents, stripe_session_id FROM orders WHERE id = ${started.orderId}`);
  return { orderId: started.orderId, totalCents: order!.total_cents, sessionId: order!.stripe_session_id };
}

describe('a gift at checkout', () => {
  it('is bound into the order’s exact total, and reaches the fund only from the verified webhook, once, even when the event comes three times at once', async () => {
    const { festivalId, screeningId } = await festivalWithScreening();
    const email = 'grace-checkout@example.org';
    // Two tickets at $15, one donated ticket at the screening's face value ($15), and $5.
    const o = await orderWithGift(screeningId, 2, { tickets: 1, dollars: 5 }, email);
    expect(o.totalCents).toBe(2 * 1500 + 1500 + 500);
    const session = await getStripe().checkout.sessions.retrieve(o.sessionId);
    expect(session.amount_total).toBe(o.totalCents);
    expect(await donation({ orderId: o.orderId })).toMatchObject({ status: 'pending', amount_cents: 2000, tickets: 1 });
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);

    const paid = await payInEmulator(o.sessionId);
    // Paying is not enough: nothing moves until the event is applied.
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);
    const completed = stripeEvent('checkout.session.completed', asObject(paid));
    const succeeded = stripeEvent('checkout.session.async_payment_succeeded', asObject(paid));
    const outcomes = await Promise.all([
      applyStripeEvent(getDb(), completed, settings),
      applyStripeEvent(getDb(), completed, settings),
      applyStripeEvent(getDb(), succeeded, settings),
    ]);
    expect(outcomes.filter((x) => x.ok && x.effect === 'issued')).toHaveLength(1);
    expect(outcomes.filter((x) => !x.ok && x.reason === 'duplicate')).toHaveLength(1);
    expect(await donation({ orderId: o.orderId })).toMatchObject({ status: 'paid' });
    expect(await getFundBalance(getDb(), festivalId)).toBe(2000);
    expect((await ledger(festivalId)).map((e) => [e.kind, e.amount_cents])).toEqual([['donation', 2000]]);
    const [tickets] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM tickets WHERE order_id = ${o.orderId} AND status = 'valid'`);
    expect(tickets!.n).toBe(2);

    // The confirmation mentions the gift; the receipt is its own email, sent once.
    const mail = await emailsTo(email);
    expect(mail.filter((m) => m.subject.startsWith('Your ')).map((m) => m.text)).toEqual([expect.stringContaining('your gift of $20 (one donated ticket) to the access fund')]);
    expect(mail.filter((m) => m.subject.startsWith('Thank you for your gift'))).toHaveLength(1);
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
  });

  it('refuses a gift out of bounds and makes no order', async () => {
    const { screeningId } = await festivalWithScreening();
    const hold = await createHold(getDb(), screeningId, { quantity: 1, clientKey: 'fund-bounds' });
    for (const gift of [{ tickets: 11, dollars: 0 }, { tickets: 0, dollars: 1001 }, { tickets: -1, dollars: 0 }, { tickets: 0, dollars: 2.5 }]) {
      expect(await startCheckout(hold.holdId, hold.holdToken, { name: 'X', email: 'x@example.org' }, gift)).toEqual({ ok: false, reason: 'invalid_gift' });
    }
    const [orders] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM orders WHERE hold_id = ${hold.holdId}`);
    expect(orders!.n).toBe(0);
  });

  it('a refunded order refunds its gift and reverses the credit', async () => {
    const { festivalId, screeningId } = await festivalWithScreening();
    const o = await orderWithGift(screeningId, 1, { tickets: 0, dollars: 25 }, 'grace-refund@example.org');
    const paid = await payInEmulator(o.sessionId);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', asObject(paid)), settings);
    expect(await getFundBalance(getDb(), festivalId)).toBe(2500);
    const refund = refundEvent(intentOf(paid), o.totalCents);
    expect(await applyStripeEvent(getDb(), refund, settings)).toEqual({ ok: true, effect: 'refunded' });
    expect(await applyStripeEvent(getDb(), refundEvent(intentOf(paid), o.totalCents), settings)).toEqual({ ok: true, effect: 'no_change' });
    expect(await donation({ orderId: o.orderId })).toMatchObject({ status: 'refunded' });
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);
    expect((await ledger(festivalId)).map((e) => [e.kind, e.amount_cents, e.balance_after_cents])).toEqual([
      ['donation', 2500, 2500],
      ['donation_refund', -2500, 0],
    ]);
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
  });

  it('a payment that comes after the places were gone is refunded whole, and its gift never reaches the fund', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const venue = await createGaVenue(db, festival.id, 1);
    const film = await createFilm(db, festival.id);
    const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
    const o = await orderWithGift(screeningId, 1, { tickets: 0, dollars: 12 }, 'grace-late@example.org');
    // The hold runs out, and someone else takes the only place before the buyer's payment arrives.
    await db.transaction((tx) => endUnpaidOrder(tx, o.orderId, 'expired'));
    await createHold(db, screeningId, { quantity: 1, clientKey: 'fund-late-other' });
    const paid = await payInEmulator(o.sessionId);
    expect(await applyStripeEvent(db, stripeEvent('checkout.session.completed', asObject(paid)), settings)).toEqual({ ok: true, effect: 'refund_due', refundDue: o.orderId });
    expect(await getFundBalance(db, festival.id)).toBe(0);
    expect(await refundOrderPayment(o.orderId)).toBe(true);
    expect(await donation({ orderId: o.orderId })).toMatchObject({ status: 'refunded', amount_cents: 1200 });
    expect(await ledger(festival.id)).toEqual([]);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('an order that expires unpaid takes its gift with it', async () => {
    const { festivalId, screeningId } = await festivalWithScreening();
    const o = await orderWithGift(screeningId, 1, { tickets: 2, dollars: 0 }, 'grace-expired@example.org');
    const expired = stripeEvent('checkout.session.expired', { id: o.sessionId, object: 'checkout.session', metadata: {} });
    expect(await applyStripeEvent(getDb(), expired, settings)).toEqual({ ok: true, effect: 'places_released' });
    expect(await donation({ orderId: o.orderId })).toMatchObject({ status: 'expired', amount_cents: 3000 });
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);
  });
});

describe('a gift from the donation page', () => {
  it('is its own Stripe session for n tickets at the festival’s ticket value, credited once from the webhook, never for another amount', async () => {
    const { festivalId } = await festivalWithScreening();
    const started = await startDonationCheckout(festivalId, { tickets: 2, dollars: 0 }, { name: 'Ada Donor', email: 'ada-donor@example.org' });
    if (!started.ok) throw new Error(started.reason);
    const d = await donation({ id: started.donationId });
    expect(d).toMatchObject({ status: 'pending', amount_cents: 3000, tickets: 2 });
    const session = await getStripe().checkout.sessions.retrieve(d.stripe_session_id!);
    expect(session).toMatchObject({ amount_total: 3000, currency: 'cad', metadata: { donation_id: started.donationId } });

    // A cheaper session naming the donation pays for nothing: recorded and refunded, no credit.
    const cheap = await getStripe().checkout.sessions.create({
      mode: 'payment',
      metadata: { donation_id: started.donationId },
      line_items: [{ quantity: 1, price_data: { currency: 'cad', unit_amount: 100, product_data: { name: 'Anything' } } }],
      success_url: 'http://tickets.test/ok',
    });
    const cheapPaid = await payInEmulator(cheap.id);
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', asObject(cheapPaid)), settings)).toEqual({
      ok: true,
      effect: 'payment_mismatch:foreign_session',
      mismatchRefundDue: intentOf(cheapPaid),
    });
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);

    const paid = await payInEmulator(session.id);
    const completed = stripeEvent('checkout.session.completed', asObject(paid));
    const outcomes = await Promise.all([applyStripeEvent(getDb(), completed, settings), applyStripeEvent(getDb(), completed, settings)]);
    expect(outcomes.map((x) => (x.ok ? x.effect : x.reason)).sort()).toEqual(['donation_credited', 'duplicate']);
    // Another event about the same payment credits nothing more.
    expect(await applyStripeEvent(getDb(), stripeEvent('checkout.session.async_payment_succeeded', asObject(paid)), settings)).toEqual({ ok: true, effect: 'already_done' });
    expect(await donation({ id: started.donationId })).toMatchObject({ status: 'paid' });
    expect(await getFundBalance(getDb(), festivalId)).toBe(3000);
    expect((await emailsTo('ada-donor@example.org')).map((m) => m.subject)).toEqual([expect.stringContaining('Thank you for your gift')]);

    // The worker refunds the mismatched payment; the real gift stays.
    await sweep();
    expect(await getFundBalance(getDb(), festivalId)).toBe(3000);
  });

  it('expires with its session, and refuses an empty or unbounded gift', async () => {
    const { festivalId } = await festivalWithScreening();
    expect(await startDonationCheckout(festivalId, { tickets: 0, dollars: 0 }, { name: 'A', email: 'a@example.org' })).toEqual({ ok: false, reason: 'invalid_gift' });
    expect(await startDonationCheckout(festivalId, { tickets: 0, dollars: 5000 }, { name: 'A', email: 'a@example.org' })).toEqual({ ok: false, reason: 'invalid_gift' });
    const started = await startDonationCheckout(festivalId, { tickets: 0, dollars: 40 }, { name: 'B', email: 'b@example.org' });
    if (!started.ok) throw new Error(started.reason);
    const d = await donation({ id: started.donationId });
    const expired = stripeEvent('checkout.session.expired', { id: d.stripe_session_id, object: 'checkout.session', metadata: { donation_id: started.donationId } });
    expect(await applyStripeEvent(getDb(), expired, settings)).toEqual({ ok: true, effect: 'donation_expired' });
    expect(await donation({ id: started.donationId })).toMatchObject({ status: 'expired' });
  });

  it('a refund reverses the credit; when the fund has spent the gift, it reverses what is left, never below zero, and staff see the shortfall', async () => {
    const { festivalId } = await festivalWithScreening();
    const started = await startDonationCheckout(festivalId, { tickets: 0, dollars: 30 }, { name: 'C', email: 'c@example.org' });
    if (!started.ok) throw new Error(started.reason);
    const paid = await payInEmulator((await donation({ id: started.donationId })).stripe_session_id!);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', asObject(paid)), settings);
    // $25 of the $30 is spent on a donated ticket before the donor asks for the money back.
    const spent = await getDb().transaction((tx) => moveFund(tx, { festivalId, kind: 'ticket', amountCents: 2500 }));
    expect(spent.ok).toBe(true);
    // A partial refund changes nothing in the fund.
    expect(await applyStripeEvent(getDb(), refundEvent(intentOf(paid), 3000, 1000), settings)).toEqual({ ok: true, effect: 'partial_refund_noted' });
    expect(await applyStripeEvent(getDb(), refundEvent(intentOf(paid), 3000), settings)).toEqual({ ok: true, effect: 'donation_refunded_shortfall' });
    expect(await getFundBalance(getDb(), festivalId)).toBe(0);
    const entries = await ledger(festivalId);
    expect(entries.map((e) => [e.kind, e.amount_cents, e.balance_after_cents])).toEqual([
      ['donation', 3000, 3000],
      ['ticket', -2500, 500],
      ['donation_refund', -500, 0],
    ]);
    expect(entries[2]!.note).toContain('Shortfall 2500');
    const totals = await getFundTotals(festivalId);
    expect(totals.shortfalls).toEqual([expect.objectContaining({ amountCents: 3000, reversedCents: 500 })]);
    expect(await donation({ id: started.donationId })).toMatchObject({ status: 'refunded' });
  });
});

describe('the fund under concurrency', () => {
  it('never goes below zero when donated-ticket debits and a gift’s refund race past the balance', async () => {
    const { festivalId } = await festivalWithScreening();
    const started = await startDonationCheckout(festivalId, { tickets: 0, dollars: 45 }, { name: 'D', email: 'd@example.org' });
    if (!started.ok) throw new Error(started.reason);
    const paid = await payInEmulator((await donation({ id: started.donationId })).stripe_session_id!);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', asObject(paid)), settings);
    expect(await getFundBalance(getDb(), festivalId)).toBe(4500);

    // Two staff approving at the same moment (six tickets of $15 between them), and the donor's refund, all at once.
    const debit = () => getDb().transaction((tx) => moveFund(tx, { festivalId, kind: 'ticket', amountCents: 1500 }));
    const results = await Promise.all([...Array.from({ length: 6 }, debit), applyStripeEvent(getDb(), refundEvent(intentOf(paid), 4500), settings)]);
    const debits = results.slice(0, 6) as Awaited<ReturnType<typeof debit>>[];
    const balance = await getFundBalance(getDb(), festivalId);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(debits.filter((d) => d.ok).length).toBeLessThanOrEqual(3);
    const entries = await ledger(festivalId);
    expect(entries.every((e) => e.balance_after_cents >= 0)).toBe(true);
    expect(entries.reduce((sum, e) => sum + e.amount_cents, 0)).toBe(balance);
    expect(entries.filter((e) => e.kind === 'donation_refund')).toHaveLength(1);
  });
});

describe('the public figures', () => {
  it('add up: raised is gifts less refunds, funded is raised over the ticket value, issued and used count donated tickets only', async () => {
    const { festivalId, screeningId } = await festivalWithScreening(4);
    const donors = ['Evangeline Private-Donor', 'Fitzgerald Quiet-Giver'];
    for (const [i, dollars] of [45, 30].entries()) {
      const started = await startDonationCheckout(festivalId, { tickets: 0, dollars }, { name: donors[i]!, email: `donor-${i}@private.example.org` });
      if (!started.ok) throw new Error(started.reason);
      const paid = await payInEmulator((await donation({ id: started.donationId })).stripe_session_id!);
      await applyStripeEvent(getDb(), stripeEvent('checkout.session.completed', asObject(paid)), settings);
      if (dollars === 30) await applyStripeEvent(getDb(), refundEvent(intentOf(paid), 3000), settings);
    }
    // Three donated tickets issued from the Donated pool, each debited at face value; one is checked in.
    const issued = await getDb().transaction(async (tx) => {
      const r = await issueFreeTickets(tx, { screeningId, scheme: 'donated', pool: 'donated', quantity: 3, buyer: { name: 'Partner', email: 'p@example.org' } }, settings);
      if (!r.ok) throw new Error(r.message);
      for (const t of r.tickets) await moveFund(tx, { festivalId, kind: 'ticket', amountCents: 1500, ticketId: t.id });
      return r;
    });
    await getDb().execute(sql`UPDATE tickets SET checked_in_at = now() WHERE id = ${issued.tickets[0]!.id}`);
    const figures = await getPublicFundFigures(festivalId);
    expect(figures).toEqual({ currency: 'CAD', raisedCents: 4500, ticketValueCents: 1500, ticketsFunded: 3, ticketsIssued: 3, ticketsUsed: 1, balanceCents: 0 });
    const totals = await getFundTotals(festivalId);
    expect(totals.donationsCents - totals.refundedCents - totals.ticketsCents + totals.voidedCents).toBe(totals.balanceCents);
    const page = await listFundLedger(festivalId, 1);
    expect(page.total).toBe(6);
    expect(page.lines[0]!.kind).toBe('ticket');
    // No donor's name or address anywhere in what the public or staff read, the CSV export included.
    const everything = JSON.stringify([figures, totals, page, await listWholeFundLedger(festivalId)]);
    for (const secret of [...donors, 'private.example.org']) expect(everything).not.toContain(secret);
    expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
  });
});
