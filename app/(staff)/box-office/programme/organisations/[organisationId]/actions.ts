'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { updateOrganisation } from '@/domain/programme/organisations';
import { requirePermission } from '@/web/auth/guards';
import { organisationFromForm } from '@/web/programme/organisation-form';
import type { FormResult } from '@/components/ui/ActionForm';

export async function updateOrganisationAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = z.guid().safeParse(form.get('organisationId'));
  if (!id.success) return { error: 'No such organisation.' };
  const result = await updateOrganisation(getDb(), actor, id.data, organisationFromForm(form));
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/organisations/${id.data}?saved=organisation`);
}
