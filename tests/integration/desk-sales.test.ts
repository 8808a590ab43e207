import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { emailTicketsFromDesk } from '@/domain/desk/email-tickets';
import { sellAtDesk, type DeskSaleInput } from '@/domain/desk/sale';
import { startDeskCheckout } from '@/domain/desk/stripe-sale';
import { applyStripeEvent } from '@/domain/payments/payments';
import { resetEnvCache } from '@/platform/env';
import { EMULATOR_API_KEY, getStripe } from '@/platform/stripe';
import { startStripeEmulator, type StripeEmulator } from '@/tools/stripe-emulator/server';
import { createFestival, createFilm, createGaVenue, createHold, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, stripeEvent, uniq } from '../support/factories';
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

const sale = (screeningId: string, o: Partial<DeskSaleInput> = {}): DeskSaleInput => ({
  screeningId,
  lines: [{ ticketType: 'adult', quantity: 2 }],
  method: 'cash',
  buyer: {},
  saleKey: uniq('sale'),
  ...o,
});

async function ordersOf(screeningId: string) {
  return rows<{ id: string; source: string; created_by_id: string | null; buyer_email: string; buyer_name: string; total_cents: number; status: string; tickets: number }>(
    getDb(),
    sql`SELECT o.id, o.source, o.created_by_id, o.buyer_email, o.buyer_name, o.total_cents, o.status,
               (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
        FROM orders o WHERE o.screening_id = ${screeningId} ORDER BY o.created_at`,
  );
}

const paymentsOf = (orderId: string) =>
  rows<{ method: string; amount_cents: number; reference: string | null; reason: string | null; recorded_by_id: string | null }>(
    getDb(),
    sql`SELECT method, amount_cents, reference, reason, recorded_by_id FROM payments WHERE order_id = ${orderId}`,
  );
const emailsTo = (to: string) => rows<{ subject: string }>(getDb(), sql`SELECT subject FROM emails WHERE "to" = ${to}`);
const auditOf = (orderId: string) => rows<{ action: string; actor_id: string; reason: string | null }>(getDb(), sql`SELECT action, actor_id, reason FROM audit_entries WHERE order_id = ${orderId}`);

describe('a walk-up sale at the desk', () => {
  it('sells for cash to an anonymous walk-up under the box office address, records the payment and the staff member, emails no one', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const emailsBefore = (await emailsTo('tickets@harbourfront.example')).length;
    const sold = await sellAtDesk(db, staff, sale(screeningId), settings);
    expect(sold).toMatchObject({ ok: true, totalCents: 3000, tickets: 2, replayed: false });
    if (!sold.ok) return;
    expect(await ordersOf(screeningId)).toMatchObject([
      { id: sold.orderId, source: 'door', created_by_id: staff.id, buyer_email: 'tickets@harbourfront.example', buyer_name: 'Walk-up', status: 'paid', tickets: 2 },
    ]);
    expect(await paymentsOf(sold.orderId)).toEqual([{ method: 'cash', amount_cents: 3000, reference: null, reason: null, recorded_by_id: staff.id }]);
    expect(await auditOf(sold.orderId)).toMatchObject([{ action: 'sellAtDesk', actor_id: staff.id }]);
    expect((await emailsTo('tickets@harbourfront.example')).length).toBe(emailsBefore);
    expect(await pool(screeningId)).toMatchObject({ held: 0, sold: 2 });
  });

  it('emails the tickets to a buyer who gives an address', async () => {
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const email = `${uniq('walkup')}@example.org`;
    const sold = await sellAtDesk(getDb(), staff, sale(screeningId, { buyer: { name: 'Agnès', email: email.toUpperCase() } }), settings);
    expect(sold.ok).toBe(true);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it("records a card terminal's receipt number, and refuses the sale without one", async () => {
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    expect(await sellAtDesk(getDb(), staff, sale(screeningId, { method: 'card_terminal' }), settings)).toMatchObject({ ok: false, reason: 'invalid_request' });
    const sold = await sellAtDesk(getDb(), staff, sale(screeningId, { method: 'card_terminal', reference: 'T-00042' }), settings);
    if (!sold.ok) throw new Error(sold.message);
    expect(await paymentsOf(sold.orderId)).toMatchObject([{ method: 'card_terminal', amount_cents: 3000, reference: 'T-00042' }]);
  });

  it('gives complimentary tickets only with a reason, at $0, and a refusal writes nothing', async () => {
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    for (const reason of [undefined, '', '  ']) {
      const refused = await sellAtDesk(getDb(), staff, sale(screeningId, { method: 'complimentary', reason }), settings);
      expect(refused).toMatchObject({ ok: false, reason: 'invalid_request', message: 'Complimentary tickets need a reason.' });
    }
    expect(await ordersOf(screeningId)).toEqual([]);
    expect(await pool(screeningId)).toMatchObject({ held: 0, sold: 0 });
    const comp = await sellAtDesk(getDb(), staff, sale(screeningId, { method: 'complimentary', reason: 'Director’s guests' }), settings);
    if (!comp.ok) throw new Error(comp.message);
    expect(comp.totalCents).toBe(0);
    expect(await paymentsOf(comp.orderId)).toMatchObject([{ method: 'complimentary', amount_cents: 0, reason: 'Director’s guests' }]);
    expect(await auditOf(comp.orderId)).toMatchObject([{ action: 'sellAtDesk', reason: 'Director’s guests' }]);
  });

  it('sells after online sales stopped, until the screening starts', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    await db.execute(sql`UPDATE screenings SET status = 'off_sale', off_sale_at = now() - interval '1 minute' WHERE id = ${screeningId}`);
    expect(await sellAtDesk(db, staff, sale(screeningId), settings)).toMatchObject({ ok: true });
    await db.execute(sql`UPDATE screenings SET starts_at = now() - interval '1 minute' WHERE id = ${screeningId}`);
    expect(await sellAtDesk(db, staff, sale(screeningId), settings)).toMatchObject({ ok: false, reason: 'screening_closed' });
  });

  it('sells a replayed form once, even when both copies arrive at the same moment', async () => {
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const input = sale(screeningId, { lines: [{ ticketType: 'adult', quantity: 3 }] });
    const results = await Promise.all([sellAtDesk(getDb(), staff, input, settings), sellAtDesk(getDb(), staff, input, settings), sellAtDesk(getDb(), staff, input, settings)]);
    expect(new Set(results.map((r) => r.ok && r.orderId)).size).toBe(1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(await ordersOf(screeningId)).toHaveLength(1);
    expect(await pool(screeningId)).toMatchObject({ sold: 3 });
  });

  it('never sells the last place an online hold is taking at the same moment: exactly one of them gets it', async () => {
    const staff = await staffUser();
    for (let round = 0; round < 5; round++) {
      const { screeningId } = await gaScreening(1);
      const [online, desk] = await Promise.allSettled([
        createHold(getDb(), screeningId, { quantity: 1, clientKey: uniq('online') }),
        sellAtDesk(getDb(), staff, sale(screeningId, { lines: [{ ticketType: 'adult', quantity: 1 }] }), settings),
      ]);
      const onlineWon = online.status === 'fulfilled';
      const deskWon = desk.status === 'fulfilled' && desk.value.ok;
      expect(onlineWon !== deskWon, `round ${round}: online ${onlineWon}, desk ${deskWon}`).toBe(true);
      if (!deskWon && desk.status === 'fulfilled') expect(desk.value).toMatchObject({ ok: false, reason: 'not_enough_places' });
      const p = await pool(screeningId);
      expect(p.held + p.sold).toBe(1);
      expect(await inventoryProblems(getDb(), screeningId)).toEqual([]);
    }
  });
});

describe('tickets emailed from the desk', () => {
  it('sends an order’s tickets to the address given, audited; an order without valid tickets is refused and writes nothing', async () => {
    const db = getDb();
    const staff = await staffUser();
    const { screeningId } = await gaScreening(10);
    const sold = await sellAtDesk(db, staff, sale(screeningId), settings);
    if (!sold.ok) throw new Error(sold.message);
    const to = `${uniq('later')}@example.org`;
    expect(await emailTicketsFromDesk(db, staff, { orderId: sold.orderId, email: to }, settings)).toEqual({ ok: true, to });
    expect(await emailsTo(to)).toHaveLength(1);
    expect((await auditOf(sold.orderId)).map((a) => a.action).sort()).toEqual(['emailOrderTickets', 'sellAtDesk']);
    expect(await emailTicketsFromDesk(db, staff, { orderId: sold.orderId, email: 'not an address' }, settings)).toMatchObject({ ok: false, reason: 'invalid_request' });

    await db.execute(sql`UPDATE tickets SET status = 'void' WHERE order_id = ${sold.orderId}`);
    const other = `${uniq('none')}@example.org`;
    expect(await emailTicketsFromDesk(db, staff, { orderId: sold.orderId, email: other }, settings)).toMatchObject({ ok: false, reason: 'no_tickets' });
    expect(await emailsTo(other)).toHaveLength(0);
    expect(await auditOf(sold.orderId)).toHaveLength(2);
  });
});
