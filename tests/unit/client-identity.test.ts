import { describe, expect, it } from 'vitest';
import { clientFromRequest, isLoopbackHost, normaliseAddress, UNKNOWN_CLIENT } from '@/platform/server/client-identity';
import { refuseServerAction } from '../../scripts/lib/http-server';

describe('client identity (scripts/lib/http-server.ts)', () => {
  it('with no trusted proxy, the socket is the client whatever X-Forwarded-For says', () => {
    expect(clientFromRequest('203.0.113.9', '10.0.0.1', 0)).toBe('203.0.113.9');
    expect(clientFromRequest('203.0.113.9', ['10.0.0.1, 10.0.0.2'], 0)).toBe('203.0.113.9');
  });

  it('with N trusted hops, the address N from the right of X-Forwarded-For; the client-written left part is ignored', () => {
    expect(clientFromRequest('10.9.9.9', 'forged-by-client, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientFromRequest('10.9.9.9', '1.1.1.1, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    // Too short: the socket, never a client-written entry.
    expect(clientFromRequest('10.9.9.9', '198.51.100.7', 2)).toBe('10.9.9.9');
    expect(clientFromRequest('10.9.9.9', undefined, 1)).toBe('10.9.9.9');
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
