import type { NextRequest } from 'next/server';
import { CLIENT_HEADER, UNKNOWN_CLIENT, normaliseAddress, runningServer } from '@/platform/server/client-identity';

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

export function clientKey(request: NextRequest): string {
  return `ip:${clientAddress(request.headers)}`;
}

export const holdCookieName = (holdId: string) => `marquee_hold_${holdId}`;
export const orderCookieName = (orderId: string) => `marquee_order_${orderId}`;

export function holdTokenFrom(request: NextRequest, holdId: string): string | null {
  return request.headers.get('x-hold-token') ?? request.cookies.get(holdCookieName(holdId))?.value ?? null;
}

export function orderTokenFrom(request: NextRequest, orderId: string): string | null {
  return (
    request.headers.get('x-order-token') ?? request.nextUrl.searchParams.get('token') ?? request.cookies.get(orderCookieName(orderId))?.value ?? null
  );
}
