'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { setAllocationsInBulk, updateSchemeSettings } from '@/domain/access/allocations';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { accessSchemes, failureQuery, optionalWhole, percentToBasisPoints } from '@/web/access/allocation-forms';
import { requirePermission } from '@/web/auth/guards';

const BASE = '/box-office/allocations';

const Defaults = z.object({
  scheme: z.enum(accessSchemes),
  share: percentToBasisPoints,
  releaseHoursBefore: z.coerce.number(),
  perScreeningLimit: optionalWhole,
  perFestivalLimit: optionalWhole,
  offerMinutes: z.coerce.number(),
});

/** The festival's defaults for one scheme. The festival is the site's own, never a form field. */
export async function updateDefaultsAction(form: FormData): Promise<void> {
  const parsed = Defaults.safeParse(Object.fromEntries(form));
  const actor = await requirePermission('allocations.manage');
  if (!parsed.success) redirect(`${BASE}?error=invalid_input#defaults`);
  const festival = await requireCurrentFestival();
  const { share, scheme, ...rest } = parsed.data;
  const result = await updateSchemeSettings(getDb(), actor, { festivalId: festival.id, scheme, defaultShareBasisPoints: share, ...rest });
  if (!result.ok) redirect(`${BASE}?error=${result.reason}#defaults`);
  revalidatePath(BASE);
  redirect(`${BASE}?done=defaults&scheme=${scheme}#defaults`);
}

const Bulk = z.object({
  screeningIds: z.array(z.guid()).min(1).max(200),
  scheme: z.enum(accessSchemes),
  mode: z.enum(['places', 'percent']),
  value: z.string().trim().min(1),
  reason: z.string(),
});

/** One scheme at the chosen screenings, by number of places or share of each house, all or nothing. */
export async function bulkAllocationAction(form: FormData): Promise<void> {
  const parsed = Bulk.safeParse({
    screeningIds: form.getAll('screeningIds'),
    scheme: form.get('scheme'),
    mode: form.get('mode'),
    value: form.get('value'),
    reason: form.get('reason') ?? '',
  });
  const actor = await requirePermission('allocations.manage');
  if (!parsed.success) redirect(`${BASE}?error=bulk_input#bulk`);
  const { mode, value, ...rest } = parsed.data;
  const amount = mode === 'percent' ? percentToBasisPoints.safeParse(value) : z.coerce.number().int().min(0).safeParse(value);
  if (!amount.success) redirect(`${BASE}?error=bulk_input#bulk`);
  const festival = await requireCurrentFestival();
  const result = await setAllocationsInBulk(getDb(), actor, {
    festivalId: festival.id,
    ...rest,
    ...(mode === 'percent' ? { shareBasisPoints: amount.data } : { quantity: amount.data }),
  });
  if (!result.ok) redirect(`${BASE}?${failureQuery(result)}#bulk`);
  revalidatePath(BASE);
  redirect(`${BASE}?done=bulk&changed=${result.changed}&unchanged=${result.unchanged}#bulk`);
}
