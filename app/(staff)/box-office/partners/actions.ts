'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { declinePartner, verifyPartner } from '@/domain/partners/organisations';
import { getEnv } from '@/platform/env';
import { requirePermission } from '@/web/auth/guards';
import { backWith, refuseAction, textField } from '@/web/partners/respond';

const PAGE = '/box-office/partners';
const OrganisationId = z.guid();

/** Staff verify an application: the organisation may receive places, and its contact is invited to the portal. */
export async function verifyPartnerAction(form: FormData): Promise<void> {
  const staff = await requirePermission('partners.verify');
  const id = OrganisationId.safeParse(form.get('organisationId'));
  if (!id.success) backWith(PAGE, { error: 'Choose an application.' });
  const env = getEnv();
  const festival = await requireCurrentFestival();
  const result = await verifyPartner(getDb(), staff, id.data, textField(form, 'note'), {
    baseUrl: env.PUBLIC_BASE_URL,
    emailStatus: env.SMTP_URL ? 'pending' : 'stored',
    festivalName: festival.name,
  });
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'verified' });
}

/** Staff decline an application: its contact is emailed, with the note. */
export async function declinePartnerAction(form: FormData): Promise<void> {
  const staff = await requirePermission('partners.verify');
  const id = OrganisationId.safeParse(form.get('organisationId'));
  if (!id.success) backWith(PAGE, { error: 'Choose an application.' });
  const env = getEnv();
  const festival = await requireCurrentFestival();
  const result = await declinePartner(getDb(), staff, id.data, textField(form, 'note'), {
    baseUrl: env.PUBLIC_BASE_URL,
    emailStatus: env.SMTP_URL ? 'pending' : 'stored',
    festivalName: festival.name,
  });
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'declined' });
}
