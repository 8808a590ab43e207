import type { NextRequest } from 'next/server';

/** Who is asking, for rate limits: the first forwarded address, else the connection's. */
export function clientKey(request: NextRequest): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return `ip:${forwarded || request.headers.get('x-real-ip') || 'local'}`;
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
