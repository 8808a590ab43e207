import type { NextRequest } from 'next/server';
import { clientAddress } from '@/platform/server/client-identity';

export { clientAddress };

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
