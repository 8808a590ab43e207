'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { createApiToken, revokeApiToken } from '@/domain/accounts/api-tokens';
import type { NewTokenState } from '@/components/check-in/NewTokenForm';
import { requirePermission } from '@/web/auth/guards';
import { backWith } from '@/web/partners/respond';

const PAGE = '/box-office/check-in/devices';

/** A token for a door phone: its secret is answered to this form once and never stored (only its sha256 is). */
export async function createDoorTokenAction(_previous: NewTokenState, form: FormData): Promise<NewTokenState> {
  const staff = await requirePermission('door.check_in');
  const result = await createApiToken(getDb(), staff, { label: form.get('label'), days: form.get('days') ?? undefined });
  if (!result.ok) return { error: result.message };
  return { token: result.token, label: String(form.get('label') ?? '').trim(), expiresAt: result.expiresAt.toISOString() };
}

export async function revokeDoorTokenAction(form: FormData): Promise<void> {
  const staff = await requirePermission('door.check_in');
  const id = z.guid().safeParse(form.get('tokenId'));
  if (!id.success) backWith(PAGE, { error: 'Choose a token to revoke.' });
  const result = await revokeApiToken(getDb(), staff, id.data);
  if (!result.ok) backWith(PAGE, { error: result.message });
  backWith(PAGE, { done: 'revoked' });
}
