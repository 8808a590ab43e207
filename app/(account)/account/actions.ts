'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { updateProfile } from '@/domain/accounts/auth';
import { requireUser } from '@/web/auth/guards';

const Name = z.string().trim().min(1).max(120);

export async function updateProfileAction(form: FormData): Promise<void> {
  const name = Name.safeParse(form.get('name'));
  const user = await requireUser();
  if (!name.success) redirect('/account?error=name');
  await updateProfile(getDb(), user.id, name.data);
  revalidatePath('/account');
  redirect('/account?saved=1');
}
