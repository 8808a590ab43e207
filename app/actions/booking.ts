'use server';

import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { HoldRequest, holdSeats } from '@/domain/booking/holds';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { clientAddress, holdCookieName, orderCookieName } from '@/web/api/client';
import { Buyer } from '@/web/api/schemas';
import { releaseHoldAnywhere, startCheckout } from '@/domain/payments/checkout';
import { getCurrentUser } from '@/web/auth/guards';
import { getEnv } from '@/platform/env';
import { isUuid } from '@/lib/ids';


function back(path: string, message: string): never {
  redirect(`${path}?error=${encodeURIComponent(message)}`);
}

async function clientKey(): Promise<string> {
  return `ip:${clientAddress(await headers())}`;
}

/** Book form → hold. Anyone may hold places (guest checkout); the hold token in a cookie makes it theirs. */
export async function holdSeatsAction(screeningId: string, form: FormData): Promise<void> {
  if (!isUuid(screeningId)) redirect('/');
  const bookPath = `/screenings/${screeningId}/book`;
  const items = [...form.entries()]
    .filter(([k]) => k.startsWith('qty_'))
    .map(([k, v]) => ({ ticketType: k.slice(4), quantity: Number(v) }));
  const mode = form.get('mode') === 'map' ? 'map' : 'best';
  const seats = mode === 'map' ? form.getAll('seats').map(String) : undefined;
  const parsed = HoldRequest.safeParse({ items, seats: seats && seats.length ? seats : undefined });
  if (!parsed.success) back(bookPath, 'Please choose how many tickets you want.');
  if (mode === 'map' && !seats?.length) back(bookPath, 'Choose your seats on the map, or pick “Best available”.');

  const env = getEnv();
  const key = await clientKey();
  const limit = await hitRateLimit(getDb(), `holds:${key}`, env.HOLD_RATE_LIMIT_PER_MINUTE);
  if (!limit.allowed) back(bookPath, `Too many attempts. Please wait ${limit.retryAfterSeconds} seconds.`);

  const result = await holdSeats(getDb(), screeningId, parsed.data, key, { holdMinutes: env.HOLD_MINUTES, maxPerOrder: env.MAX_TICKETS_PER_ORDER });
  if (!result.ok) back(bookPath, result.message);
  (await cookies()).set(holdCookieName(result.holdId), result.holdToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.PUBLIC_BASE_URL.startsWith('https:'),
    path: '/',
    maxAge: Math.ceil(env.HOLD_MINUTES * 60) + 3600,
  });
  redirect(`/checkout/${result.holdId}`);
}

/** Buyer details → Stripe Checkout. */
export async function checkoutAction(holdId: string, form: FormData): Promise<void> {
  if (!isUuid(holdId)) redirect('/');
  const path = `/checkout/${holdId}`;
  const parsed = Buyer.safeParse({ name: form.get('name'), email: form.get('email') });
  if (!parsed.success) back(path, parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  const token = (await cookies()).get(holdCookieName(holdId))?.value ?? null;
  // Guest checkout stays possible; a signed-in buyer's order is also linked to the account.
  const user = await getCurrentUser();
  const result = await startCheckout(holdId, token, { ...parsed.data, userId: user?.id ?? null });
  // Someone else's hold looks exactly like a missing one, as on the checkout page.
  if (!result.ok && (result.reason === 'not_found' || result.reason === 'forbidden')) notFound();
  if (!result.ok) {
    const messages = {
      not_found: 'This hold does not exist.',
      forbidden: 'This hold belongs to another browser.',
      hold_expired: 'Your hold expired and the seats were released. Please choose again.',
      hold_ended: 'This hold has ended.',
      payment_unavailable: 'The payment service did not answer. Your seats are still held: please try again.',
    } as const;
    back(path, messages[result.reason]);
  }
  (await cookies()).set(orderCookieName(result.orderId), result.orderToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().PUBLIC_BASE_URL.startsWith('https:'),
    path: '/',
    maxAge: 60 * 60 * 24 * 90,
  });
  redirect(result.checkoutUrl);
}

export async function releaseHoldAction(holdId: string, screeningId: string): Promise<void> {
  if (!isUuid(holdId) || !isUuid(screeningId)) redirect('/');
  const token = (await cookies()).get(holdCookieName(holdId))?.value ?? null;
  const result = await releaseHoldAnywhere(holdId, token);
  if (!result.ok && result.reason !== 'payment_pending') notFound();
  if (!result.ok && result.reason === 'payment_pending') back(`/checkout/${holdId}`, 'Your payment is still being processed, so the seats cannot be released yet.');
  redirect(`/screenings/${screeningId}?released=1`);
}
