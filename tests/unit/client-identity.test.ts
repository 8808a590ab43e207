import { describe, expect, it } from 'vitest';
import { clientFromRequest, clientKeyOf, isLoopbackHost, normaliseAddress, trustedProxyList, UNKNOWN_CLIENT } from '@/platform/server/client-identity';
import { refuseCrossSiteRequest, refuseServerAction } from '../../scripts/lib/http-server';

describe('client identity (scripts/lib/http-server.ts)', () => {
  it('with no trusted proxy, the socket is the client whatever X-Forwarded-For says', () => {
    expect(clientFromRequest('203.0.113.9', '10.0.0.1', 0)).toBe('203.0.113.9');
    expect(clientFromRequest('203.0.113.9', ['10.0.0.1, 10.0.0.2'], 0)).toBe('203.0.113.9');
  });

  it('with N trusted hops, the address N from the right of X-Forwarded-For; the client-written left part is ignored', () => {
    expect(clientFromRequest('10.9.9.9', 'forged-by-client, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientFromRequest('10.9.9.9', '1.1.1.1, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    // Too short: the trusted proxy's own entry names a public client, which is not a proxy: that is the client.
    expect(clientFromRequest('10.9.9.9', '198.51.100.7', 2)).toBe('198.51.100.7');
    expect(clientFromRequest('10.9.9.9', undefined, 1)).toBe('10.9.9.9');
  });

  it('believes X-Forwarded-For only from a trusted proxy: a client that reaches the app directly cannot name its address', () => {
    // A public peer is the client, whatever it writes.
    expect(clientFromRequest('203.0.113.9', '6.6.6.6', 1)).toBe('203.0.113.9');
    // Two hops, but the request skipped the outer proxy: the inner one saw the attacker, whose own entry is ignored.
    expect(clientFromRequest('10.0.0.5', '6.6.6.6, 203.0.113.50', 2)).toBe('203.0.113.50');
    // TRUSTED_PROXIES names the proxies when they are not on a private network.
    const cdn = trustedProxyList('198.51.100.0/24, 192.0.2.10');
    expect(clientFromRequest('192.0.2.10', '6.6.6.6, 203.0.113.7, 198.51.100.20', 2, cdn)).toBe('203.0.113.7');
    expect(clientFromRequest('10.0.0.5', '6.6.6.6', 1, cdn)).toBe('10.0.0.5');
    expect(() => trustedProxyList('not-a-range')).toThrow(/TRUSTED_PROXIES/);
  });

  it('keys an IPv6 client by its /64, so one household cannot mint fresh buckets', () => {
    expect(clientFromRequest('2001:db8:1:2::1', undefined, 0)).toBe('2001:db8:1:2::/64');
    expect(clientFromRequest('2001:db8:1:2:ffff:ffff:ffff:ffff', undefined, 0)).toBe('2001:db8:1:2::/64');
    expect(clientFromRequest('2001:db8:1:3::1', undefined, 0)).toBe('2001:db8:1:3::/64');
    expect(clientKeyOf('::1')).toBe('::1');
    expect(clientKeyOf('198.51.100.7')).toBe('198.51.100.7');
  });

  it('bounds and canonicalises the key', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(normaliseAddress('[2001:db8::1]')).toBe('2001:db8::1');
    expect(normaliseAddress('198.51.100.7:4711')).toBe('198.51.100.7');
    expect(normaliseAddress('x'.repeat(5000))).toBe(UNKNOWN_CLIENT);
    expect(normaliseAddress('not an address')).toBe(UNKNOWN_CLIENT);
    expect(clientFromRequest('10.9.9.9', `${'a'.repeat(10_000)}`, 1)).toBe(UNKNOWN_CLIENT);
  });

  it('knows loopback host names', () => {
    for (const h of ['localhost', '127.0.0.1', '::1', '[::1]', '127.3.2.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '127.0.0.1.nip.io']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('server action guard', () => {
  const origins = new Set(['https://tickets.example.org']);
  const post = (headers: Record<string, string>, url = '/signin') => ({ method: 'POST', url, headers });
  const multipart = 'multipart/form-data; boundary=----x';

  it('refuses a missing, null or foreign Origin with 403', () => {
    expect(refuseServerAction(post({ 'content-type': multipart }), origins)?.status).toBe(403);
    expect(refuseServerAction(post({ origin: 'null', 'content-type': multipart }), origins)?.status).toBe(403);
    expect(refuseServerAction(post({ origin: 'https://evil.example', 'content-type': multipart }), origins)?.status).toBe(403);
  });

  it('refuses a malformed action with 400 and lets a well-formed one through', () => {
    const origin = 'https://tickets.example.org';
    expect(refuseServerAction(post({ origin, 'next-action': 'zz<script>', 'content-type': multipart }), origins)?.status).toBe(400);
    expect(refuseServerAction(post({ origin, 'next-action': 'ab12', 'content-type': 'application/json' }), origins)?.status).toBe(400);
    // An action that uses no arguments (sign-out) is sent as text.
    expect(refuseServerAction(post({ origin, 'next-action': 'ab12', 'content-type': 'text/plain;charset=UTF-8' }), origins)).toBeNull();
    expect(refuseServerAction(post({ origin, 'content-type': 'application/json' }), origins)?.status).toBe(400);
    expect(refuseServerAction(post({ origin, 'next-action': 'ab12', 'content-type': multipart }), origins)).toBeNull();
    expect(refuseServerAction(post({ origin, 'content-type': multipart }), origins)).toBeNull();
  });
});

describe('cross-site guard for the API (and any other state-changing request that is not a server action)', () => {
  const origins = new Set(['https://tickets.example.org']);
  const req = (method: string, url: string, origin?: string) => ({ method, url, headers: origin === undefined ? {} : { origin } });

  it('refuses a state-changing request with a foreign or null Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(refuseCrossSiteRequest(req(method, '/api/v1/screenings/x/holds', 'https://evil.example'), origins), method).toBe(true);
    }
    expect(refuseCrossSiteRequest(req('POST', '/api/v1/screenings/x/holds', 'null'), origins)).toBe(true);
    // Dot segments cannot dress a route up as an exempt one.
    expect(refuseCrossSiteRequest(req('POST', '/api/stripe/../v1/screenings/x/holds', 'https://evil.example'), origins)).toBe(true);
    expect(refuseCrossSiteRequest(req('POST', '/api/auth/%2e%2e/v1/orders', 'https://evil.example'), origins)).toBe(true);
    // Only the webhook itself is exempt under /api/stripe/.
    expect(refuseCrossSiteRequest(req('POST', '/api/stripe/other', 'https://evil.example'), origins)).toBe(true);
  });

  it('refuses, and never throws on, a target the URL parser cannot read (it would leave the connection hanging)', () => {
    for (const url of ['http://a:99999/x', 'http://%zz/x', 'http://[/x']) {
      expect(() => refuseCrossSiteRequest(req('DELETE', url, 'https://evil.example'), origins), url).not.toThrow();
      expect(refuseCrossSiteRequest(req('DELETE', url, 'https://evil.example'), origins), url).toBe(true);
    }
  });

  it('lets through reads, its own origin, clients that send no Origin, and the exempt routes', () => {
    expect(refuseCrossSiteRequest(req('GET', '/api/v1/screenings', 'https://evil.example'), origins)).toBe(false);
    expect(refuseCrossSiteRequest(req('POST', '/api/v1/screenings/x/holds', 'https://tickets.example.org'), origins)).toBe(false);
    expect(refuseCrossSiteRequest(req('POST', '/api/v1/screenings/x/holds'), origins)).toBe(false);
    expect(refuseCrossSiteRequest(req('POST', '/api/stripe/webhook', 'https://evil.example'), origins)).toBe(false);
    expect(refuseCrossSiteRequest(req('POST', '/api/auth/signin/email?x=1', 'https://evil.example'), origins)).toBe(false);
  });
});
