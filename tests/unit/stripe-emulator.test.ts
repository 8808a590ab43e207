import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseForm } from '@/tools/stripe-emulator/form';
import { type StripeEmulator, startStripeEmulator } from '@/tools/stripe-emulator/server';

/**
 * Drives the emulator with the real stripe-node SDK and receives its
 * webhooks on a small node:http server that verifies every signature with
 * `stripe.webhooks.constructEvent`, as the app does.
 *
 * Over 300 lines on purpose: one emulator and one webhook receiver are started once for the whole
 * file (they own ports and timers), and every flow of the emulated API is exercised against them.
 */

const API_KEY = 'sk_test_unit_emulator_key';
const WEBHOOK_SECRET = 'whsec_unit_test_secret_abcdef';
const ASYNC_DELAY_MS = 150;

/** Records verified events; can be told to fail the first deliveries for a session. */
class WebhookReceiver {
  readonly events: Stripe.Event[] = [];
  invalidSignatures = 0;
  private readonly failures = new Map<string, number[]>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly verifier: Stripe) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/webhook`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** The next deliveries of events about `objectId` get these statuses, before the usual 200. */
  failNext(objectId: string, statuses: number[]): void {
    this.failures.set(objectId, [...statuses]);
  }

  eventsFor(objectId: string): Stripe.Event[] {
    return this.events.filter((event) => objectIdOf(event) === objectId);
  }

  async waitFor(predicate: (events: Stripe.Event[]) => boolean, timeoutMs = 4000): Promise<Stripe.Event[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.events)) {
      if (Date.now() > deadline) throw new Error(`Timed out; received: ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.events;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const raw = Buffer.concat(chunks).toString('utf8');
    let event: Stripe.Event;
    try {
      event = this.verifier.webhooks.constructEvent(raw, req.headers['stripe-signature'] ?? '', WEBHOOK_SECRET);
    } catch {
      this.invalidSignatures += 1;
      res.writeHead(400).end();
      return;
    }
    const planned = this.failures.get(objectIdOf(event))?.shift();
    if (planned !== undefined) {
      res.writeHead(planned).end();
      return;
    }
    this.events.push(event);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
  }
}

/** Sessions for checkout events; the charge's intent for charge.refunded. */
function objectIdOf(event: Stripe.Event): string {
  const object: unknown = event.data.object;
  if (typeof object !== 'object' || object === null) return '';
  if ('payment_intent' in object && 'object' in object && object.object === 'charge' && typeof object.payment_intent === 'string') {
    return object.payment_intent;
  }
  return 'id' in object && typeof object.id === 'string' ? object.id : '';
}

let emulator: StripeEmulator;
let receiver: WebhookReceiver;
let stripe: Stripe;

beforeAll(async () => {
  receiver = new WebhookReceiver(new Stripe('sk_test_verifier_only'));
  await receiver.start();
  emulator = await startStripeEmulator({
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: receiver.url,
    retry: { attempts: 4, baseDelayMs: 20 },
    asyncPaymentDelayMs: ASYNC_DELAY_MS,
  });
  stripe = sdkFor(API_KEY);
});

afterAll(async () => {
  await emulator.stop();
  await receiver.stop();
});

function sdkFor(apiKey: string): Stripe {
  return new Stripe(apiKey, { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0 });
}

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'Opening night – Row F' } }, quantity: 2 },
      { price_data: { currency: 'eur', unit_amount: 300, product_data: { name: 'Booking fee' } }, quantity: 1 },
    ],
    success_url: 'http://127.0.0.1:9/orders/done?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1:9/orders/cancelled',
    customer_email: 'ada@example.test',
    client_reference_id: 'order_42',
    metadata: { order_id: 'order_42', festival: 'harbourfront-2026' },
    payment_intent_data: { metadata: { channel: 'web' } },
    expires_at: Math.floor(Date.now() / 1000) + 45 * 60,
    ...overrides,
  };
}

async function control(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

interface EventSummary {
  id: string;
  type: string;
  sessionId?: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
  queued: boolean;
}

async function emulatorEvents(sessionId: string): Promise<EventSummary[]> {
  const { json } = await control('events');
  return (json.events as EventSummary[]).filter((event) => event.sessionId === sessionId);
}

async function paidSession(): Promise<Stripe.Checkout.Session> {
  const session = await stripe.checkout.sessions.create(sessionParams());
  const paid = await control(`sessions/${session.id}/pay`, { card: '4242 4242 4242 4242' });
  expect(paid.status).toBe(200);
  await receiver.waitFor(() => receiver.eventsFor(session.id).some((e) => e.type === 'checkout.session.completed'));
  return session;
}

describe('form parser', () => {
  it('rebuilds the nested objects and arrays the SDK flattens', () => {
    const parsed = parseForm('line_items[0][price_data][currency]=eur&line_items[0][quantity]=2&line_items[1][quantity]=1&metadata[order_id]=o%201&expand[]=a&expand[]=b');
    expect(parsed).toEqual({
      line_items: [{ price_data: { currency: 'eur' }, quantity: '2' }, { quantity: '1' }],
      metadata: { order_id: 'o 1' },
      expand: ['a', 'b'],
    });
  });
});

describe('Stripe emulator REST API', () => {
  it('rejects a wrong API key with a 401 in Stripe’s format', async () => {
    const error: unknown = await sdkFor('sk_test_wrong_key_1234').checkout.sessions.retrieve('cs_test_x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, message: expect.stringContaining('Invalid API Key provided: sk_test_') });
  });

  it('creates a checkout session, once per idempotency key', async () => {
    const params = sessionParams();
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: 'unit-create-1' });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: 'unit-create-1' });

    expect(first.id).toMatch(/^cs_test_/);
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const { json } = await control('sessions');
    expect((json.sessions as Array<{ id: string }>).filter((s) => s.id === first.id)).toHaveLength(1);
    expect(first).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 2800,
      currency: 'eur',
      url: `${emulator.url}/checkout/${first.id}`,
      metadata: { order_id: 'order_42', festival: 'harbourfront-2026' },
      client_reference_id: 'order_42',
      customer_email: 'ada@example.test',
      payment_intent: null,
      livemode: false,
      success_url: `http://127.0.0.1:9/orders/done?session_id=${first.id}`,
      expires_at: params.expires_at,
    });

    const reused = await stripe.checkout.sessions.create({ ...params, client_reference_id: 'other' }, { idempotencyKey: 'unit-create-1' }).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('enforces Stripe’s 30 minute to 24 hour window for expires_at', async () => {
    const soon = await stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 10 * 60 })).catch((e: unknown) => e);
    expect(soon).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(soon).toMatchObject({ statusCode: 400, param: 'expires_at', message: expect.stringContaining('at least 30 minutes') });
    const late = await stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 25 * 3600 })).catch((e: unknown) => e);
    expect(late).toMatchObject({ statusCode: 400, message: expect.stringContaining('less than 24 hours') });
  });

  it('retrieves a session, and 404s an unknown one like Stripe', async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    const retrieved = await stripe.checkout.sessions.retrieve(created.id);
    expect(retrieved).toMatchObject({ id: created.id, status: 'open', amount_total: 2800 });

    const missing = await stripe.checkout.sessions.retrieve('cs_test_nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such checkout.session: 'cs_test_nope'" });
  });
});

describe('paying', () => {
  it('4242: completes the session, signs checkout.session.completed and succeeds the intent', async () => {
    const session = await paidSession();
    const [completed] = receiver.eventsFor(session.id);
    expect(completed).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false, pending_webhooks: 1 });
    expect(completed?.id).toMatch(/^evt_/);
    const object = completed?.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', metadata: { order_id: 'order_42', festival: 'harbourfront-2026' } });
    expect(receiver.invalidSignatures).toBe(0);

    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const intent = await stripe.paymentIntents.retrieve(object.payment_intent as string);
    expect(intent).toMatchObject({
      id: expect.stringMatching(/^pi_/),
      status: 'succeeded',
      amount: 2800,
      currency: 'eur',
      latest_charge: expect.stringMatching(/^ch_/),
      metadata: { order_id: 'order_42', festival: 'harbourfront-2026', channel: 'web' },
    });
    expect(after.payment_intent).toMatchObject({ id: intent.id, status: 'succeeded' });
  });

  it('a declined card leaves the session open', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await control(`sessions/${session.id}/pay`, { card: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect(declined.json).toMatchObject({ error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid', payment_intent: null });
    expect(await emulatorEvents(session.id)).toEqual([]);
  });

  it('3220: completed (unpaid) at once, then async_payment_succeeded', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paid = await control(`sessions/${session.id}/pay`, { card: '4000000000003220' });
    expect(paid.json).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect(await stripe.paymentIntents.retrieve(String(paid.json.payment_intent))).toMatchObject({ status: 'processing' });

    await receiver.waitFor(() => receiver.eventsFor(session.id).length === 2);
    const [completed, succeeded] = receiver.eventsFor(session.id);
    expect(completed?.type).toBe('checkout.session.completed');
    expect(completed?.data.object).toMatchObject({ payment_status: 'unpaid' });
    expect(succeeded?.type).toBe('checkout.session.async_payment_succeeded');
    expect(succeeded?.data.object).toMatchObject({ payment_status: 'paid' });
    expect(await stripe.paymentIntents.retrieve(String(paid.json.payment_intent))).toMatchObject({ status: 'succeeded' });
  });

  it('3238: completed (unpaid) at once, then async_payment_failed', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const paid = await control(`sessions/${session.id}/pay`, { card: '4000 0000 0000 3238' });
    await receiver.waitFor(() => receiver.eventsFor(session.id).length === 2);
    expect(receiver.eventsFor(session.id).map((e) => e.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_failed']);
    expect(await stripe.paymentIntents.retrieve(String(paid.json.payment_intent))).toMatchObject({ status: 'requires_payment_method' });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
  });
});

describe('expiry and refunds', () => {
  it('expires an open session and sends checkout.session.expired', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    const [event] = await receiver.waitFor(() => receiver.eventsFor(session.id).length === 1).then(() => receiver.eventsFor(session.id));
    expect(event).toMatchObject({ type: 'checkout.session.expired', data: { object: { id: session.id, status: 'expired' } } });
  });

  it('the expire-now control does the same', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect((await control(`sessions/${session.id}/expire-now`, {})).json).toMatchObject({ status: 'expired' });
    await receiver.waitFor(() => receiver.eventsFor(session.id).some((e) => e.type === 'checkout.session.expired'));
  });

  it('a session past its expires_at expires by itself when next accessed', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    // Only Date is faked: sockets and timers keep working, but the emulator's clock is 46 minutes ahead.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 46 * 60 * 1000 });
    try {
      expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired' });
      await receiver.waitFor(() => receiver.eventsFor(session.id).some((e) => e.type === 'checkout.session.expired'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses to expire a completed session with Stripe’s message', async () => {
    const session = await paidSession();
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toThrow('Only Checkout Sessions with a status in [open] can be expired.');
  });

  it('refunds a payment and sends charge.refunded', async () => {
    const session = await paidSession();
    const { payment_intent: intentId } = await stripe.checkout.sessions.retrieve(session.id);
    const refund = await stripe.refunds.create({ payment_intent: String(intentId), amount: 1250, metadata: { reason: 'seat' } });
    expect(refund).toMatchObject({ object: 'refund', id: expect.stringMatching(/^re_/), status: 'succeeded', amount: 1250, payment_intent: intentId });

    await receiver.waitFor(() => receiver.eventsFor(String(intentId)).length === 1);
    expect(receiver.eventsFor(String(intentId))[0]).toMatchObject({
      type: 'charge.refunded',
      data: { object: { object: 'charge', payment_intent: intentId, amount: 2800, amount_refunded: 1250, refunded: false } },
    });

    const tooMuch = await stripe.refunds.create({ payment_intent: String(intentId), amount: 1600 }).catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, message: expect.stringContaining('greater than unrefunded amount') });
    await stripe.refunds.create({ payment_intent: String(intentId) });
    await receiver.waitFor(() => receiver.eventsFor(String(intentId)).length === 2);
    expect(receiver.eventsFor(String(intentId))[1]?.data.object).toMatchObject({ amount_refunded: 2800, refunded: true });
  });
});

describe('webhook delivery controls', () => {
  it('retries with backoff: 500, 500, then delivered on the third attempt', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    receiver.failNext(session.id, [500, 500]);
    await control(`sessions/${session.id}/pay`, { card: '4242424242424242' });
    await receiver.waitFor(() => receiver.eventsFor(session.id).length === 1);
    const [summary] = await emulatorEvents(session.id);
    expect(summary).toMatchObject({ type: 'checkout.session.completed', attempts: 3, delivered: true, lastStatus: 200 });
  });

  it('pause holds events; deliver-queued sends them in the order given', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await control('webhooks/pause', {});
    try {
      await control(`sessions/${session.id}/pay`, { card: '4242424242424242' });
      const { payment_intent: intentId } = await stripe.checkout.sessions.retrieve(session.id);
      await stripe.refunds.create({ payment_intent: String(intentId) });
      const queued = await emulatorEvents(session.id);
      expect(queued.map((e) => [e.type, e.queued, e.attempts])).toEqual([
        ['checkout.session.completed', true, 0],
        ['charge.refunded', true, 0],
      ]);

      const reversed = queued.map((e) => e.id).reverse();
      const { json } = await control('events/deliver-queued', { order: reversed });
      expect(json).toEqual({ statuses: [200, 200] });
      const ids = receiver.events.map((e) => e.id);
      expect(ids.indexOf(reversed[0] ?? '')).toBeLessThan(ids.indexOf(reversed[1] ?? ''));
      expect((await emulatorEvents(session.id)).every((e) => e.delivered && !e.queued)).toBe(true);
    } finally {
      await control('webhooks/resume', {});
    }
  });

  it('resume sends what was held, in creation order', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await control('webhooks/pause', {});
    await control(`sessions/${session.id}/pay`, { card: '4242424242424242' });
    const { payment_intent: intentId } = await stripe.checkout.sessions.retrieve(session.id);
    await stripe.refunds.create({ payment_intent: String(intentId) });
    expect((await control('webhooks/resume', {})).json).toMatchObject({ paused: false });
    await receiver.waitFor(() => receiver.eventsFor(String(intentId)).length === 1);
    const types = receiver.events.filter((e) => [session.id, intentId].includes(objectIdOf(e))).map((e) => e.type);
    expect(types).toEqual(['checkout.session.completed', 'charge.refunded']);
  });

  it('delivers an event again on demand (duplicates)', async () => {
    const session = await paidSession();
    const [summary] = await emulatorEvents(session.id);
    const { json } = await control(`events/${summary?.id}/deliver`, { times: 2 });
    expect(json).toEqual({ statuses: [200, 200] });
    expect(receiver.events.filter((e) => e.id === summary?.id)).toHaveLength(3);
    expect((await emulatorEvents(session.id))[0]).toMatchObject({ attempts: 3, delivered: true });
  });
});

describe('hosted checkout page', () => {
  it('shows the order and a labelled card form', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(session.url ?? '');
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<label for="card_number">Card number</label>');
    expect(html).toMatch(/<input id="card_number" name="card_number"/);
    expect(html).toContain('<h1>Pay €28.00</h1>');
    expect(html).toContain('Opening night – Row F');
    expect(html).toContain('>Cancel and go back</a>');
    expect(html).toContain('4242 4242 4242 4242');
  });

  it('a declined card re-renders with an alert; 4242 redirects to success_url', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const post = (card: string) =>
      fetch(session.url ?? '', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: card, expiry: '12/34', cvc: '123', name: 'Ada Lovelace' }).toString(),
        redirect: 'manual',
      });

    const declined = await post('4000 0000 0000 0002');
    expect(await declined.text()).toMatch(/role="alert"[^>]*>Your card was declined\./);
    const unknown = await post('1234 5678 9012 3456');
    expect(await unknown.text()).toContain('Use one of the test cards listed below.');

    const paid = await post('4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://127.0.0.1:9/orders/done?session_id=${session.id}`);
    const after = await (await fetch(`${emulator.url}/checkout/${session.id}`)).text();
    expect(after).toContain('This checkout is complete');
    expect(after).not.toContain('<form');
  });
});
