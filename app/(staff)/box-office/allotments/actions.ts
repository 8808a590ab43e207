'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { declineAllotment, grantAllotment, MAX_PLACES_AT_ONCE } from '@/domain/partners/allotments';
import { getOrderSettings } from '@/domain/payments/checkout';
import { requirePermission } from '@/web/auth/guards';
import { backWith, refuseAction, textField } from '@/web/partners/respond';

const PAGE = '/box-office/allotments';
const Id = z.guid();
const Quantity = z.coerce.number().int().min(1).max(MAX_PLACES_AT_ONCE);

/** Answer a partner's request, in full or in part. */
export async function grantAllotmentAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const id = Id.safeParse(form.get('allotmentId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!id.success || !quantity.success) backWith(PAGE, { error: `Choose how many places to grant (1 to ${MAX_PLACES_AT_ONCE}).` });
  const result = await grantAllotment(getDb(), staff, { allotmentId: id.data, quantity: quantity.data, note: textField(form, 'note') }, getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'granted' });
}

export async function declineAllotmentAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const id = Id.safeParse(form.get('allotmentId'));
  if (!id.success) backWith(PAGE, { error: 'Choose a request.' });
  const result = await declineAllotment(getDb(), staff, id.data, textField(form, 'note'), getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'declined' });
}

/** Assign places directly to a verified organisation (added to its allotment for the screening, if it has one). */
export async function assignAllotmentAction(form: FormData): Promise<void> {
  const staff = await requirePermission('access.review');
  const screeningId = Id.safeParse(form.get('screeningId'));
  const organisationId = Id.safeParse(form.get('organisationId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!screeningId.success || !organisationId.success || !quantity.success) {
    backWith(PAGE, { error: `Choose a screening, an organisation and how many places (1 to ${MAX_PLACES_AT_ONCE}).` });
  }
  const result = await grantAllotment(getDb(), staff, {
    screeningId: screeningId.data,
    organisationId: organisationId.data,
    quantity: quantity.data,
    note: textField(form, 'note'),
  }, getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'assigned' });
}
