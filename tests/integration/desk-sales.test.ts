import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { startDeskCheckout } from '@/domain/desk/stripe-sale';
import { applyStripeEvent } from '@/domain/payments/payments';
import { resetEnvCache } from '@/platform/env';
import { EMULATOR_API_KEY, getStripe } from '@/platform/stripe';
import { startStripeEmulator, type StripeEmulator } from '@/tools/stripe-emulator/server';
import { createFestival, createFilm, createGaVenue, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, stripeEvent, uniq } from '../support/factories';
import { inventoryProblems } from '../support/inventory';

/**
 * Walk-up sales at the desk against real PostgreSQL (and the Stripe emulator for a card paid on the buyer's phone):
 * cash, card terminal and complimentary tickets through the one ticket-issuing command, never past the places left
 * (an online hold for the last place wins or loses cleanly), a replayed form selling once, and every sale audited.
 */

let emulator: StripeEmulator;

beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: 'whsec_integration_desk_0123456789abcdef', webhookUrl: null });
  process.env.STRIPE_EMULATOR_URL = emulator.url;
  resetEnvCache();
});

afterAll(async () => {
  await emulator.stop();
});

async function staffUser(): Promise<CurrentUser> {
  const u = await createUser(getDb(), { role: 'staff', name: 'Desk Staff' });
  return { id: u.id, email: u.email, name: 'Desk Staff', role: 'staff', organisationId: null, orgRole: null };
}

/** A general-admission screening of `capacity` places at $15.00 (adult) in a festival of its own. */
async function gaScreening(capacity: number) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, capacity);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id] });
  return { festival, screeningId };
}

async function pool(screeningId: string) {
  const [p] = await rows<{ capacity: number; held: number; sold: number }>(getDb(), sql`
    SELECT capacity, held, sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard'`);
  return p!;
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

describe('a card paid on the buyer’s phone at the desk', () => {
  it('is a door order made by the staff member, fulfilled only by the verified webhook, and a replayed form makes one', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const saleKey = uniq('stripe-sale');
    const input = { screeningId, lines: [{ ticketType: 'adult', quantity: 2 }], buyer: {}, saleKey };
    const [first, again] = [await startDeskCheckout(db, staff, input, 10), await startDeskCheckout(db, staff, input, 10)];
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again).toMatchObject({ orderId: first.orderId, checkoutUrl: first.checkoutUrl, replayed: true });
    const [order] = await rows<{ source: string; created_by_id: string; status: string; buyer_email: string; stripe_session_id: string; total_cents: number }>(db, sql`
      SELECT source, created_by_id, status, buyer_email, stripe_session_id, total_cents FROM orders WHERE id = ${first.orderId}`);
    expect(order).toMatchObject({ source: 'door', created_by_id: staff.id, status: 'pending', buyer_email: 'tickets@harbourfront.example', total_cents: 3000 });
    expect(await pool(screeningId)).toMatchObject({ held: 2, sold: 0 });

    const session = await payInEmulator(order!.stripe_session_id);
    await applyStripeEvent(db, stripeEvent('checkout.session.completed', session as unknown as Record<string, unknown>), settings);
    const [paid] = await rows<{ status: string; tickets: number; payments: string[] }>(db, sql`
      SELECT o.status, (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id) AS tickets,
             ARRAY(SELECT p.method::text FROM payments p WHERE p.order_id = o.id) AS payments
      FROM orders o WHERE o.id = ${first.orderId}`);
    expect(paid).toMatchObject({ status: 'paid', tickets: 2, payments: ['stripe'] });
    expect(await pool(screeningId)).toMatchObject({ held: 0, sold: 2 });
    const audit = await rows<{ action: string }>(db, sql`SELECT action FROM audit_entries WHERE order_id = ${first.orderId}`);
    expect(audit.map((a) => a.action)).toEqual(['startDeskCheckout']);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('holds once when the same form arrives twice at the same moment', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const input = { screeningId, lines: [{ ticketType: 'adult', quantity: 3 }], buyer: { name: 'Twice', email: 'twice@example.org' }, saleKey: uniq('twice') };
    const results = await Promise.all([startDeskCheckout(db, staff, input, 10), startDeskCheckout(db, staff, input, 10), startDeskCheckout(db, staff, input, 10)]);
    const orderIds = new Set(results.flatMap((r) => (r.ok ? [r.orderId] : [])));
    expect(orderIds.size).toBe(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'in_progress')).toBe(true);
    expect(await pool(screeningId)).toMatchObject({ held: 3, sold: 0 });
  });
});
