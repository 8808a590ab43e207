'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { DonationRequestInput, submitDonationRequest } from '@/domain/donation-requests/requests';
import { describeRequestFailure } from '@/web/api/failures';
import { requirePermission } from '@/web/auth/guards';

function back(message: string): never {
  redirect(`/partner/requests/new?error=${encodeURIComponent(message)}`);
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** A partner asks for donated tickets: the chosen screenings (checkboxes) or a range of days. */
export async function submitDonationRequestAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const parsed = DonationRequestInput.safeParse({
    screeningIds: form.getAll('screeningId').filter((v): v is string => typeof v === 'string'),
    fromDate: text(form, 'fromDate'),
    toDate: text(form, 'toDate'),
    quantity: text(form, 'quantity'),
    audience: text(form, 'audience') ?? '',
    accessibilityNeeds: text(form, 'accessibilityNeeds') ?? '',
    contactName: text(form, 'contactName') ?? '',
    contactEmail: text(form, 'contactEmail') ?? '',
    contactPhone: text(form, 'contactPhone'),
  });
  if (!parsed.success) back(parsed.error.issues.map((i) => i.message).join('; '));
  const festival = await requireCurrentFestival();
  const result = await submitDonationRequest(getDb(), partner, festival.id, parsed.data);
  if (!result.ok) back(describeRequestFailure(result).message);
  redirect('/partner/requests?submitted=1');
}
