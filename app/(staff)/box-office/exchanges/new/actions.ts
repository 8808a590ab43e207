'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { exchangeOrder } from '@/domain/exchanges/exchange-order';
import { getOrderSettings } from '@/domain/payments/checkout';
import { requirePermission } from '@/web/auth/guards';

const Form = z.object({
  orderId: z.guid(),
  orderNumber: z.string().trim().min(1).max(100),
  toScreeningId: z.guid(),
  ticketIds: z.array(z.guid()).min(1, 'Choose at least one ticket to exchange').max(50),
  typeIds: z.array(z.guid()).min(1).max(20),
  quantities: z.array(z.coerce.number({ error: 'Quantities are whole numbers' }).int('Quantities are whole numbers').min(0).max(50)).min(1).max(20),
  differenceMethod: z.enum(['cash', 'card_terminal']).default('cash'),
  differenceReference: z.string().trim().max(100).optional(),
  seatIds: z.array(z.guid()).max(50),
});

/** The desk's exchange: parse, check door.sell, one command. */
export async function exchangeTicketsAction(form: FormData): Promise<void> {
  const actor = await requirePermission('door.sell');
  const parsed = Form.safeParse({
    orderId: form.get('orderId'),
    orderNumber: form.get('orderNumber'),
    toScreeningId: form.get('toScreeningId'),
    ticketIds: form.getAll('ticketIds'),
    typeIds: form.getAll('typeId'),
    quantities: form.getAll('quantity'),
    differenceMethod: form.get('differenceMethod') ?? undefined,
    differenceReference: form.get('differenceReference') ?? undefined,
    seatIds: form.getAll('seatIds'),
  });
  const back = (query: string) => {
    const number = z.string().max(100).safeParse(form.get('orderNumber'));
    const to = z.guid().safeParse(form.get('toScreeningId'));
    return `/box-office/exchanges/new?order=${encodeURIComponent(number.success ? number.data : '')}${to.success ? `&to=${to.data}` : ''}&${query}`;
  };
  if (!parsed.success) redirect(back(`error=${encodeURIComponent(parsed.error.issues[0]?.message ?? 'Check the form.')}`));
  const f = parsed.data;
  if (f.typeIds.length !== f.quantities.length) redirect(back(`error=${encodeURIComponent('Check the quantities.')}`));
  const result = await exchangeOrder(
    getDb(),
    actor,
    {
      orderId: f.orderId,
      ticketIds: f.ticketIds,
      toScreeningId: f.toScreeningId,
      lines: f.typeIds.map((ticketTypeId, i) => ({ ticketTypeId, quantity: f.quantities[i]! })),
      seatIds: f.seatIds,
      difference: { method: f.differenceMethod, reference: f.differenceReference || undefined },
    },
    getOrderSettings(),
  );
  if (!result.ok) redirect(back(`error=${encodeURIComponent(result.message)}`));
  redirect(`/box-office/exchanges/new?order=${encodeURIComponent(result.orderNumber)}&done=${encodeURIComponent(result.orderNumber)}&charged=${result.chargedCents}&refunded=${result.refundedCents}`);
}
