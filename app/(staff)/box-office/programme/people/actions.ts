'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createPerson } from '@/domain/programme/people';
import { requirePermission } from '@/web/auth/guards';
import type { FormResult } from '@/components/ui/ActionForm';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

export async function createPersonAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const result = await createPerson(getDb(), actor, { name: text(form, 'name'), slug: text(form, 'slug'), bio: text(form, 'bio') });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/people/${result.personId}?saved=created`);
}
