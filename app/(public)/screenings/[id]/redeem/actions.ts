'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { AccessCodeRedemption, redeemAccessCode } from '@/domain/partners/access-codes';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describePartnerFailure } from '@/web/api/failures';
import { actionClientKey, backWith } from '@/web/partners/respond';
import { isUuid } from '@/lib/ids';

/** Redemption attempts per client per minute: a person mistyping is fine; guessing 50-bit codes is hopeless. */
const REDEMPTIONS_PER_MINUTE = 10;

/** Anyone with a code: one free ticket at this screening, no account. The code is the authority. */
export async function redeemAccessCodeAction(screeningId: string, form: FormData): Promise<void> {
  if (!isUuid(screeningId)) redirect('/');
  const path = `/screenings/${screeningId}/redeem`;
  const parsed = AccessCodeRedemption.safeParse({ code: form.get('code') ?? '', screeningId, name: form.get('name') ?? '', email: form.get('email') ?? '' });
  if (!parsed.success) backWith(path, { error: parsed.error.issues.map((i) => i.message).join(' ') });
  const limit = await hitRateLimit(getDb(), `access-code:${await actionClientKey()}`, REDEMPTIONS_PER_MINUTE);
  if (!limit.ok) backWith(path, { error: describePartnerFailure(limit).message });
  const result = await redeemAccessCode(getDb(), parsed.data, getOrderSettings());
  if (!result.ok) backWith(path, { error: describePartnerFailure(result).message });
  backWith(path, { ticket: result.ticketCode });
}
