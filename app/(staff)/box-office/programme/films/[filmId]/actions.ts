'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { updateFilm } from '@/domain/programme/films';
import { addCredit, addFilmPartner, removeCredit, removeFilmPartner } from '@/domain/programme/people';
import { requirePermission } from '@/web/auth/guards';
import { filmFromForm } from '@/web/programme/forms';
import type { FormResult } from '@/components/ui/ActionForm';

const Id = z.guid();
const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

export async function updateFilmAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('filmId'));
  if (!id.success) return { error: 'No such film.' };
  const result = await updateFilm(getDb(), actor, id.data, filmFromForm(form));
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${id.data}?saved=film`);
}

export async function addCreditAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('filmId'));
  if (!id.success) return { error: 'No such film.' };
  const result = await addCredit(getDb(), actor, {
    filmId: id.data,
    personSlug: text(form, 'personSlug'),
    role: text(form, 'role') as 'director',
    characterName: text(form, 'characterName'),
  });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${id.data}?saved=credits#credits`);
}

export async function removeCreditAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('filmId'));
  if (!id.success) return { error: 'No such film.' };
  const result = await removeCredit(getDb(), actor, { filmId: id.data, personId: text(form, 'personId'), role: text(form, 'role') as 'director' });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${id.data}?saved=credits#credits`);
}

export async function addFilmPartnerAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('filmId'));
  if (!id.success) return { error: 'No such film.' };
  const result = await addFilmPartner(getDb(), actor, { filmId: id.data, organisationSlug: text(form, 'organisationSlug') });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${id.data}?saved=partners#partners`);
}

export async function removeFilmPartnerAction(_previous: FormResult, form: FormData): Promise<FormResult> {
  const actor = await requirePermission('programme.edit');
  const id = Id.safeParse(form.get('filmId'));
  if (!id.success) return { error: 'No such film.' };
  const result = await removeFilmPartner(getDb(), actor, { filmId: id.data, organisationId: text(form, 'organisationId') });
  if (!result.ok) return { error: result.message };
  redirect(`/box-office/programme/films/${id.data}?saved=partners#partners`);
}
