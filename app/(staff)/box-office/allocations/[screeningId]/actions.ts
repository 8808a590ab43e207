'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { releasePlaces, setAllocation, topUpPlaces } from '@/domain/access/allocations';
import { accessSchemes, failureQuery } from '@/web/access/allocation-forms';
import { requirePermission } from '@/web/auth/guards';

const Change = z.object({
  screeningId: z.guid(),
  scheme: z.enum(accessSchemes),
  change: z.enum(['set', 'release', 'top_up']),
  places: z.coerce.number(),
  reason: z.string(),
});

/** Set a scheme's places exactly, release some to general sale, or top up from it: always with a reason. */
export async function changeAllocationAction(form: FormData): Promise<void> {
  const parsed = Change.safeParse(Object.fromEntries(form));
  const actor = await requirePermission('allocations.manage');
  if (!parsed.success) {
    const id = z.guid().safeParse(form.get('screeningId'));
    redirect(id.success ? `/box-office/allocations/${id.data}?error=invalid_input` : '/box-office/allocations?error=invalid_input');
  }
  const { screeningId, scheme, change, places, reason } = parsed.data;
  const page = `/box-office/allocations/${screeningId}`;
  const db = getDb();
  const result =
    change === 'set'
      ? await setAllocation(db, actor, { screeningId, scheme, quantity: places, reason })
      : await (change === 'release' ? releasePlaces : topUpPlaces)(db, actor, { screeningId, scheme, places, reason });
  if (!result.ok) redirect(`${page}?${failureQuery(result)}&scheme=${scheme}#${scheme}`);
  revalidatePath(page);
  redirect(`${page}?done=${change}&scheme=${scheme}&delta=${result.delta}#history`);
}
