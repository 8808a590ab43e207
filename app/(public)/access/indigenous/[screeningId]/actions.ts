'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { claimIndigenousTickets, IndigenousClaimRequest, joinWaitlist, WaitlistRequest } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { describeIndigenousFailure } from '@/web/api/failures';
import { requireUser } from '@/web/auth/guards';
import { isUuid } from '@/lib/ids';

function back(path: string, message: string): never {
  redirect(`${path}?error=${encodeURIComponent(message)}`);
}

/** The claim form → free tickets, confirmed at once → the order page with the tickets. */
export async function claimIndigenousAction(screeningId: string, form: FormData): Promise<void> {
  if (!isUuid(screeningId)) redirect('/access/indigenous');
  const path = `/access/indigenous/${screeningId}`;
  const user = await requireUser();
  const mode = form.get('mode') === 'map' ? 'map' : 'best';
  const seats = mode === 'map' ? form.getAll('seats').map(String) : [];
  const parsed = IndigenousClaimRequest.safeParse({
    quantity: form.get('quantity'),
    seats: seats.length ? seats : undefined,
    selfIdentified: form.get('selfIdentified') === 'yes',
  });
  if (!parsed.success) back(path, parsed.error.issues.map((i) => i.message).join('; '));
  if (mode === 'map' && seats.length === 0) back(path, 'Choose your seats on the map, or pick “Best available”.');
  const result = await claimIndigenousTickets(
    getDb(),
    user,
    { screeningId, quantity: parsed.data.quantity, seatIds: parsed.data.seats, selfIdentified: true },
    getOrderSettings(),
  );
  if (!result.ok) back(path, describeIndigenousFailure(result).message);
  redirect(`/orders/${result.orderId}`);
}

/** "Tell me if places come back". */
export async function joinWaitlistAction(screeningId: string, form: FormData): Promise<void> {
  if (!isUuid(screeningId)) redirect('/access/indigenous');
  const path = `/access/indigenous/${screeningId}`;
  const user = await requireUser();
  const parsed = WaitlistRequest.safeParse({ quantity: form.get('quantity') });
  if (!parsed.success) back(path, parsed.error.issues.map((i) => i.message).join('; '));
  const result = await joinWaitlist(getDb(), user, { screeningId, quantity: parsed.data.quantity });
  if (!result.ok) back(path, describeIndigenousFailure(result).message);
  redirect(`${path}?waiting=1`);
}
