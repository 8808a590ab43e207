'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { updatePerson } from '@/domain/programme/people';
import { requirePermission } from '@/web/auth/guards';
import type { FormResult } from '@/components/ui/ActionForm';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

export async function updatePersonAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = z.guid().safeParse(form.get('personId'));
  if (!id.success) return { error: 'No such person.' };
  const result = await updatePerson(getDb(), actor, id.data, { name: text(form, 'name'), slug: text(form, 'slug'), bio: text(form, 'bio') });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/people/${id.data}?saved=person`);
}
