'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { DeskSaleInput, sellAtDesk } from '@/domain/desk/sale';
import { startDeskCheckout } from '@/domain/desk/stripe-sale';
import { getOrderSettings } from '@/domain/payments/checkout';
import { getEnv } from '@/platform/env';
import { requirePermission } from '@/web/auth/guards';
import { isUuid } from '@/lib/ids';

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** The walk-up sale form → sellAtDesk (cash, card terminal, complimentary) or a Stripe payment link for the buyer's phone. */
export async function sellAction(screeningId: string, form: FormData): Promise<void> {
  const user = await requirePermission('door.sell');
  if (!isUuid(screeningId)) redirect('/box-office/sell');
  function back(message: string): never {
    redirect(`/box-office/sell?screening=${screeningId}&error=${encodeURIComponent(message)}`);
  }
  const lines = [...form.entries()]
    .filter(([k]) => k.startsWith('qty_'))
    .map(([k, v]) => ({ ticketType: k.slice(4), quantity: Number(v) }));
  const seatIds = form.get('mode') === 'map' ? form.getAll('seats').map(String) : [];
  const method = String(form.get('method') ?? '');
  if (method === 'stripe') {
    const started = await startDeskCheckout(
      getDb(),
      user,
      {
        screeningId,
        lines,
        seatIds: seatIds.length ? seatIds : undefined,
        buyer: { name: text(form, 'name'), email: text(form, 'email') },
        saleKey: String(form.get('saleKey') ?? ''),
      },
      getEnv().HOLD_MINUTES,
    );
    if (!started.ok) back(started.message);
    redirect(`/box-office/sell/pay/${started.orderId}`);
  }
  const parsed = DeskSaleInput.safeParse({
    screeningId,
    lines,
    seatIds: seatIds.length ? seatIds : undefined,
    method,
    reference: text(form, 'reference'),
    reason: text(form, 'reason'),
    buyer: { name: text(form, 'name'), email: text(form, 'email') },
    saleKey: String(form.get('saleKey') ?? ''),
  });
  if (!parsed.success) back(parsed.error.issues.map((i) => i.message).join(' '));
  const result = await sellAtDesk(getDb(), user, parsed.data, getOrderSettings());
  if (!result.ok) back(result.message);
  const done = `Sold ${result.tickets} ticket${result.tickets === 1 ? '' : 's'}: order ${result.orderNumber}. Print or email them below.`;
  redirect(`/box-office/orders/${result.orderId}?done=${encodeURIComponent(done)}`);
}
