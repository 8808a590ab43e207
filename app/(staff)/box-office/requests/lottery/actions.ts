'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { runFairAllocation } from '@/domain/donation-requests/fair-allocation';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describeRequestFailure } from '@/web/api/failures';
import { requirePermission } from '@/web/auth/guards';

/**
 * Staff run the fair allocation of one screening's Donated places. The seed is always the server's random one: a seed
 * staff could type could be tried offline until it favoured someone (runLottery is public), and no re-run would show it.
 */
export async function runFairAllocationAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const result = await runFairAllocation(getDb(), staff, { screeningId: String(form.get('screeningId') ?? '') }, getOrderSettings());
  if (!result.ok) redirect(`/box-office/requests/lottery?error=${encodeURIComponent(describeRequestFailure(result).message)}`);
  redirect(`/box-office/requests/lottery?ran=${result.allocationId}#run-${result.allocationId}`);
}
