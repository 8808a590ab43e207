'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { approveDonationRequest, declineDonationRequest } from '@/domain/donation-requests/requests';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describeRequestFailure } from '@/web/api/failures';
import { requirePermission } from '@/web/auth/guards';

function back(message: string, requestId?: string): never {
  redirect(`/box-office/requests?error=${encodeURIComponent(message)}${requestId ? `#request-${encodeURIComponent(requestId)}` : ''}`);
}

const all = (form: FormData, name: string) => form.getAll(name).map((v) => (typeof v === 'string' ? v : ''));

/**
 * Staff issue tickets for a request: the form has one row per screening (screeningId, quantity, source, in the same
 * order); rows left at 0 are not granted.
 */
export async function approveDonationRequestAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const requestId = String(form.get('requestId') ?? '');
  const ids = all(form, 'screeningId');
  const quantities = all(form, 'quantity');
  const sources = all(form, 'source');
  const grants = ids
    .map((screeningId, i) => ({ screeningId, quantity: quantities[i] ?? '0', source: sources[i] ?? 'donated' }))
    .filter((g) => g.quantity.trim() !== '' && g.quantity.trim() !== '0')
    .map((g) => ({ screeningId: g.screeningId, quantity: Number(g.quantity), source: g.source === 'general' ? ('general' as const) : ('donated' as const) }));
  if (grants.length === 0) back('Enter how many tickets to issue for at least one screening.', requestId);
  const message = form.get('message');
  const drawnWith = form.get('expectedIssued');
  const expected = typeof drawnWith === 'string' && drawnWith.trim() !== '' ? Number(drawnWith) : Number.NaN;
  const result = await approveDonationRequest(
    getDb(),
    staff,
    { requestId, grants, message: typeof message === 'string' ? message : undefined, expectedIssued: Number.isInteger(expected) ? expected : undefined },
    getOrderSettings(),
  );
  if (!result.ok) back(describeRequestFailure(result).message, requestId);
  redirect(`/box-office/requests?approved=${result.issued}&status=${result.status}`);
}

/** Staff decline a request with a reason the partner reads. */
export async function declineDonationRequestAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const requestId = String(form.get('requestId') ?? '');
  const result = await declineDonationRequest(getDb(), staff, { requestId, reason: String(form.get('reason') ?? '') }, getOrderSettings());
  if (!result.ok) back(describeRequestFailure(result).message, requestId);
  redirect('/box-office/requests?declined=1');
}
