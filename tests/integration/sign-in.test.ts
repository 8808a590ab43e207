import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { clearSignInFailures, LOCKOUT } from '@/domain/accounts/auth';
import { clientAddress } from '@/web/api/client';
import { authorizePassword, LockedOut } from '@/domain/accounts/password-sign-in';
import { SIGN_IN_EMAIL_LIMITS, sendSignInEmail } from '@/domain/accounts/sign-in';
import { getEnv } from '@/platform/env';
import { createUser, uniq } from '../support/factories';
import { rows } from '@/db/sql';


/** Each test is its own client, as far as the app can tell; its buckets and counters are cleared after. */
const clients: Headers[] = [];
function newClient(): Headers {
  const n = clients.length + 10;
  const h = new Headers({ 'x-forwarded-for': `198.51.100.${n}`, 'x-real-ip': `198.51.100.${n}` });
  clients.push(h);
  return h;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const h of clients.splice(0)) {
    await getDb().execute(sql`DELETE FROM rate_limit_buckets WHERE key = ${`signin-client:${clientAddress(h)}`}`);
    await clearSignInFailures(getDb(), `client:${clientAddress(h)}`);
  }
});

async function emailsTo(to: string) {
  return rows<{ html: string; text: string }>(getDb(), sql`SELECT html, text FROM emails WHERE "to" = ${to}`);
}

function linksIn(body: string): string[] {
  return [...body.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
}

describe('sign-in emails', () => {
  it('carry links on the configured public URL only, whatever host Auth.js saw', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const email = `${uniq('victim')}@example.org`;
    const forged = `https://attacker.example/api/auth/callback/email?${new URLSearchParams({ callbackUrl: 'https://attacker.example/steal', token: 'the-token', email })}`;
    await sendSignInEmail(email, forged, newClient());
    const [sent] = await emailsTo(email);
    expect(sent).toBeDefined();
    const origin = new URL(getEnv().PUBLIC_BASE_URL).origin;
    const links = [...linksIn(sent!.text), ...linksIn(sent!.html)];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).origin).toBe(origin);
    const signIn = new URL(/Sign in: (\S+)/.exec(sent!.text)![1]!);
    expect(signIn.pathname).toBe('/api/auth/callback/email');
    expect(signIn.searchParams.get('token')).toBe('the-token');
    expect(signIn.searchParams.get('email')).toBe(email);
    expect(signIn.searchParams.get('callbackUrl')).toBe('/account');
    expect(sent!.html).not.toContain('attacker.example');
  });

  it('are limited per address: 25 requests at once send at most the limit, and say nothing different', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const email = `${uniq('flood')}@example.org`;
    const client = newClient();
    const url = `${getEnv().PUBLIC_BASE_URL}/api/auth/callback/email?${new URLSearchParams({ callbackUrl: '/account', token: 't', email })}`;
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => sendSignInEmail(email, url, client)));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await emailsTo(email)).toHaveLength(SIGN_IN_EMAIL_LIMITS.perAddress.limit);
    // One line per refused request, naming no full address.
    expect(warn).toHaveBeenCalledTimes(25 - SIGN_IN_EMAIL_LIMITS.perAddress.limit);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[auth\] sign-in email not sent/);
    expect(String(warn.mock.calls[0]![0])).not.toContain(email);
  });

  it('are limited per client: many addresses from one client send at most the limit', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = newClient();
    const prefix = uniq('spray');
    const addresses = Array.from({ length: SIGN_IN_EMAIL_LIMITS.perClient.limit + 5 }, (_, i) => `${prefix}-${i}@example.org`);
    await Promise.all(addresses.map((email) => sendSignInEmail(email, `${getEnv().PUBLIC_BASE_URL}/api/auth/callback/email?token=t&email=${encodeURIComponent(email)}`, client)));
    const [sent] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM emails WHERE "to" LIKE ${`${prefix}-%`}`);
    expect(sent!.n).toBe(SIGN_IN_EMAIL_LIMITS.perClient.limit);
  });
});

describe('password sign-in and its lockout', () => {
  const staffAccount = async () => (await createUser(getDb(), { role: 'staff', password: 'the right password' })).email;

  it('five wrong passwords lock the account: the right one is then refused', async () => {
    const email = await staffAccount();
    const client = newClient();
    expect(await authorizePassword({ email, password: 'the right password' }, client)).toMatchObject({ email });
    for (let i = 0; i < LOCKOUT.maxFailures; i++) expect(await authorizePassword({ email, password: `wrong ${i}` }, client)).toBeNull();
    await expect(authorizePassword({ email, password: 'the right password' }, client)).rejects.toBeInstanceOf(LockedOut);
    // Another client fares no better: the account itself is locked.
    await expect(authorizePassword({ email, password: 'the right password' }, newClient())).rejects.toBeInstanceOf(LockedOut);
  });

  it("counts failures against the client the server sees, never one the form names", async () => {
    const client = newClient();
    const chosen = uniq('chosen-by-the-form');
    for (let i = 0; i < LOCKOUT.maxClientFailures; i++) {
      await authorizePassword({ email: `${uniq('guess')}@example.org`, password: 'wrong', client: chosen }, client);
    }
    const [row] = await rows<{ n: number }>(getDb(), sql`SELECT count(*)::int AS n FROM sign_in_failures WHERE key = ${`client:${chosen}`}`);
    expect(row!.n).toBe(0);
    // The client is locked: a fresh account's right password is refused from it.
    const email = await staffAccount();
    await expect(authorizePassword({ email, password: 'the right password', client: uniq('another') }, client)).rejects.toBeInstanceOf(LockedOut);
  });
});
