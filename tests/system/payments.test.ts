import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { endLiveHolds } from '@/domain/inventory/inventory';
import { EMULATOR_API_KEY } from '@/platform/stripe';
import { startStripeEmulator } from '@/tools/stripe-emulator/server';
import { startAppInstance } from '../support/app-instance';
import { createGaScreening } from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { until } from '../support/until';
import { rows } from '@/db/sql';

const [appA, appB] = inject('appUrls') as [string, string];
const emulator = inject('emulatorUrl');
const webhookSecret = inject('webhookSecret');

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const gaScreening = (capacity: number) => createGaScreening(getDb(), capacity);

/** Hold on one instance, check out on the other: nothing is kept in a process's memory. */
async function holdAndCheckout(screeningId: string, quantity: number, email = 'buyer@example.org', app = appA, other = appB) {
  const hold = await fetch(`${app}/api/v1/screenings/${screeningId}/holds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ ticketType: 'adult', quantity }] }),
  });
  expect(hold.status).toBe(201);
  const held = await json<{ holdId: string; holdToken: string }>(hold);
  const res = await fetch(`${other}/api/v1/holds/${held.holdId}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hold-token': held.holdToken },
    body: JSON.stringify({ name: 'Ada Buyer', email }),
  });
  expect(res.status).toBe(201);
  const order = await json<{ orderId: string; orderToken: string; checkoutUrl: string }>(res);
  return { ...held, ...order, sessionId: /\/checkout\/(cs_[^/?]+)/.exec(order.checkoutUrl)![1]! };
}

async function pay(sessionId: string, card = '4242424242424242', base = emulator) {
  return fetch(`${base}/_emulator/sessions/${sessionId}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ card }) });
}

async function orderStatus(orderId: string, token: string, app = appB) {
  const res = await fetch(`${app}/api/v1/orders/${orderId}`, { headers: { 'x-order-token': token } });
  return json<{ status: string; tickets: unknown[] }>(res);
}

async function eventsFor(sessionId: string, base = emulator) {
  const all = await json<{ events: { id: string; type: string; sessionId?: string; delivered: boolean }[] }>(await fetch(`${base}/_emulator/events`));
  return all.events.filter((e) => e.sessionId === sessionId);
}

describe('payment through the emulator, with real signatures over HTTP', () => {
  it('pays, fulfils from the webhook, and ignores a second delivery of the same event', async () => {
    const id = await gaScreening(10);
    const email = `twice-${Date.now()}@example.org`;
    const o = await holdAndCheckout(id, 2, email);
    expect((await orderStatus(o.orderId, o.orderToken)).status).toBe('pending');
    expect((await pay(o.sessionId)).status).toBe(200);
    const paid = await until(() => orderStatus(o.orderId, o.orderToken), (s) => s.status === 'paid');
    expect(paid.tickets).toHaveLength(2);

    const completed = (await eventsFor(o.sessionId)).find((e) => e.type === 'checkout.session.completed')!;
    const again = await json<{ statuses: number[] }>(
      await fetch(`${emulator}/_emulator/events/${completed.id}/deliver`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ times: 2 }) }),
    );
    expect(again.statuses).toEqual([200, 200]);
    // The same signed event once more, read back: the app answers that it is a duplicate.
    const event = await json<Record<string, unknown>>(await fetch(`${emulator}/_emulator/events/${completed.id}`));
    const payload = JSON.stringify(event);
    const redelivered = await fetch(`${appB}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }) },
      body: payload,
    });
    expect(redelivered.status).toBe(200);
    expect(await redelivered.json()).toEqual({ received: true, applied: false, reason: 'duplicate' });
    const [recorded] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM stripe_events WHERE id = ${completed.id}`);
    expect(recorded?.n).toBe(1);
    expect((await orderStatus(o.orderId, o.orderToken)).tickets).toHaveLength(2);
    const [mail] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM emails WHERE "to" = ${email}`);
    expect(mail?.n).toBe(1);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('takes a gift to the access fund through the API checkout: in the total, charged, and credited once the webhook confirms it', async () => {
    const id = await gaScreening(10);
    const hold = await fetch(`${appA}/api/v1/screenings/${id}/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }] }),
    });
    const held = await json<{ holdId: string; holdToken: string; totalCents: number }>(hold);
    const checkout = (gift: unknown) =>
      fetch(`${appB}/api/v1/holds/${held.holdId}/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hold-token': held.holdToken },
        body: JSON.stringify({ name: 'Ada Giver', email: 'giver@example.org', gift }),
      });
    // Out of bounds or not whole: a 400 with a message, and no order.
    for (const bad of [{ tickets: 11 }, { dollars: 1001 }, { dollars: 2.5 }, { tickets: -1 }, { tickets: '1' }]) {
      const refused = await checkout(bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(typeof (await json<{ message: string }>(refused)).message).toBe('string');
    }
    const [none] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM orders WHERE hold_id = ${held.holdId}`);
    expect(none?.n).toBe(0);

    const started = await checkout({ tickets: 1, dollars: 5 });
    expect(started.status).toBe(201);
    const o = await json<{ orderId: string; orderToken: string; checkoutUrl: string }>(started);
    // The gift is one donated ticket at the screening's face value (the adult price) plus $5.
    const [order] = await rows<{ total_cents: number; gift: number }>(getDb(), sql`
      SELECT o.total_cents, d.amount_cents AS gift FROM orders o JOIN donations d ON d.order_id = o.id WHERE o.id = ${o.orderId}`);
    expect(order).toEqual({ total_cents: 2 * held.totalCents + 500, gift: held.totalCents + 500 });
    expect((await pay(/\/checkout\/(cs_[^/?]+)/.exec(o.checkoutUrl)![1]!)).status).toBe(200);
    await until(() => orderStatus(o.orderId, o.orderToken), (s) => s.status === 'paid');
    const credited = await until(
      async () => (await rows<{ n: number }>(getDb(), sql`
        SELECT count(*)::int AS n FROM fund_entries e JOIN donations d ON d.id = e.donation_id WHERE d.order_id = ${o.orderId} AND e.kind = 'donation'`))[0]!.n,
      (n) => n > 0,
    );
    expect(credited).toBe(1);
  });

  it('a cheap session whose metadata names an expensive order pays for nothing: recorded, refunded, the order unpaid', async () => {
    const id = await gaScreening(10);
    const o = await holdAndCheckout(id, 4, 'expensive@example.org');
    const url = new URL(emulator);
    // Anyone holding an API key can write any metadata: a 50-cent session naming the $60 order.
    const stripe = new Stripe(EMULATOR_API_KEY, { host: url.hostname, port: Number(url.port), protocol: 'http' });
    const cheap = await stripe.checkout.sessions.create({
      mode: 'payment',
      client_reference_id: o.orderId,
      metadata: { order_id: o.orderId, hold_id: o.holdId },
      line_items: [{ quantity: 1, price_data: { currency: 'cad', unit_amount: 50, product_data: { name: 'Cheap' } } }],
      success_url: `${appA}/`,
    });
    expect((await pay(cheap.id)).status).toBe(200);
    const mismatch = await until(
      async () => {
        const [row] = await rows<{ order_id: string; reason: string; status: string; amount_cents: number }>(getDb(), sql`
          SELECT order_id, reason, status, amount_cents FROM payment_mismatches WHERE stripe_session_id = ${cheap.id}`);
        return row;
      },
      (row) => row?.status === 'refunded',
    );
    expect(mismatch).toEqual({ order_id: o.orderId, reason: 'foreign_session', status: 'refunded', amount_cents: 50 });
    expect((await until(() => eventsFor(cheap.id), (evs) => evs.some((e) => e.type === 'charge.refunded'))).map((e) => e.type)).toContain('charge.refunded');
    expect(await orderStatus(o.orderId, o.orderToken)).toMatchObject({ status: 'pending', tickets: [] });
    // The order's own session still pays for it.
    expect((await pay(o.sessionId)).status).toBe(200);
    expect((await until(() => orderStatus(o.orderId, o.orderToken), (s) => s.status === 'paid')).tickets).toHaveLength(4);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('thirty concurrent checkouts of one hold (a double click) all get the same order and the same session', async () => {
    const id = await gaScreening(5);
    const held = await json<{ holdId: string; holdToken: string }>(
      await fetch(`${appA}/api/v1/screenings/${id}/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 2 }] }),
      }),
    );
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${i % 2 ? appA : appB}/api/v1/holds/${held.holdId}/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hold-token': held.holdToken },
          body: JSON.stringify({ name: 'Ada Buyer', email: 'double-click@example.org' }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 201));
    const bodies = await Promise.all(responses.map((r) => json<{ orderId: string; checkoutUrl: string }>(r)));
    expect(new Set(bodies.map((b) => b.orderId)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.checkoutUrl)).size).toBe(1);
    const listed = await json<{ sessions: { client_reference_id: string | null }[] }>(await fetch(`${emulator}/_emulator/sessions`));
    expect(listed.sessions.filter((s) => s.client_reference_id === bodies[0]!.orderId)).toHaveLength(1);
  });

  it('refuses a webhook with a bad or missing signature and changes nothing', async () => {
    const id = await gaScreening(5);
    const o = await holdAndCheckout(id, 1);
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: { id: o.sessionId, object: 'checkout.session', payment_status: 'paid', metadata: { order_id: o.orderId } } },
    });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_the_real_secret_0000000000' });
    const attempts: Record<string, string>[] = [{ 'stripe-signature': forged }, {}];
    for (const headers of attempts) {
      const res = await fetch(`${appA}/api/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
      expect(res.status).toBe(400);
    }
    expect((await orderStatus(o.orderId, o.orderToken)).status).toBe('pending');
    const [seen] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM stripe_events WHERE id = 'evt_forged'`);
    expect(seen?.n).toBe(0);
  });

  it('a delayed payment whose two events arrive in reverse order is fulfilled once', async () => {
    const id = await gaScreening(5);
    const o = await holdAndCheckout(id, 2);
    await fetch(`${emulator}/_emulator/webhooks/pause`, { method: 'POST' });
    try {
      expect((await pay(o.sessionId, '4000000000003220')).status).toBe(200);
      const queued = await until(() => eventsFor(o.sessionId), (evs) => evs.some((e) => e.type === 'checkout.session.async_payment_succeeded'), 20_000);
      const order = [...queued].reverse().map((e) => e.id);
      const sent = await json<{ statuses: number[] }>(
        await fetch(`${emulator}/_emulator/events/deliver-queued`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order }) }),
      );
      expect(sent.statuses.every((s) => s === 200)).toBe(true);
    } finally {
      await fetch(`${emulator}/_emulator/webhooks/resume`, { method: 'POST' });
    }
    const state = await until(() => orderStatus(o.orderId, o.orderToken), (s) => s.status === 'paid');
    expect(state.tickets).toHaveLength(2);
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });

  it('an app killed between the payment and the webhook completes the order when Stripe retries', async () => {
    const port = 3203;
    const secret = 'whsec_system_tests_killed_app_0123456789';
    const ownEmulator = await startStripeEmulator({
      port: 0,
      apiKey: EMULATOR_API_KEY,
      webhookSecret: secret,
      webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`,
      retry: { attempts: 15, baseDelayMs: 400 },
    });
    const env = { DATABASE_URL: inject('databaseUrl'), STRIPE_EMULATOR_URL: ownEmulator.url, STRIPE_WEBHOOK_SECRET: secret, WORKER_ENABLED: '0',
      // Rate-limit buckets live in the shared database, and other files use up this machine's address on purpose.
      HOLD_RATE_LIMIT_PER_MINUTE: '100000' };
    let app = await startAppInstance(port, env);
    try {
      const id = await gaScreening(5);
      const o = await holdAndCheckout(id, 1, 'killed@example.org', app.url, app.url);
      app.kill(); // the process dies; Stripe has not told it anything yet
      expect((await pay(o.sessionId, '4242424242424242', ownEmulator.url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1500)); // a delivery or two fail while it is down
      const [before] = await rows<{ status: string }>(getDb(), sql`SELECT status FROM orders WHERE id = ${o.orderId}`);
      expect(before?.status).toBe('pending');
      app = await startAppInstance(port, env);
      const state = await until(() => orderStatus(o.orderId, o.orderToken, app.url), (s) => s.status === 'paid', 60_000);
      expect(state.tickets).toHaveLength(1);
      expect(await inventoryProblems(getDb(), id)).toEqual([]);
    } finally {
      await app.stop();
      await ownEmulator.stop();
    }
  });

  it('a payment after the hold was released takes the places again; with none left it is refunded and the buyer told', async () => {
    const db = getDb();
    const id = await gaScreening(2);
    const late = await holdAndCheckout(id, 2, 'late@example.org');
    // The hold is released while the buyer is still on Stripe's page.
    await db.transaction((tx) => endLiveHolds(tx, [late.holdId], 'expired'));
    await pay(late.sessionId);
    expect((await until(() => orderStatus(late.orderId, late.orderToken), (s) => s.status === 'paid')).tickets).toHaveLength(2);

    const id2 = await gaScreening(2);
    const late2 = await holdAndCheckout(id2, 2, 'too-late@example.org');
    await db.transaction((tx) => endLiveHolds(tx, [late2.holdId], 'expired'));
    const other = await holdAndCheckout(id2, 2, 'first@example.org');
    await pay(other.sessionId);
    await until(() => orderStatus(other.orderId, other.orderToken), (s) => s.status === 'paid');
    await pay(late2.sessionId);
    const refunded = await until(() => orderStatus(late2.orderId, late2.orderToken), (s) => s.status === 'refunded');
    expect(refunded).toMatchObject({ status: 'refunded', tickets: [] });
    const [mail] = await rows<{ subject: string }>(db, sql`SELECT subject FROM emails WHERE "to" = 'too-late@example.org' ORDER BY created_at DESC LIMIT 1`);
    expect(mail?.subject).toMatch(/refund/i);
    const events = await eventsFor(late2.sessionId);
    expect(events.map((e) => e.type)).toContain('checkout.session.completed');
    expect(await inventoryProblems(db, id)).toEqual([]);
    expect(await inventoryProblems(db, id2)).toEqual([]);
  });

  it('protects holds and orders: wrong tokens are refused and nothing is released', async () => {
    const id = await gaScreening(5);
    const o = await holdAndCheckout(id, 1);
    const wrong = await fetch(`${appA}/api/v1/holds/${o.holdId}`, { method: 'DELETE', headers: { 'x-hold-token': 'guess' } });
    expect(wrong.status).toBe(403);
    const noOrder = await fetch(`${appA}/api/v1/orders/${o.orderId}`, { headers: { 'x-order-token': 'guess' } });
    expect(noOrder.status).toBe(404);
    const stolenCheckout = await fetch(`${appA}/api/v1/holds/${o.holdId}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hold-token': 'guess' },
      body: JSON.stringify({ name: 'Mallory', email: 'm@example.org' }),
    });
    expect(stolenCheckout.status).toBe(403);
    const badBody = await fetch(`${appA}/api/v1/screenings/${id}/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items": "two"}' });
    expect(badBody.status).toBe(400);
    expect(JSON.stringify(await badBody.json())).not.toMatch(/\.ts:\d+/);
    // The real holder releases through Stripe: the open session is expired first, then the place comes back.
    const release = await fetch(`${appA}/api/v1/holds/${o.holdId}`, { method: 'DELETE', headers: { 'x-hold-token': o.holdToken } });
    expect(release.status).toBe(200);
    expect((await orderStatus(o.orderId, o.orderToken)).status).toBe('expired');
    expect(await inventoryProblems(getDb(), id)).toEqual([]);
  });
});
