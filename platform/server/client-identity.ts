import { isIP } from 'node:net';

/**
 * Who the client is, decided by Marquee's own HTTP server (scripts/lib/http-server.ts)
 * from the socket, never from a header the client writes. The server deletes
 * any incoming `x-marquee-client` and sets its own; the app reads only that
 * header, and only when that server runs in this process (the marker below),
 * because under a bare `next start` every header is client-written.
 */
export const CLIENT_HEADER = 'x-marquee-client';

/** One key for every request when the client cannot be known (a bare `next start`). */
export const UNKNOWN_CLIENT = 'unknown';

const MAX_KEY_LENGTH = 64;
const SERVER_MARKER = Symbol.for('marquee.http-server');

interface ServerMarker {
  mode: 'local' | 'production';
}

type MarkedGlobal = typeof globalThis & { [SERVER_MARKER]?: ServerMarker };

export function markServerRunning(marker: ServerMarker): void {
  (globalThis as MarkedGlobal)[SERVER_MARKER] = marker;
}

export function runningServer(): ServerMarker | undefined {
  return (globalThis as MarkedGlobal)[SERVER_MARKER];
}

/**
 * A bounded, canonical form of an address: IPv4-mapped IPv6 becomes IPv4,
 * IPv6 is lower-cased and zone-less; anything that is not an IP address (a
 * proxy that wrote garbage) becomes the unknown key rather than a new bucket.
 */
export function normaliseAddress(value: string | undefined | null): string {
  let address = (value ?? '').trim();
  if (address.startsWith('[')) address = address.slice(1, address.indexOf(']') > 0 ? address.indexOf(']') : undefined);
  // "1.2.3.4:5678" from proxies that append the port.
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.replace(/%.*$/, '').toLowerCase();
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  if (!isIP(address) || address.length > MAX_KEY_LENGTH) return UNKNOWN_CLIENT;
  if (isIP(address) === 6) address = canonicalIpv6(address);
  return address;
}

/** Expands and re-compresses so that one address has one spelling (2001:DB8::1 = 2001:db8:0::1). */
function canonicalIpv6(address: string): string {
  const url = new URL(`http://[${address}]/`);
  return url.hostname.slice(1, -1);
}

/**
 * The client address for one request: the socket's peer, or with N trusted
 * proxy hops the address N positions from the right of X-Forwarded-For (the
 * one the outermost trusted proxy saw). Entries left of that were written by
 * the client and are ignored. Too short a header falls back to the socket.
 */
export function clientFromRequest(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  if (trustedHops > 0 && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const chosen = entries[entries.length - trustedHops];
    if (chosen !== undefined) return normaliseAddress(chosen);
  }
  return normaliseAddress(socketAddress);
}

export function isLoopbackAddress(address: string): boolean {
  const a = normaliseAddress(address);
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** A host name or address that only ever reaches this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || isLoopbackAddress(h);
}

/**
 * Who is asking, for rate limits and lockout: the address Marquee's own HTTP
 * server took from the socket (or from the configured trusted proxies) and
 * wrote into its own header, after deleting any the client sent. Under a
 * bare `next start` nothing tells a forged header from a real one, so every
 * request shares one key: stricter, never bypassable.
 */
export function clientAddress(headers: Headers): string {
  if (!runningServer()) return UNKNOWN_CLIENT;
  return normaliseAddress(headers.get(CLIENT_HEADER));
}
