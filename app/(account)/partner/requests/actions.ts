'use server';

import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { withdrawDonationRequest } from '@/domain/donation-requests/requests';
import { describeRequestFailure } from '@/web/api/failures';
import { requirePermission } from '@/web/auth/guards';

function back(message: string): never {
  redirect(`/partner/requests?error=${encodeURIComponent(message)}`);
}

/** The partner takes back a request staff have not decided yet. Another organisation's request is "not found". */
export async function withdrawDonationRequestAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const result = await withdrawDonationRequest(getDb(), partner, String(form.get('requestId') ?? ''));
  if (!result.ok && result.reason === 'not_found') notFound();
  if (!result.ok) back(describeRequestFailure(result).message);
  redirect('/partner/requests?withdrawn=1');
}
