'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { emailTicketsFromDesk } from '@/domain/desk/email-tickets';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { refundFromDesk } from '@/domain/desk/refund';
import { confirmDeskRefund } from '@/domain/refunds/refund-order';
import { getOrderSettings } from '@/domain/payments/checkout';
import { DeskRefundRequest } from '@/web/api/desk';
import { requirePermission } from '@/web/auth/guards';
import { isUuid } from '@/lib/ids';
import { formatCents } from '@/lib/format';

function page(orderId: string, key: 'error' | 'done', message: string): never {
  redirect(`/box-office/orders/${orderId}?${key}=${encodeURIComponent(message)}`);
}

/** "12", "12.5", "12.50" → cents; anything else is refused by the schema (a negative or non-number amount). */
function dollarsToCents(value: FormDataEntryValue | null): number | undefined | 'invalid' {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) return 'invalid';
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The order page's refund form → the desk's refund command (which hands over to refundOrder). */
export async function refundAction(orderId: string, form: FormData): Promise<void> {
  const user = await requirePermission('refunds.issue');
  if (!isUuid(orderId)) redirect('/box-office/orders');
  const amount = dollarsToCents(form.get('amount'));
  if (amount === 'invalid') page(orderId, 'error', 'Type the amount in dollars and cents, for example 12.50.');
  const ticketIds = form.getAll('ticketIds').map(String);
  const parsed = DeskRefundRequest.safeParse({
    ticketIds: ticketIds.length ? ticketIds : undefined,
    amountCents: amount,
    includeDonation: form.get('includeDonation') === '1',
    reason: String(form.get('reason') ?? ''),
    requestKey: String(form.get('requestKey') ?? ''),
  });
  if (!parsed.success) page(orderId, 'error', parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; '));
  const { requestKey, ...rest } = parsed.data;
  if (!requestKey) page(orderId, 'error', 'The form was incomplete: reload the page and try again.');
  const result = await refundFromDesk(getDb(), user, { orderId, ...rest, requestKey }, getOrderSettings());
  if (!result.ok) page(orderId, 'error', result.message);
  const { currency } = await requireCurrentFestival();
  const money = formatCents(result.amountCents, currency);
  page(orderId, 'done', result.status === 'succeeded' ? `Refunded ${money}.` : `Refund of ${money} recorded; Stripe has not confirmed it yet.`);
}

/** Re-sends the tickets, to the buyer or to the address typed at the desk. */
export async function emailTicketsAction(orderId: string, form: FormData): Promise<void> {
  const user = await requirePermission('door.sell');
  if (!isUuid(orderId)) redirect('/box-office/orders');
  const result = await emailTicketsFromDesk(getDb(), user, { orderId, email: String(form.get('email') ?? '') }, getOrderSettings());
  if (!result.ok) page(orderId, 'error', result.message);
  page(orderId, 'done', `Tickets emailed to ${result.to}.`);
}

/** A waiting cash or card-terminal refund (a cancelled screening's holder at the desk) was paid out. */
export async function confirmDeskRefundAction(orderId: string, refundId: string): Promise<void> {
  const user = await requirePermission('refunds.issue');
  if (!isUuid(orderId)) redirect('/box-office/orders');
  const result = await confirmDeskRefund(getDb(), user, refundId);
  if (!result.ok) page(orderId, 'error', result.message);
  page(orderId, 'done', 'Refund marked as paid out.');
}
