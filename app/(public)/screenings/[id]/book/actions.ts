'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { HoldRequest, holdSeatsWithinRateLimit } from '@/domain/booking/holds';
import { clientAddress, holdCookieName } from '@/web/api/client';
import { describeFailure } from '@/web/api/failures';
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
  // The request counts against the rate limit in the hold's own round trip.
  const rateLimit = { key: `holds:${key}`, limit: env.HOLD_RATE_LIMIT_PER_MINUTE };
  const result = await holdSeatsWithinRateLimit(getDb(), screeningId, parsed.data, key, { holdMinutes: env.HOLD_MINUTES, maxPerOrder: env.MAX_TICKETS_PER_ORDER }, rateLimit);
  if (!result.ok) back(bookPath, describeFailure(result).message);
  (await cookies()).set(holdCookieName(result.holdId), result.holdToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.PUBLIC_BASE_URL.startsWith('https:'),
    path: '/',
    maxAge: Math.ceil(env.HOLD_MINUTES * 60) + 3600,
  });
  redirect(`/checkout/${result.holdId}`);
}

