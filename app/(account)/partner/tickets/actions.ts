'use server';

import { z } from 'zod';
import { getDb } from '@/db/client';
import { giveBackDonatedTickets } from '@/domain/donation-requests/requests';
import { giveBackAllotmentTickets } from '@/domain/partners/allotments';
import { assignTicketHolder, forwardOrderTickets } from '@/domain/partners/partner-orders';
import { getOrderSettings } from '@/domain/payments/checkout';
import { requirePermission } from '@/web/auth/guards';
import { backWith, refuseAction, textField } from '@/web/partners/respond';

/* The partner's tickets: names, forwarding, giving back. Only the organisation's own orders (a 404 otherwise). */

const PAGE = '/partner/tickets';
const Id = z.guid();
const Email = z.string().trim().toLowerCase().email().max(254);

export async function renameHolderAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const ticketId = Id.safeParse(form.get('ticketId'));
  const name = textField(form, 'holderName', 120);
  if (!ticketId.success) backWith(PAGE, { error: 'Choose a ticket.' });
  if (!name) backWith(PAGE, { error: 'Enter the name to print on the ticket.' });
  const result = await assignTicketHolder(getDb(), partner, ticketId.data, name);
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'renamed' });
}

export async function forwardTicketsAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const orderId = Id.safeParse(form.get('orderId'));
  const to = Email.safeParse(form.get('email'));
  if (!orderId.success) backWith(PAGE, { error: 'Choose an order.' });
  if (!to.success) backWith(PAGE, { error: 'Enter the email address to send the tickets to.' });
  const result = await forwardOrderTickets(getDb(), partner, orderId.data, to.data, getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'forwarded' });
}

export async function giveBackTicketAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const orderId = Id.safeParse(form.get('orderId'));
  const ticketId = Id.safeParse(form.get('ticketId'));
  if (!orderId.success || !ticketId.success) backWith(PAGE, { error: 'Choose a ticket.' });
  const result = await giveBackAllotmentTickets(getDb(), partner, orderId.data, [ticketId.data]);
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'given_back' });
}

/** A donated ticket the organisation will not use: voided, and the access fund gets back what it paid for it. */
export async function giveBackDonatedTicketAction(form: FormData): Promise<void> {
  const partner = await requirePermission('partner.portal');
  const orderId = Id.safeParse(form.get('orderId'));
  const ticketId = Id.safeParse(form.get('ticketId'));
  if (!orderId.success || !ticketId.success) backWith(PAGE, { error: 'Choose a ticket.' });
  const result = await giveBackDonatedTickets(getDb(), partner, orderId.data, [ticketId.data], getOrderSettings());
  if (!result.ok) refuseAction(PAGE, result);
  backWith(PAGE, { done: 'given_back_donated' });
}
