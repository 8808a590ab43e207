'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { GiftInput } from '@/domain/access-fund/donations';
import { startDonationCheckout } from '@/domain/access-fund/donation-checkout';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { clientAddress } from '@/web/api/client';
import { describeFailure } from '@/web/api/failures';
import { Buyer } from '@/web/api/schemas';

function back(message: string): never {
  redirect(`/donate?error=${encodeURIComponent(message)}`);
}

/** Each start makes a Stripe session: a person gives a few times at most, a script must not make thousands. */
const DONATIONS_PER_WINDOW = 20;
const WINDOW_SECONDS = 600;

/** The donation page → a Stripe Checkout Session for the gift. Anyone may give, signed in or not. */
export async function donateAction(form: FormData): Promise<void> {
  const donor = Buyer.safeParse({ name: form.get('name'), email: form.get('email') });
  if (!donor.success) back(donor.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  const gift = GiftInput.safeParse({ tickets: form.get('giftTickets'), dollars: form.get('giftDollars') });
  if (!gift.success) back(gift.error.issues.map((i) => i.message).join('; '));
  const limit = await hitRateLimit(getDb(), `donations:ip:${clientAddress(await headers())}`, DONATIONS_PER_WINDOW, WINDOW_SECONDS);
  if (!limit.ok) back(describeFailure(limit).message);
  const festival = await requireCurrentFestival();
  const result = await startDonationCheckout(festival.id, gift.data, donor.data);
  if (!result.ok) back(describeFailure(result).message);
  redirect(result.checkoutUrl);
}
