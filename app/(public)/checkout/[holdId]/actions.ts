'use server';

import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { holdCookieName, orderCookieName } from '@/web/api/client';
import { Buyer } from '@/web/api/schemas';
import { describeFailure } from '@/web/api/failures';
import { releaseHoldAnywhere, startCheckout } from '@/domain/payments/checkout';
import { getCurrentUser } from '@/web/auth/guards';
import { getEnv } from '@/platform/env';
import { isUuid } from '@/lib/ids';
import { GiftInput } from '@/domain/access-fund/donations';


function back(path: string, message: string): never {
  redirect(`${path}?error=${encodeURIComponent(message)}`);
}

/** Buyer details → Stripe Checkout. */
export async function checkoutAction(holdId: string, form: FormData): Promise<void> {
  if (!isUuid(holdId)) redirect('/');
  const path = `/checkout/${holdId}`;
  const parsed = Buyer.safeParse({ name: form.get('name'), email: form.get('email') });
  if (!parsed.success) back(path, parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  // The optional gift to the access fund: empty fields are none; out of bounds is told, not guessed at.
  const gift = GiftInput.safeParse({ tickets: form.get('giftTickets'), dollars: form.get('giftDollars') });
  if (!gift.success) back(path, gift.error.issues.map((i) => i.message).join('; '));
  const token = (await cookies()).get(holdCookieName(holdId))?.value ?? null;
  // Guest checkout stays possible; a signed-in buyer's order is also linked to the account.
  const user = await getCurrentUser();
  const result = await startCheckout(holdId, token, { ...parsed.data, userId: user?.id ?? null }, gift.data);
  // Someone else's hold looks exactly like a missing one, as on the checkout page.
  if (!result.ok && (result.reason === 'not_found' || result.reason === 'forbidden')) notFound();
  if (!result.ok) back(path, describeFailure(result).message);
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
  if (!result.ok) back(`/checkout/${holdId}`, describeFailure(result).message);
  redirect(`/screenings/${screeningId}?released=1`);
}
