import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { claimIndigenousTickets } from '@/domain/access/indigenous';
import { getOrderForDesk } from '@/domain/desk/orders';
import { refundFromDesk } from '@/domain/desk/refund';
import { sellAtDesk } from '@/domain/desk/sale';
import { getStripe } from '@/platform/stripe';
import {
  createFestival,
  createFilm,
  createGaVenue,
  createReservedVenue,
  createTestScreening,
  createUser,
  TEST_ORDER_SETTINGS as settings,
  uniq,
} from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { payForOrderInEmulator, emulatorForThisFile } from '../support/stripe-emulator';

/**
 * Refunds from the desk, through the Stripe emulator: full and partial, a lower amount, the gift kept unless chosen,
 * a replayed form refunding once (in the database and at Stripe), the buyer emailed, the seat back on sale, and never
 * an Indigenous Access order.
 */

const emulatorUrl = emulatorForThisFile();

async function staffUser(): Promise<CurrentUser> {
  const u = await createUser(getDb(), { role: 'staff', name: 'Refund Staff' });
  return { id: u.id, email: u.email, name: 'Refund Staff', role: 'staff', organisationId: null, orgRole: null };
}

async function screening(kind: 'ga' | 'reserved', o: { indigenous?: number } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = kind === 'ga' ? await createGaVenue(db, festival.id, 20) : await createReservedVenue(db, festival.id, 2, 6);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    ...(o.indigenous ? { allocations: { indigenous_access: o.indigenous } } : {}),
  });
  return { festival, screeningId };
}

/** An online order of `quantity` $15 tickets and a gift, paid in the emulator and applied as the verified webhook would. */
async function paidOrder(screeningId: string, quantity: number, giftDollars: number, email: string) {
  const o = await payForOrderInEmulator(emulatorUrl(), screeningId, { quantity, email, name: 'Rita Refund', giftDollars });
  return { orderId: o.orderId, totalCents: o.totalCents, intent: o.paymentIntent };
}

async function refundedAtStripe(intent: string): Promise<number> {
  const pi = await getStripe().paymentIntents.retrieve(intent);
  const charge: Stripe.Charge = await getStripe().charges.retrieve(pi.latest_charge as string);
  return charge.amount_refunded;
}

const ticketsOf = (orderId: string) =>
  rows<{ id: string; status: string; seat_id: string | null }>(getDb(), sql`SELECT id, status, seat_id FROM tickets WHERE order_id = ${orderId} ORDER BY created_at, id`);
const pool = async (screeningId: string) =>
  (await rows<{ sold: number }>(getDb(), sql`SELECT sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`))[0]!.sold;
const donationStatus = async (orderId: string) => (await rows<{ status: string }>(getDb(), sql`SELECT status FROM donations WHERE order_id = ${orderId}`))[0]?.status;

describe('a refund from the desk', () => {
  it('refunds one ticket of two: that ticket void, its seat back on sale, the gift kept, Stripe refunded once however often the form is sent', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { festival, screeningId } = await screening('reserved');
    const email = `${uniq('rita')}@example.org`;
    const { orderId, intent } = await paidOrder(screeningId, 2, 5, email);
    const [first] = await ticketsOf(orderId);
    const input = { orderId, ticketIds: [first!.id], includeDonation: false, reason: 'Cannot come on Friday', requestKey: uniq('form') };

    const results = await Promise.all([refundFromDesk(db, staff, input, settings), refundFromDesk(db, staff, input, settings)]);
    const again = await refundFromDesk(db, staff, input, settings);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set([...results, again].map((r) => r.ok && r.refundId)).size).toBe(1);
    expect(again).toMatchObject({ ok: true, amountCents: 1500, status: 'succeeded' });

    expect((await ticketsOf(orderId)).map((t) => t.status)).toEqual(['void', 'valid']);
    const [seat] = await rows<{ state: string }>(db, sql`SELECT state FROM screening_seats WHERE screening_id = ${screeningId} AND seat_id = ${first!.seat_id}`);
    expect(seat!.state).toBe('available');
    expect(await pool(screeningId)).toBe(1);
    expect(await donationStatus(orderId)).toBe('paid');
    expect(await refundedAtStripe(intent)).toBe(1500);
    const view = await getOrderForDesk(festival.id, orderId);
    expect(view!.refunds).toMatchObject([{ amountCents: 1500, donationCents: 0, status: 'succeeded', source: 'staff', tickets: 1, requestedBy: 'Refund Staff' }]);
    expect(view!.audit.map((a) => a.action)).toContain('refundOrder');
    const mails = await rows<{ subject: string }>(db, sql`SELECT subject FROM emails WHERE "to" = ${email} ORDER BY created_at`);
    // The buyer hears of the refund once, however often the form was sent.
    expect(mails.filter((m) => /refund/i.test(m.subject)), JSON.stringify(mails)).toHaveLength(1);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('refunds the gift to the access fund only when asked, and a lower amount when given', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await screening('ga');
    const kept = await paidOrder(screeningId, 2, 5, `${uniq('keep')}@example.org`);
    const full = await refundFromDesk(db, staff, { orderId: kept.orderId, includeDonation: false, reason: 'Whole order', requestKey: uniq('k') }, settings);
    expect(full).toMatchObject({ ok: true, amountCents: 3000 });
    expect(await donationStatus(kept.orderId)).toBe('paid');
    expect(await refundedAtStripe(kept.intent)).toBe(3000);

    const given = await paidOrder(screeningId, 2, 5, `${uniq('give')}@example.org`);
    const withGift = await refundFromDesk(db, staff, { orderId: given.orderId, includeDonation: true, reason: 'Everything back', requestKey: uniq('k') }, settings);
    expect(withGift).toMatchObject({ ok: true, amountCents: 3500 });
    expect(await donationStatus(given.orderId)).toBe('refunded');
    expect(await refundedAtStripe(given.intent)).toBe(3500);

    const lower = await paidOrder(screeningId, 1, 0, `${uniq('low')}@example.org`);
    expect(await refundFromDesk(db, staff, { orderId: lower.orderId, amountCents: 1600, includeDonation: false, reason: 'Too much', requestKey: uniq('k') }, settings)).toMatchObject({
      ok: false,
      reason: 'amount_too_large',
    });
    expect(await refundFromDesk(db, staff, { orderId: lower.orderId, amountCents: 1000, includeDonation: false, reason: 'Fee kept', requestKey: uniq('k') }, settings)).toMatchObject({
      ok: true,
      amountCents: 1000,
    });
    expect(await refundedAtStripe(lower.intent)).toBe(1000);
  });

  it('refunds a cash sale as cash at once, and puts the places back', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await screening('ga');
    const sold = await sellAtDesk(db, staff, { screeningId, lines: [{ ticketType: 'adult', quantity: 2 }], method: 'cash', buyer: {}, saleKey: uniq('cash') }, settings);
    if (!sold.ok) throw new Error(sold.message);
    expect(await refundFromDesk(db, staff, { orderId: sold.orderId, includeDonation: false, reason: 'Changed mind', requestKey: uniq('k') }, settings)).toMatchObject({
      ok: true,
      amountCents: 3000,
      status: 'succeeded',
    });
    const [refund] = await rows<{ method: string }>(db, sql`SELECT method FROM refunds WHERE order_id = ${sold.orderId}`);
    expect(refund!.method).toBe('cash');
    expect(await pool(screeningId)).toBe(0);
  });

  it('does not know an Indigenous Access order, and a key reused on another order refunds nothing there', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { festival, screeningId } = await screening('ga', { indigenous: 4 });
    await db.execute(sql`INSERT INTO access_scheme_settings (festival_id, scheme, per_screening_limit, per_festival_limit) VALUES (${festival.id}, 'indigenous_access', 2, 8)`);
    const person = await createUser(db, { name: 'Private Person' });
    const claimed = await claimIndigenousTickets(db, { id: person.id, email: person.email, name: 'Private Person' }, { screeningId, quantity: 1, selfIdentified: true }, settings);
    if (!claimed.ok) throw new Error(claimed.reason);
    expect(await refundFromDesk(db, staff, { orderId: claimed.orderId, includeDonation: false, reason: 'Probe', requestKey: uniq('k') }, settings)).toMatchObject({
      ok: false,
      reason: 'not_found',
    });

    const key = uniq('shared');
    const a = await paidOrder(screeningId, 1, 0, `${uniq('a')}@example.org`);
    const b = await paidOrder(screeningId, 1, 0, `${uniq('b')}@example.org`);
    const ra = await refundFromDesk(db, staff, { orderId: a.orderId, includeDonation: false, reason: 'First', requestKey: key }, settings);
    const rb = await refundFromDesk(db, staff, { orderId: b.orderId, includeDonation: false, reason: 'Second', requestKey: key }, settings);
    expect(ra.ok && rb.ok && ra.refundId !== rb.refundId).toBe(true);
    expect((await ticketsOf(b.orderId)).map((t) => t.status)).toEqual(['void']);
  });
});
