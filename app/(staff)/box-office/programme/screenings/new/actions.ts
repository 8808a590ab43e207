'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { scheduleScreening } from '@/domain/programme/screenings';
import { requirePermission } from '@/web/auth/guards';
import { screeningFromForm } from '@/web/programme/forms';
import type { FormResult } from '@/components/ui/ActionForm';

/** Schedules a screening; a clash in its venue (changeover included) or bad input comes back as the form's refusal. */
export async function createScreeningAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const parsed = screeningFromForm(form, festival.timeZone, 'create');
  if (!parsed.ok) return { error: parsed.error };
  const result = await scheduleScreening(getDb(), actor, festival.id, parsed.input);
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/screenings/${result.screeningId}?created=1`);
}
