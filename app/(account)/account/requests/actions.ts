'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cancelIndigenousClaim, leaveWaitlist } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describeIndigenousFailure } from '@/web/api/failures';
import { requireUser } from '@/web/auth/guards';

const Cancel = z.object({ orderId: z.guid(), ticketId: z.guid().optional() });
const Leave = z.object({ entryId: z.guid() });

/** Cancels one's own Indigenous Access tickets (the whole claim, or one ticket): the places go back for someone else. */
export async function cancelIndigenousClaimAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = Cancel.safeParse({ orderId: form.get('orderId'), ticketId: form.get('ticketId') || undefined });
  if (!parsed.success) notFound();
  const result = await cancelIndigenousClaim(getDb(), user, parsed.data.orderId, getOrderSettings(), parsed.data.ticketId ? [parsed.data.ticketId] : undefined);
  // Someone else's claim looks exactly like a missing one.
  if (!result.ok && result.reason === 'order_not_found') notFound();
  if (!result.ok) redirect(`/account/requests?error=${encodeURIComponent(describeIndigenousFailure(result).message)}`);
  redirect(`/account/requests?cancelled=${result.voided}`);
}

/** Leaves a waiting list (an open offer's places go to the next person). */
export async function leaveWaitlistAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = Leave.safeParse({ entryId: form.get('entryId') });
  if (!parsed.success) notFound();
  const result = await leaveWaitlist(getDb(), user, { entryId: parsed.data.entryId }, getOrderSettings());
  if (!result.ok) notFound();
  redirect('/account/requests?left=1');
}
