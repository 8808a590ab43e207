'use server';

import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { claimIndigenousOffer } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describeIndigenousFailure } from '@/web/api/failures';
import { requireUser } from '@/web/auth/guards';
import { isUuid } from '@/lib/ids';

/** The offer's "Claim" button: the person it was made to, with the link's token, while it lasts. */
export async function claimOfferAction(entryId: string, form: FormData): Promise<void> {
  if (!isUuid(entryId)) notFound();
  const user = await requireUser();
  const token = String(form.get('token') ?? '');
  const result = await claimIndigenousOffer(getDb(), user, entryId, token, getOrderSettings());
  // Someone else's offer, or a wrong token, looks like a missing one.
  if (!result.ok && result.reason === 'offer_not_found') notFound();
  if (!result.ok) redirect(`/access/indigenous/offers/${entryId}?token=${encodeURIComponent(token)}&error=${encodeURIComponent(describeIndigenousFailure(result).message)}`);
  redirect(`/orders/${result.orderId}`);
}
