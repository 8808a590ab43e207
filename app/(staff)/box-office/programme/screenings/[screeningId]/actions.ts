'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { addTicketType, deleteTicketType, getTicketTypeScreening, updateTicketType } from '@/domain/programme/price-list';
import { deleteScreening, updateScreening } from '@/domain/programme/screenings';
import { requirePermission } from '@/web/auth/guards';
import { screeningFromForm, ticketTypeFromForm } from '@/web/programme/forms';
import type { FormResult } from '@/components/ui/ActionForm';

const Id = z.guid();
const page = (id: string, done: string) => `/box-office/programme/screenings/${id}?saved=${done}`;

export async function updateScreeningAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('screeningId'));
  if (!id.success) return { error: 'No such screening.' };
  const festival = await requireCurrentFestival();
  const parsed = screeningFromForm(form, festival.timeZone, 'edit');
  if (!parsed.ok) return { error: parsed.error };
  const result = await updateScreening(getDb(), actor, id.data, parsed.input);
  if (!result.ok) return { error: result.message };
  redirect(page(id.data, 'screening'));
}

/** Deletes a screening without orders; one with tickets is refused with the way to cancel it. */
export async function deleteScreeningAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('screeningId'));
  if (!id.success) return { error: 'No such screening.' };
  const result = await deleteScreening(getDb(), actor, id.data);
  // Already gone (deleted from another tab): its page no longer exists, so back to the list.
  if (!result.ok && result.reason === 'not_found') redirect('/box-office/programme');
  if (!result.ok) return { error: result.message };
  redirect('/box-office/programme?deleted=1');
}

export async function addTicketTypeAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('screeningId'));
  if (!id.success) return { error: 'No such screening.' };
  const parsed = ticketTypeFromForm(form);
  if (!parsed.ok) return { error: parsed.error };
  const result = await addTicketType(getDb(), actor, id.data, parsed.input);
  if (!result.ok) return { error: result.message };
  redirect(page(id.data, 'prices'));
}

export async function updateTicketTypeAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('ticketTypeId'));
  if (!id.success) return { error: 'No such ticket type.' };
  const parsed = ticketTypeFromForm(form);
  if (!parsed.ok) return { error: parsed.error };
  const result = await updateTicketType(getDb(), actor, id.data, parsed.input);
  if (!result.ok) return { error: result.message };
  const screeningId = await getTicketTypeScreening(getDb(), id.data);
  redirect(page(screeningId ?? '', 'prices'));
}

export async function deleteTicketTypeAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('ticketTypeId'));
  if (!id.success) return { error: 'No such ticket type.' };
  const screeningId = await getTicketTypeScreening(getDb(), id.data);
  const result = await deleteTicketType(getDb(), actor, id.data);
  if (!result.ok) return { error: result.message };
  redirect(page(screeningId ?? '', 'prices'));
}
