'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { createOrganisation } from '@/domain/programme/organisations';
import { requirePermission } from '@/web/auth/guards';
import { organisationFromForm } from '@/web/programme/organisation-form';
import type { FormResult } from '@/components/ui/ActionForm';

export async function createOrganisationAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const result = await createOrganisation(getDb(), actor, organisationFromForm(form));
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/organisations/${result.organisationId}?saved=created`);
}
