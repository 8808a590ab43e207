'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cancelScreening } from '@/domain/cancellations/cancel-screening';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getOrderSettings } from '@/domain/payments/checkout';
import { isIsoDate, zonedTimeToUtc } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';

const Form = z.object({
  screeningId: z.guid(),
  reason: z.string().max(2000),
  // As a datetime-local input sends it, in the festival's zone.
  refundDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give the refund deadline as a date and a time'),
});

/** Cancels a screening: the command does it all in one transaction; the job takes it from there. */
export async function cancelScreeningAction(form: FormData): Promise<void> {
  const actor = await requirePermission('screenings.cancel');
  const parsed = Form.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const id = z.guid().safeParse(form.get('screeningId'));
    const message = encodeURIComponent(parsed.error.issues[0]?.message ?? 'Check the form.');
    redirect(id.success ? `/box-office/cancellations/new?screening=${id.data}&error=${message}` : '/box-office/cancellations');
  }
  const { screeningId, reason, refundDeadline } = parsed.data;
  const festival = await requireCurrentFestival();
  const [date, time] = refundDeadline.split('T') as [string, string];
  if (!isIsoDate(date) || Number(time.slice(0, 2)) > 23 || Number(time.slice(3, 5)) > 59) {
    redirect(`/box-office/cancellations/new?screening=${screeningId}&error=${encodeURIComponent('That refund deadline is not a real date and time.')}`);
  }
  const deadline = zonedTimeToUtc(date, time.slice(0, 5), festival.timeZone);
  const result = await cancelScreening(getDb(), actor, { screeningId, reason, refundDeadline: deadline }, getOrderSettings());
  if (!result.ok) redirect(`/box-office/cancellations/new?screening=${screeningId}&error=${encodeURIComponent(result.message)}`);
  revalidatePath('/box-office/cancellations');
  redirect(`/box-office/cancellations/${screeningId}`);
}
