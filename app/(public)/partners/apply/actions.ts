'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { applyAsPartner, PartnerApplication } from '@/domain/partners/organisations';
import { describePartnerFailure } from '@/web/api/failures';
import { actionClientKey, backWith } from '@/web/partners/respond';

/** Applications per client per hour: enough for an office sharing one address, too few to flood the staff queue. */
const APPLICATIONS_PER_HOUR = 5;

/** The public application form: anyone may apply; staff verify before the organisation receives anything. */
export async function applyAsPartnerAction(form: FormData): Promise<void> {
  const parsed = PartnerApplication.safeParse({
    name: form.get('name') ?? '',
    serves: form.get('serves') ?? '',
    website: form.get('website') ?? '',
    contactName: form.get('contactName') ?? '',
    contactEmail: form.get('contactEmail') ?? '',
  });
  if (!parsed.success) backWith('/partners/apply', { error: parsed.error.issues.map((i) => i.message).join(' ') });
  const limit = await hitRateLimit(getDb(), `partner-apply:${await actionClientKey()}`, APPLICATIONS_PER_HOUR, 3600);
  if (!limit.ok) backWith('/partners/apply', { error: describePartnerFailure(limit).message });
  await applyAsPartner(getDb(), parsed.data);
  redirect('/partners/apply?done=applied');
}
