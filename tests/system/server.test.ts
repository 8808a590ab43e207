import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { orderAccessToken } from '@/platform/tokens';
import { type AppInstance, runServerUntilExit, startAppInstance, startProductionInstance } from '../support/app-instance';
import { createGaScreening, createUser } from '../support/factories';
import { sessionCookie } from '../support/sessions';
import { rows } from '@/db/sql';

/**
 * Marquee's own HTTP server and its two modes (scripts/lib/http-server.ts,
 * platform/env.ts): what production refuses, what local mode generates and
 * refuses, who the client is, and how refused server actions answer.
 */
const app = inject('appUrls')[0]!; // local mode, TRUSTED_PROXY_HOPS=1 (global-setup)

/** Printed in the repository before this issue: the defaults `npm start` used to run on. */
const OLD_APP_SECRET = 'marquee-local-development-secret-not-for-production';
const OLD_WEBHOOK_SECRET = 'whsec_emulator_local_secret_0123456789';

const stripe = new Stripe('sk_test_unused');
const signedWebhook = (secret: string) => {
  const payload = JSON.stringify({ id: `evt_${randomUUID()}`, object: 'event', type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } });
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }) };
};

/** A cookie as sign-in would set it, with its server-side session row, signed with the given secret. */
async function userCookie(secret: string, userId: string, email: string): Promise<string> {
  return (await sessionCookie(getDb(), { id: userId, email }, secret)).cookie;
}

const newAdmin = () => createUser(getDb(), { role: 'admin', name: 'Server test' });

/** Raw HTTP, for methods fetch refuses to send (TRACE) and headers it forbids. */
function rawRequest(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('start-up refusals', () => {
  const unset = { APP_SECRET: '', STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '', SMTP_URL: '', STRIPE_EMULATOR_URL: '', MARQUEE_MODE: '' };

  it('production mode without its secrets refuses to start and says what is missing', async () => {
    const { code, output } = await runServerUntilExit(['-p', '3207', '-H', '127.0.0.1'], { ...unset, PUBLIC_BASE_URL: 'https://tickets.example.org' });
    expect(code).not.toBe(0);
    expect(output).toContain('Production mode (PUBLIC_BASE_URL=https://tickets.example.org) refuses to start without');
    for (const name of ['APP_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'SMTP_URL']) expect(output).toContain(`- ${name}:`);
  });

  it('production mode refuses the dev server (stack traces, a loose CSP and the HMR socket are not for the public)', async () => {
    const { code, output } = await runServerUntilExit(
      ['-p', '3207', '-H', '127.0.0.1'],
      {
        ...unset,
        PUBLIC_BASE_URL: 'https://tickets.example.org',
        APP_SECRET: randomBytes(32).toString('base64url'),
        STRIPE_SECRET_KEY: 'sk_test_unused',
        STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
        SMTP_URL: 'smtp://127.0.0.1:9',
      },
      60_000,
      'dev',
    );
    expect(code).not.toBe(0);
    expect(output).toContain('Production mode runs a production build');
  });

  it('production mode refuses the secrets printed in the repository, even when set on purpose', async () => {
    const { code, output } = await runServerUntilExit(['-p', '3207', '-H', '127.0.0.1'], {
      ...unset,
      MARQUEE_MODE: 'production',
      PUBLIC_BASE_URL: 'https://tickets.example.org',
      APP_SECRET: OLD_APP_SECRET,
      STRIPE_SECRET_KEY: 'sk_live_unused',
      STRIPE_WEBHOOK_SECRET: OLD_WEBHOOK_SECRET,
      SMTP_URL: 'smtp://127.0.0.1:9',
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/APP_SECRET: this value is published in the repository/);
    expect(output).toMatch(/STRIPE_WEBHOOK_SECRET: this value is published in the repository/);
  });

  it('local mode refuses to listen beyond this machine', async () => {
    for (const host of ['0.0.0.0', '::']) {
      const { code, output } = await runServerUntilExit(['-p', '3207', '-H', host], { MARQUEE_MODE: 'local', PUBLIC_BASE_URL: '' });
      expect(code, host).not.toBe(0);
      expect(output, host).toContain(`Local mode listens on this machine only (loopback), so it refuses to bind ${host}`);
    }
  });
});

describe('production mode', () => {
  let prod: AppInstance;
  const secret = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    prod = await startProductionInstance(3205, { APP_SECRET: secret });
  });
  afterAll(async () => prod?.stop());

  it('has no dev outbox, even asked from this machine', async () => {
    expect((await fetch(`${prod.url}/dev/outbox`)).status).toBe(404);
  });

  it('refuses a cross-site API request by the configured origin, even when the Host header agrees with the Origin', async () => {
    const path = `/api/v1/screenings/${randomUUID()}/holds`;
    const forged = await rawRequest(`${prod.url}${path}`, 'POST', { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/json' }, '{}');
    expect(forged.status).toBe(403);
    const own = await rawRequest(`${prod.url}${path}`, 'POST', { origin: prod.url, 'content-type': 'application/json' }, '{}');
    expect(own.status).not.toBe(403);
  });

  it('refuses a session cookie forged with the old repository secret, and accepts its own', async () => {
    const admin = await newAdmin();
    const forged = await fetch(`${prod.url}/account`, { headers: { cookie: await userCookie(OLD_APP_SECRET, admin.id, admin.email) }, redirect: 'manual' });
    expect(forged.status).not.toBe(200);
    const own = await fetch(`${prod.url}/account`, { headers: { cookie: await userCookie(secret, admin.id, admin.email) }, redirect: 'manual' });
    expect(own.status).toBe(200);
  });
});

describe('local mode with generated secrets (no APP_SECRET, no STRIPE_WEBHOOK_SECRET)', () => {
  let local: AppInstance;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'marquee-local-'));
    local = await startAppInstance(3206, {
      MARQUEE_MODE: 'local',
      MARQUEE_DATA_DIR: dataDir,
      APP_SECRET: '',
      STRIPE_WEBHOOK_SECRET: '',
      STRIPE_EMULATOR_URL: inject('emulatorUrl'),
      TRUSTED_PROXY_HOPS: '0',
      HOLD_RATE_LIMIT_PER_MINUTE: '5',
      WORKER_ENABLED: '0',
    });
  });
  afterAll(async () => {
    await local?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const generated = () => JSON.parse(readFileSync(path.join(dataDir, 'local-secrets.json'), 'utf8')) as { appSecret: string; stripeWebhookSecret: string };

  it('generates its secrets once into the data directory, readable by its owner only', () => {
    expect(statSync(path.join(dataDir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
    expect(generated().appSecret).not.toBe(OLD_APP_SECRET);
  });

  it('refuses a session cookie and an order link forged with the old repository secret', async () => {
    const admin = await newAdmin();
    const forged = await fetch(`${local.url}/account`, { headers: { cookie: await userCookie(OLD_APP_SECRET, admin.id, admin.email) }, redirect: 'manual' });
    expect(forged.status).not.toBe(200);
    const own = await fetch(`${local.url}/account`, { headers: { cookie: await userCookie(generated().appSecret, admin.id, admin.email) }, redirect: 'manual' });
    expect(own.status).toBe(200);

    const [order] = await rows<{ id: string }>(getDb(), sql`SELECT id FROM orders LIMIT 1`);
    if (order) {
      expect((await fetch(`${local.url}/api/v1/orders/${order.id}?token=${orderAccessToken(order.id, OLD_APP_SECRET)}`)).status).toBe(404);
      expect((await fetch(`${local.url}/api/v1/orders/${order.id}?token=${orderAccessToken(order.id, generated().appSecret)}`)).status).toBe(200);
    }
  });

  it('refuses a webhook signed with the old published emulator secret (400), accepts its own', async () => {
    const old = signedWebhook(OLD_WEBHOOK_SECRET);
    const refused = await fetch(`${local.url}/api/stripe/webhook`, { method: 'POST', headers: { 'stripe-signature': old.signature, 'content-type': 'application/json' }, body: old.payload });
    expect(refused.status).toBe(400);
    const own = signedWebhook(generated().stripeWebhookSecret);
    const accepted = await fetch(`${local.url}/api/stripe/webhook`, { method: 'POST', headers: { 'stripe-signature': own.signature, 'content-type': 'application/json' }, body: own.payload });
    expect(accepted.status).not.toBe(400);
  });

  it('shows the dev outbox only to this machine under a loopback host name', async () => {
    expect((await fetch(`${local.url}/dev/outbox`)).status).toBe(200);
    // A DNS-rebinding page reaches the server under its own domain name.
    expect((await rawRequest(`${local.url}/dev/outbox`, 'GET', { host: 'rebind.evil.example:3206' })).status).toBe(421);
  });

  it('with no trusted proxy, rotating X-Forwarded-For and a forged x-marquee-client share one rate-limit bucket', async () => {
    const screeningId = await createGaScreening(getDb(), 100);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${local.url}/api/v1/screenings/${screeningId}/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${i}.${i}`, 'x-real-ip': `10.2.${i}.${i}`, 'x-marquee-client': `10.3.${i}.${i}` },
        body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }] }),
      });
      statuses.push(res.status);
    }
    // The bucket of 127.0.0.1 may already be full from other tests this minute: refusals are what matters.
    expect(statuses).toContain(429);
    const keys = await rows<{ client_key: string }>(getDb(), sql`SELECT DISTINCT client_key FROM holds WHERE screening_id = ${screeningId}`);
    for (const k of keys) expect(k.client_key).toBe('ip:127.0.0.1');
    const rotated = await rows<{ n: number }>(getDb(), 
      sql`SELECT count(*)::int AS n FROM rate_limit_buckets WHERE key LIKE '%10.1.%' OR key LIKE '%10.2.%' OR key LIKE '%10.3.%'`,
    );
    expect(rotated[0]?.n).toBe(0);
  });

  it('a hold request refused for its input still counts against the rate limit', async () => {
    const screeningId = await createGaScreening(getDb(), 100);
    // Summed over windows, so that a minute ending between the two reads changes nothing.
    const counted = async () =>
      (await rows<{ n: number }>(getDb(), sql`SELECT coalesce(sum(count), 0)::int AS n FROM rate_limit_buckets WHERE key = 'holds:ip:127.0.0.1'`))[0]!.n;
    const before = await counted();
    // Refused by the route (400), by the command before the database (422) and by the hold statement (422).
    const bodies = ['not json', JSON.stringify({ items: [] }), JSON.stringify({ items: [{ ticketType: 'adult', quantity: 0 }] }), JSON.stringify({ items: [{ ticketType: 'senior', quantity: 1 }] })];
    for (const body of bodies) {
      const res = await fetch(`${local.url}/api/v1/screenings/${screeningId}/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      // Refused for the input, or 429 when this minute's bucket was already full: never anything else.
      expect([400, 422, 429], body).toContain(res.status);
    }
    expect(await counted()).toBe(before + bodies.length);
  });
});

describe('client identity behind one trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
  it('keys on the right-most X-Forwarded-For entry; the client-written part and a forged x-marquee-client are ignored', async () => {
    const screeningId = await createGaScreening(getDb(), 10);
    const res = await fetch(`${app}/api/v1/screenings/${screeningId}/holds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6, 198.51.100.23', 'x-marquee-client': '9.9.9.9' },
      body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }] }),
    });
    expect(res.status).toBe(201);
    const { holdId } = (await res.json()) as { holdId: string };
    const [hold] = await rows<{ client_key: string }>(getDb(), sql`SELECT client_key FROM holds WHERE id = ${holdId}`);
    expect(hold?.client_key).toBe('ip:198.51.100.23');
  });
});

describe('methods and refused server actions', () => {
  it('answers TRACE and CONNECT with 405', async () => {
    expect((await rawRequest(`${app}/`, 'TRACE')).status).toBe(405);
    const connect = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(app).port), '127.0.0.1', () => socket.write('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(connect).toMatch(/^HTTP\/1\.1 405/);
  });

  async function signInActionId(): Promise<string> {
    const html = await (await fetch(`${app}/signin`)).text();
    const id = /\$ACTION_ID_([0-9a-f]+)/.exec(html)?.[1];
    if (!id) throw new Error('no server action on /signin');
    return id;
  }

  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return form;
  };

  it('refuses an action with a foreign, null or missing Origin with 403', async () => {
    const id = await signInActionId();
    for (const origin of ['https://evil.example', 'null', undefined]) {
      const res = await fetch(`${app}/signin`, {
        method: 'POST',
        headers: { 'next-action': id, ...(origin ? { origin } : {}) },
        body: multipart({ '0': '["$K1"]', '1_email': 'victim@example.org' }),
      });
      expect(res.status, String(origin)).toBe(403);
    }
    // The no-JavaScript form post, from another site.
    const mpa = await fetch(`${app}/signin`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: multipart({ [`$ACTION_ID_${id}`]: '', email: 'victim@example.org' }) });
    expect(mpa.status).toBe(403);
  });

  it('answers a malformed action with 400, not 500', async () => {
    const id = await signInActionId();
    const headers = { 'next-action': id, origin: app };
    const cases: { name: string; init: RequestInit }[] = [
      { name: 'a string where the form belongs', init: { headers, body: multipart({ '0': '["not a form"]' }) } },
      { name: 'arguments that do not decode', init: { headers, body: multipart({ '0': '{broken' }) } },
      { name: 'a text body with a string for the form', init: { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: '["x"]' } },
      { name: 'a JSON body', init: { headers: { ...headers, 'content-type': 'application/json' }, body: '["x"]' } },
      { name: 'a malformed action id', init: { headers: { ...headers, 'next-action': '../../etc' }, body: multipart({ '0': '[]' }) } },
      { name: 'an unknown action id', init: { headers: { ...headers, 'next-action': 'ab'.repeat(21) }, body: multipart({ '0': '[]' }) } },
    ];
    for (const c of cases) {
      const res = await fetch(`${app}/signin`, { method: 'POST', ...c.init });
      expect(res.status, c.name).toBeGreaterThanOrEqual(400);
      expect(res.status, c.name).toBeLessThan(500);
    }
  });
});
