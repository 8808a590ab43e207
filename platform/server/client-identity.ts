import { BlockList, isIP } from 'node:net';

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

/** Loopback and private ranges: where a reverse proxy in front of the app normally sits. */
const PRIVATE_RANGES: [string, number, 'ipv4' | 'ipv6'][] = [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
];

/**
 * Which peers are proxies whose X-Forwarded-For is believed: the given
 * addresses or CIDR ranges (TRUSTED_PROXIES), or by default loopback and the
 * private ranges. A client that reaches the app port directly from anywhere
 * else is never trusted, whatever X-Forwarded-For it writes.
 */
export function trustedProxyList(spec: string | undefined): (address: string) => boolean {
  const list = new BlockList();
  const entries = spec?.trim() ? spec.split(',').map((e) => e.trim()).filter(Boolean) : null;
  if (!entries) for (const [net, prefix, type] of PRIVATE_RANGES) list.addSubnet(net, prefix, type);
  for (const entry of entries ?? []) {
    const [net, prefix] = entry.split('/');
    const type = isIP(net ?? '') === 6 ? 'ipv6' : isIP(net ?? '') === 4 ? 'ipv4' : null;
    if (!type) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(net!, type);
    else list.addSubnet(net!, Number(prefix), type);
  }
  return (address) => {
    const type = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    return type !== null && list.check(address, type);
  };
}

const defaultTrusted = trustedProxyList(undefined);

/**
 * The key rate limits and lockout count against. An IPv6 client owns at least
 * a /64, so keying single addresses would hand it 2^64 fresh buckets: IPv6 is
 * keyed by its /64 (loopback stays itself).
 */
export function clientKeyOf(address: string): string {
  if (isIP(address) !== 6 || address === '::1') return address;
  const groups = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const full = expandIpv6(groups);
  return `${canonicalIpv6(`${full.slice(0, 4).join(':')}::`)}/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

/**
 * The client for one request. Starting from the socket's peer, each of up to
 * N trusted hops (TRUSTED_PROXY_HOPS) steps one entry left in X-Forwarded-For,
 * but only while the current peer is itself a trusted proxy: an untrusted
 * peer is the client, so a request that reaches the app (or an inner proxy)
 * directly cannot name its own address. Entries further left were written by
 * the client and are never read.
 */
export function clientFromRequest(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
  isTrustedProxy: (address: string) => boolean = defaultTrusted,
): string {
  let current = normaliseAddress(socketAddress);
  if (trustedHops > 0 && forwardedFor !== undefined) {
    const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    for (let hop = 1; hop <= trustedHops && isTrustedProxy(current); hop++) {
      const next = entries[entries.length - hop];
      if (next === undefined) break;
      current = normaliseAddress(next);
    }
  }
  return current === UNKNOWN_CLIENT ? current : clientKeyOf(current);
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
  const value = headers.get(CLIENT_HEADER) ?? '';
  // The server wrote an address or an IPv6 /64 key; anything else is not ours.
  const prefix = value.endsWith('/64') ? value.slice(0, -3) : null;
  if (prefix !== null) return isIP(prefix) === 6 ? value : UNKNOWN_CLIENT;
  return normaliseAddress(value);
}
