import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { cancelScreening } from '@/domain/cancellations/cancel-screening';
import { cancellationChoiceToken } from '@/domain/cancellations/choice-token';
import { chooseDonation, chooseExchange, chooseRefund, getChoiceView, listExchangeOptions } from '@/domain/cancellations/choices';
import { runCancellationJob } from '@/domain/cancellations/job';
import { refundFromDesk } from '@/domain/desk/refund';
import { exchangeOrder } from '@/domain/exchanges/exchange-order';
import { TEST_ORDER_SETTINGS as settings } from '../support/factories';
import { createExchangeFestival } from '../support/exchange-festival';
import { inventoryProblems } from '../support/inventory';
import { payForOrderInEmulator, emulatorForThisFile } from '../support/stripe-emulator';

/** Review of issue 9: attacks on the holder’s cancellation link, against real PostgreSQL and the Stripe emulator. */

const emulatorUrl = emulatorForThisFile();

const db = () => getDb();

const setup = createExchangeFestival;

async function paidOrder(screeningId: string, quantity: number, email: string) {
  return payForOrderInEmulator(emulatorUrl(), screeningId, { quantity, email, name: 'Eve Exchanger' });
}

async function orderRow(id: string) {
  const [o] = await rows<{ status: string; source: string; exchanged_from_order_id: string | null; total_cents: number; valid: number }>(db(), sql`
    SELECT status, source, exchanged_from_order_id, total_cents,
           (SELECT count(*)::int FROM tickets WHERE order_id = o.id AND status = 'valid') AS valid FROM orders o WHERE id = ${id}`);
  return o!;
}

async function cancelled(email: string) {
  const s = await setup();
  const paid = await paidOrder(s.from.id, 2, email);
  await cancelScreening(db(), s.staff, { screeningId: s.from.id, reason: 'Print lost', refundDeadline: new Date(Date.now() + 86_400_000) }, settings);
  await runCancellationJob(db(), settings, { screeningId: s.from.id });
  return { ...s, paid, token: cancellationChoiceToken(s.from.id, paid.orderId, settings.appSecret) };
}

describe('the holder’s cancellation link', () => {
  it('cannot exchange into a screening that is not on sale (a premiere whose sale has not opened)', async () => {
    const { cheaper, paid, token } = await cancelled('not-on-sale@example.org');
    await db().execute(sql`UPDATE screenings SET status = 'scheduled', on_sale_at = now() + interval '5 days' WHERE id = ${cheaper.id}`);
    const view = await getChoiceView(token, db());
    expect((await listExchangeOptions(view!, db())).map((o) => o.screeningId)).not.toContain(cheaper.id);
    const result = await chooseExchange(db(), token, { toScreeningId: cheaper.id, ticketTypeId: cheaper.adult }, settings);
    expect(result.ok).toBe(false);
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 2 });
    expect(await inventoryProblems(db(), cheaper.id)).toEqual([]);
  });

  it('after the refund deadline offers only the refund: no late gift, no late exchange', async () => {
    const { from, cheaper, paid, token } = await cancelled('late-choice@example.org');
    await db().execute(sql`UPDATE screening_cancellations SET refund_deadline = now() - interval '1 second' WHERE screening_id = ${from.id}`);
    expect(await chooseExchange(db(), token, { toScreeningId: cheaper.id, ticketTypeId: cheaper.adult }, settings)).toMatchObject({ ok: false, reason: 'deadline_passed' });
    expect(await chooseDonation(db(), token, settings)).toMatchObject({ ok: false, reason: 'deadline_passed' });
    expect(await orderRow(paid.orderId)).toMatchObject({ status: 'paid', valid: 2 });
    // The refund is what the deadline gives anyway: asking for it still works.
    expect(await chooseRefund(db(), token, settings)).toMatchObject({ ok: true });
  });
});

async function emulatorRefundsOf(pi: string): Promise<number> {
  const listed = (await (await fetch(`${emulatorUrl()}/_emulator/events`)).json()) as { events: { id: string; type: string }[] };
  let n = 0;
  for (const e of listed.events.filter((e) => e.type === 'charge.refunded')) {
    const full = (await (await fetch(`${emulatorUrl()}/_emulator/events/${e.id}`)).json()) as { data: { object: { payment_intent: string } } };
    if (full.data.object.payment_intent === pi) n += 1;
  }
  return n;
}

describe('money carried by an exchange', () => {
  it('a card-paid order exchanged at the desk and then refunded goes back to the card, not out of the till as cash', async () => {
    const { from, cheaper, staff } = await setup();
    const actor: CurrentUser = { ...staff, email: 'desk@example.org', name: 'Desk', organisationId: null, orgRole: null };
    const paid = await paidOrder(from.id, 1, 'card-to-cash@example.org');
    const exchanged = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: cheaper.id, lines: [{ ticketTypeId: cheaper.adult, quantity: 1 }] }, settings);
    expect(exchanged).toMatchObject({ ok: true, refundedCents: 500 });
    if (!exchanged.ok) return;
    const refund = await refundFromDesk(db(), actor, { orderId: exchanged.orderId, includeDonation: false, reason: 'Cannot come after all', requestKey: 'review-card-to-cash' }, settings);
    expect(refund).toMatchObject({ ok: true, amountCents: 1000, status: 'succeeded' });
    const [row] = await rows<{ method: string }>(db(), sql`SELECT method FROM refunds WHERE order_id = ${exchanged.orderId}`);
    expect(row!.method).toBe('stripe');
    // The difference and the refund, both on the original card.
    expect(await emulatorRefundsOf(paid.paymentIntent)).toBe(2);
  });

  it('an order paid by an exchange credit and a cash difference is refunded in two parts: the credit to the card, the difference in cash', async () => {
    const { from, dearer, staff } = await setup();
    const actor: CurrentUser = { ...staff, email: 'desk@example.org', name: 'Desk', organisationId: null, orgRole: null };
    const paid = await paidOrder(from.id, 1, 'mixed-refund@example.org');
    const exchanged = await exchangeOrder(db(), staff, { orderId: paid.orderId, toScreeningId: dearer.id, lines: [{ ticketTypeId: dearer.adult, quantity: 1 }], difference: { method: 'cash' } }, settings);
    expect(exchanged).toMatchObject({ ok: true, chargedCents: 500 });
    if (!exchanged.ok) return;
    const input = { orderId: exchanged.orderId, includeDonation: false, reason: 'Cannot come after all', requestKey: 'review-mixed-refund' };
    expect(await refundFromDesk(db(), actor, input, settings)).toMatchObject({ ok: true, amountCents: 2000, status: 'succeeded' });
    const parts = await rows<{ method: string; amount_cents: number; status: string }>(db(), sql`
      SELECT method, amount_cents, status FROM refunds WHERE order_id = ${exchanged.orderId} ORDER BY amount_cents DESC`);
    expect(parts).toEqual([
      { method: 'stripe', amount_cents: 1500, status: 'succeeded' },
      { method: 'cash', amount_cents: 500, status: 'succeeded' },
    ]);
    expect(await emulatorRefundsOf(paid.paymentIntent)).toBe(1);
    // A replay of the form answers with the same refund, whole, and makes nothing new.
    expect(await refundFromDesk(db(), actor, input, settings)).toMatchObject({ ok: true, amountCents: 2000 });
    expect(await rows(db(), sql`SELECT id FROM refunds WHERE order_id = ${exchanged.orderId}`)).toHaveLength(2);
  });
});
