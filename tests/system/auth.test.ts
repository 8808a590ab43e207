import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db/client';
import { changeUserRole } from '@/domain/accounts/auth';
import { type AppInstance, startProductionInstance } from '../support/app-instance';
import { createUser, uniq } from '../support/factories';
import { rows } from '@/db/sql';

const app = inject('appUrls')[0]!;
const ATTACKER = 'attacker.example';

interface Answer {
  status: number;
  location: string | null;
  cookies: string[];
  body: string;
}

/** A raw HTTP request, so that Host can be anything (fetch would not let a test forge it). */
function request(method: string, path: string, opts: { headers?: Record<string, string>; form?: Record<string, string>; base?: string } = {}): Promise<Answer> {
  const url = new URL(path, opts.base ?? app);
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname + url.search,
        headers: { ...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } : {}), ...opts.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, cookies: setCookie.map((c) => c.split(';')[0]!), body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Auth.js's CSRF double-submit pair: the cookie and the token for the form. */
async function csrf(headers: Record<string, string> = {}, base = app): Promise<{ cookie: string; token: string }> {
  const res = await request('GET', '/api/auth/csrf', { headers, base });
  return { cookie: res.cookies.find((c) => c.includes('csrf-token'))!, token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

function sessionCookieOf(res: Answer): string | undefined {
  return res.cookies.find((c) => c.startsWith('authjs.session-token=') && c.length > 'authjs.session-token='.length);
}

async function passwordSignIn(email: string, password: string, callbackUrl = '/account'): Promise<Answer> {
  const c = await csrf();
  return request('POST', '/api/auth/callback/password', { headers: { cookie: c.cookie }, form: { csrfToken: c.token, email, password, callbackUrl } });
}

async function opensAccount(cookie: string): Promise<boolean> {
  const res = await request('GET', '/account', { headers: { cookie } });
  return res.status === 200 && res.body.includes('Your account');
}

/** Next's URL class spells 127.0.0.1 as localhost (next/dist/server/web/next-url.js): the same server for this test. */
function loopbackAsLocalhost(origin: string): string {
  return origin.replace('//127.0.0.1:', '//localhost:');
}

const staffAccount = () =>
  createUser(getDb(), { role: 'staff', name: 'System Staff', email: `${uniq('sys-staff')}@example.org`, password: 'system staff password' });

describe('links and redirects never follow the request', () => {
  // Local mode answers a foreign Host with 421 outright; production sits behind proxies and must not need that.
  it('local mode refuses a foreign Host outright', async () => {
    expect((await request('GET', '/api/auth/csrf', { headers: { host: ATTACKER } })).status).toBe(421);
  });

  describe('in production mode', () => {
    let prod: AppInstance;
    beforeAll(async () => {
      prod = await startProductionInstance(3208);
    });
    afterAll(async () => prod?.stop());

    it('a sign-in link requested with a forged Host is emailed on the configured URL, and its redirect stays on the site', async () => {
      const base = prod.url;
      const email = `${uniq('victim')}@example.org`;
      const forged = { host: ATTACKER, 'x-forwarded-host': ATTACKER, 'x-forwarded-proto': 'https' };
      const c = await csrf(forged, base);
      const res = await request('POST', '/api/auth/signin/email', {
        base,
        headers: { ...forged, cookie: c.cookie },
        form: { csrfToken: c.token, email, callbackUrl: `https://${ATTACKER}/steal` },
      });
      expect(res.status).toBe(302);
      // Auth.js's own URLs come from PUBLIC_BASE_URL: neither the host nor the protocol the request claims.
      expect(loopbackAsLocalhost(new URL(res.location!, base).origin)).toBe(loopbackAsLocalhost(new URL(base).origin));
      expect(res.location).not.toContain(ATTACKER);
      const [sent] = await rows<{ html: string; text: string }>(getDb(), sql`SELECT html, text FROM emails WHERE "to" = ${email}`);
      expect(sent).toBeDefined();
      expect(`${sent!.html}${sent!.text}`).not.toContain(ATTACKER);
      const link = new URL(/Sign in: (\S+)/.exec(sent!.text)![1]!);
      expect(link.origin).toBe(new URL(base).origin);

      // Following the link (with the attacker's Host again) signs in and lands on a page of the site.
      const landed = await request('GET', link.pathname + link.search, { base, headers: forged });
      expect(landed.status).toBe(302);
      expect(loopbackAsLocalhost(new URL(landed.location!, base).origin)).toBe(loopbackAsLocalhost(new URL(base).origin));
      expect(landed.location).not.toContain(ATTACKER);
      expect(sessionCookieOf(landed)).toBeDefined();
    });
  });

  it.each(['/.//evil.example', '//evil.example', '/\\evil.example', '/%2F%2Fevil.example', 'https://evil.example/', '/\t/evil.example'])(
    'password sign-in with callbackUrl %j lands on the site',
    async (callbackUrl) => {
      const staff = await staffAccount();
      const res = await passwordSignIn(staff.email, 'system staff password', callbackUrl);
      expect(res.status).toBe(302);
      const target = new URL(res.location!, app);
      expect(target.origin).toBe(new URL(app).origin);
      expect(target.pathname.startsWith('//')).toBe(false);
    },
  );
});

describe('sessions end with sign-out and role changes', () => {
  it('a copied session cookie no longer opens /account after sign-out', async () => {
    const staff = await staffAccount();
    const signedIn = await passwordSignIn(staff.email, 'system staff password');
    const copied = sessionCookieOf(signedIn)!;
    expect(copied).toBeDefined();
    expect(await opensAccount(copied)).toBe(true);

    const c = await csrf();
    const out = await request('POST', '/api/auth/signout', { headers: { cookie: `${copied}; ${c.cookie}` }, form: { csrfToken: c.token, callbackUrl: '/' } });
    expect(out.status).toBe(302);
    expect(await opensAccount(copied)).toBe(false);
  });

  it('a role change revokes the sessions the account had', async () => {
    const staff = await staffAccount();
    const cookie = sessionCookieOf(await passwordSignIn(staff.email, 'system staff password'))!;
    expect(await opensAccount(cookie)).toBe(true);
    expect(await changeUserRole(getDb(), staff.id, 'audience', null)).toEqual({ ok: true });
    expect(await opensAccount(cookie)).toBe(false);
  });
});
