'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { createFilm } from '@/domain/programme/films';
import { requirePermission } from '@/web/auth/guards';
import { filmFromForm } from '@/web/programme/forms';
import type { FormResult } from '@/components/ui/ActionForm';

export async function createFilmAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  const result = await createFilm(getDb(), actor, festival.id, filmFromForm(form));
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${result.filmId}?saved=created`);
}
