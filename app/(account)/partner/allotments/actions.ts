'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { issueAccessCodes, voidAccessCode } from '@/domain/partners/access-codes';
import { claimAllotmentPlaces, MAX_PLACES_AT_ONCE, requestAllotment, returnAllotmentPlaces } from '@/domain/partners/allotments';
import { getOrderSettings } from '@/domain/payments/checkout';
import { requirePermission } from '@/web/auth/guards';
import { backWith, refuseAction, textField } from '@/web/partners/respond';

/*
 * The partner portal's allotment forms. Each acts for the signed-in partner's own organisation only: the organisation
 * comes from the session, and the commands match every id against it (another organisation's id is a 404).
 */

const PAGE = '/partner/allotments';
const Id = z.guid();
const Quantity = z.coerce.number().int().min(1).max(MAX_PLACES_AT_ONCE);
const quantityMessage = `Choose a number of places from 1 to ${MAX_PLACES_AT_ONCE}.`;

export async function requestAllotmentAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const screeningId = Id.safeParse(form.get('screeningId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!screeningId.success) backWith(PAGE, { error: 'Choose a screening.' });
  if (!quantity.success) backWith(PAGE, { error: quantityMessage });
  const result = await requestAllotment(getDb(), partner, { screeningId: screeningId.data, quantity: quantity.data, note: textField(form, 'note') });
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'requested' });
}

/** Names: one per line, optional; a missing one prints the partner's name on the ticket. */
function holderNames(form: FormData): (string | null)[] {
  return (textField(form, 'names', 6000) ?? '')
    .split(/\r?\n/)
    .map((n) => n.trim().slice(0, 120) || null);
}

export async function claimPlacesAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const allotmentId = Id.safeParse(form.get('allotmentId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!allotmentId.success) backWith(PAGE, { error: 'Choose an allotment.' });
  if (!quantity.success) backWith(PAGE, { error: quantityMessage });
  const result = await claimAllotmentPlaces(getDb(), partner, allotmentId.data, { quantity: quantity.data, holderNames: holderNames(form) }, getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith('/partner/tickets', { done: 'claimed', order: result.orderId });
}

export async function returnPlacesAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const allotmentId = Id.safeParse(form.get('allotmentId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!allotmentId.success) backWith(PAGE, { error: 'Choose an allotment.' });
  if (!quantity.success) backWith(PAGE, { error: quantityMessage });
  const result = await returnAllotmentPlaces(getDb(), partner, allotmentId.data, quantity.data);
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'returned' });
}

export async function issueCodesAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const allotmentId = Id.safeParse(form.get('allotmentId'));
  const quantity = Quantity.safeParse(form.get('quantity'));
  if (!allotmentId.success) backWith(PAGE, { error: 'Choose an allotment.' });
  if (!quantity.success) backWith(PAGE, { error: quantityMessage });
  const result = await issueAccessCodes(getDb(), partner, allotmentId.data, quantity.data, textField(form, 'label', 120));
  if (!result.ok) refuseAction(PAGE, result);
  backWith(`${PAGE}#codes-${allotmentId.data}`, { done: 'codes' });
}

export async function voidCodeAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const codeId = Id.safeParse(form.get('codeId'));
  if (!codeId.success) backWith(PAGE, { error: 'Choose a code.' });
  const result = await voidAccessCode(getDb(), partner, codeId.data);
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'voided' });
}
