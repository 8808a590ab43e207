import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import { getFundBalance } from '@/domain/access-fund/ledger';
import { cancelScreening, getCancellationPreview } from '@/domain/cancellations/cancel-screening';
import { cancellationChoiceToken } from '@/domain/cancellations/choice-token';
import { chooseDonation, chooseRefund, getChoiceView } from '@/domain/cancellations/choices';
import { runCancellationJob } from '@/domain/cancellations/job';
import { startCheckout } from '@/domain/payments/checkout';
import { applyStripeEvent } from '@/domain/payments/payments';
import { getStripe } from '@/platform/stripe';
import {
  createFestival,
  createFilm,
  createGaVenue,
  createHold,
  createTestScreening,
  createUser,
  TEST_ORDER_SETTINGS as settings,
  stripeEvent,
} from '../support/factories';
import { inventoryProblems } from '../support/inventory';
import { payForOrderInEmulator, emulatorForThisFile } from '../support/stripe-emulator';

/**
 * Cancelling a screening against real PostgreSQL and the Stripe emulator: the command in one transaction, then the
 * job, which must refund every paid order exactly once however it is killed, restarted or run twice at once; and the
 * holder's three choices.
 */

const emulatorUrl = emulatorForThisFile();

const db = () => getDb();
const future = (days = 7) => new Date(Date.now() + days * 86_400_000);

async function setup(o: { capacity?: number; community?: number } = {}) {
  const festival = await createFestival(db());
  const venue = await createGaVenue(db(), festival.id, o.capacity ?? 40);
  const film = await createFilm(db(), festival.id);
  const screeningId = await createTestScreening(db(), festival, { venueId: venue.id, filmIds: [film.id], allocations: { community_access: o.community ?? 0 } });
  const staff = await createUser(db(), { role: 'staff' });
  return { festival, screeningId, staff: { id: staff.id, role: 'staff' as const } };
}

/** A paid order, checked out through the app and paid in the emulator: it has a real payment intent to refund. */
async function paidOrder(screeningId: string, quantity: number, email: string) {
  return payForOrderInEmulator(emulatorUrl(), screeningId, { quantity, email, name: 'Pat Holder' });
}

/** How many refunds the emulator made for each payment intent (one charge.refunded event per refund). */
async function emulatorRefunds(paymentIntents: string[]): Promise<Record<string, number>> {
  const listed = (await (await fetch(`${emulatorUrl()}/_emulator/events`)).json()) as { events: { id: string; type: string }[] };
  const counts: Record<string, number> = Object.fromEntries(paymentIntents.map((pi) => [pi, 0]));
  for (const e of listed.events.filter((e) => e.type === 'charge.refunded')) {
    const full = (await (await fetch(`${emulatorUrl()}/_emulator/events/${e.id}`)).json()) as { data: { object: { payment_intent: string } } };
    const pi = full.data.object.payment_intent;
    if (pi in counts) counts[pi] = counts[pi]! + 1;
  }
  return counts;
}

async function refundRows(orderIds: string[]) {
  return rows<{ order_id: string; n: number; cents: number; sources: string[] }>(db(), sql`
    SELECT order_id, count(*)::int AS n, sum(amount_cents)::int AS cents, array_agg(DISTINCT source::text) AS sources FROM refunds
    WHERE order_id = ANY(${sql.raw(`ARRAY[${orderIds.map((id) => `'${id}'`).join(',')}]::uuid[]`)}) AND request_key LIKE 'cancel:%'
    GROUP BY order_id`);
}

async function states(screeningId: string) {
  return rows<{ order_id: string; state: string }>(db(), sql`SELECT order_id, state FROM cancellation_orders WHERE screening_id = ${screeningId}`);
}

/** The deadline passes (tests cannot wait a week). */
async function passDeadline(screeningId: string) {
  await db().execute(sql`UPDATE screening_cancellations SET refund_deadline = now() - interval '1 second' WHERE screening_id = ${screeningId}`);
}

describe('cancelScreening', () => {
  it('stops sales, releases live holds, records one row per order with valid tickets and one audit entry, in one transaction; a second cancel is refused', async () => {
    const { screeningId, staff } = await setup({ community: 4 });
    const paid = await paidOrder(screeningId, 2, 'cancel-cmd@example.org');
    const free = await db().transaction((tx) =>
      issueFreeTickets(tx, { screeningId, scheme: 'community_access', pool: 'community_access', quantity: 2, buyer: { name: 'Cam Partner', email: 'cam@example.org' } }, settings),
    );
    expect(free.ok).toBe(true);
    await createHold(db(), screeningId, { quantity: 3, clientKey: 'cancel-cmd-live' });

    const preview = await getCancellationPreview(screeningId, db());
    expect(preview).toMatchObject({ paidOrders: 1, paidTickets: 2, paidCents: 3000, freeOrders: 1, freeTickets: 2, liveHolds: 1 });

    const audience = await createUser(db(), { role: 'audience' });
    expect(await cancelScreening(db(), { id: audience.id, role: 'audience' }, { screeningId, reason: 'Print lost', refundDeadline: future() }, settings)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(await cancelScreening(db(), staff, { screeningId, reason: 'x', refundDeadline: future() }, settings)).toMatchObject({ ok: false, reason: 'invalid_input' });
    expect(await cancelScreening(db(), staff, { screeningId, reason: 'Print lost', refundDeadline: new Date(Date.now() - 1000) }, settings)).toMatchObject({
      ok: false,
      reason: 'invalid_input',
    });
    const [untouched] = await rows<{ status: string }>(db(), sql`SELECT status FROM screenings WHERE id = ${screeningId}`);
    expect(untouched!.status).toBe('on_sale');

    const done = await cancelScreening(db(), staff, { screeningId, reason: 'The print was lost in transit', refundDeadline: future() }, settings);
    expect(done).toEqual({ ok: true, screeningId, orders: 2, holdsReleased: 1 });
    const [s] = await rows<{ status: string }>(db(), sql`SELECT status FROM screenings WHERE id = ${screeningId}`);
    expect(s!.status).toBe('cancelled');
    expect((await states(screeningId)).map((r) => r.state).sort()).toEqual(['pending', 'pending']);
    expect((await states(screeningId)).map((r) => r.order_id)).toContain(paid.orderId);
    const [live] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM holds WHERE screening_id = ${screeningId} AND status IN ('active', 'checkout')`);
    expect(live!.n).toBe(0);
    expect(await inventoryProblems(db(), screeningId)).toEqual([]);
    const audits = await rows<{ action: string }>(db(), sql`SELECT action FROM audit_entries WHERE screening_id = ${screeningId}`);
    expect(audits.map((a) => a.action)).toEqual(['cancelScreening']);

    // Online sales stop at once.
    await expect(createHold(db(), screeningId, { quantity: 1, clientKey: 'after-cancel' })).rejects.toThrow();
    expect(await cancelScreening(db(), staff, { screeningId, reason: 'Again', refundDeadline: future() }, settings)).toMatchObject({ ok: false, reason: 'already_cancelled' });
  });

  it('two staff cancelling at once make one cancellation', async () => {
    const { screeningId, staff } = await setup();
    await paidOrder(screeningId, 1, 'cancel-race@example.org');
    const results = await Promise.all([1, 2, 3].map(() => cancelScreening(db(), staff, { screeningId, reason: 'Storm warning', refundDeadline: future() }, settings)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'already_cancelled')).toHaveLength(2);
    expect(await states(screeningId)).toHaveLength(1);
  });
});

describe('the cancellation job', () => {
  it('emails every holder, closes $0 orders at once, and offers paid holders the choice through a private link', async () => {
    const { screeningId, staff, festival } = await setup({ community: 4 });
    const paid = await paidOrder(screeningId, 2, 'job-offer@example.org');
    const free = await db().transaction((tx) =>
      issueFreeTickets(tx, { screeningId, scheme: 'community_access', pool: 'community_access', quantity: 2, buyer: { name: 'Cam', email: 'job-free@example.org' } }, settings),
    );
    if (!free.ok) throw new Error('no free tickets');
    await cancelScreening(db(), staff, { screeningId, reason: 'Projector fire', refundDeadline: future() }, settings);
    const report = await runCancellationJob(db(), settings, { screeningId });
    expect(report).toMatchObject({ emailed: 1, closed: 1, refunded: 0, finished: 0 });

    const byOrder = Object.fromEntries((await states(screeningId)).map((r) => [r.order_id, r.state]));
    expect(byOrder).toEqual({ [paid.orderId]: 'offered', [free.orderId]: 'closed' });
    const [freeOrder] = await rows<{ status: string; valid: number }>(db(), sql`
      SELECT status, (SELECT count(*)::int FROM tickets WHERE order_id = ${free.orderId} AND status = 'valid') AS valid FROM orders WHERE id = ${free.orderId}`);
    expect(freeOrder).toEqual({ status: 'cancelled', valid: 0 });
    const mails = await rows<{ to: string; text: string }>(db(), sql`
      SELECT "to", text FROM emails WHERE "to" IN ('job-offer@example.org', 'job-free@example.org') AND subject LIKE 'Cancelled:%'`);
    expect(mails).toHaveLength(2);
    const token = cancellationChoiceToken(screeningId, paid.orderId, settings.appSecret);
    expect(mails.find((m) => m.to === 'job-offer@example.org')!.text).toContain(`/cancellations/choose/${token}`);
    expect(mails.find((m) => m.to === 'job-free@example.org')!.text).not.toContain('/cancellations/choose/');
    expect(await inventoryProblems(db(), screeningId)).toEqual([]);

    // A second run does nothing more: one email each.
    await runCancellationJob(db(), settings, { screeningId });
    const again = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM emails WHERE "to" IN ('job-offer@example.org', 'job-free@example.org') AND subject LIKE 'Cancelled:%'`);
    expect(again[0]!.n).toBe(2);
    expect(festival.id).toBeTruthy();
  });

  it('killed part-way through the refunds and restarted, refunds every order exactly once, in the database and in Stripe', async () => {
    const { screeningId, staff } = await setup();
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await paidOrder(screeningId, 1 + (i % 2), `crash-${i}@example.org`));
    await cancelScreening(db(), staff, { screeningId, reason: 'Rights withdrawn', refundDeadline: future() }, settings);
    await runCancellationJob(db(), settings, { screeningId });
    await passDeadline(screeningId);

    // The crash: after the second refund was asked for (and made), before the row recorded it.
    let asked = 0;
    await expect(
      runCancellationJob(db(), settings, {
        screeningId,
        afterRefundRequested: () => {
          asked += 1;
          if (asked === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const midway = await states(screeningId);
    expect(midway.filter((r) => r.state === 'refunded')).toHaveLength(1);
    expect(midway.filter((r) => r.state === 'refund_pending')).toHaveLength(4);

    const report = await runCancellationJob(db(), settings, { screeningId });
    expect(report.finished).toBe(1);
    expect((await states(screeningId)).every((r) => r.state === 'refunded')).toBe(true);
    const refunds = await refundRows(orders.map((o) => o.orderId));
    expect(refunds).toHaveLength(5);
    expect(refunds.every((r) => r.n === 1 && r.sources[0] === 'automatic')).toBe(true);
    expect(Object.values(await emulatorRefunds(orders.map((o) => o.paymentIntent)))).toEqual([1, 1, 1, 1, 1]);
    const [c] = await rows<{ status: string }>(db(), sql`SELECT status FROM screening_cancellations WHERE screening_id = ${screeningId}`);
    expect(c!.status).toBe('finished');
    expect(await inventoryProblems(db(), screeningId)).toEqual([]);
  });

  it('two workers at once share the orders and refund each exactly once', async () => {
    const { screeningId, staff } = await setup();
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await paidOrder(screeningId, 1, `twin-${i}@example.org`));
    await cancelScreening(db(), staff, { screeningId, reason: 'Flooded venue', refundDeadline: future() }, settings);
    await Promise.all([runCancellationJob(db(), settings, { screeningId }), runCancellationJob(db(), settings, { screeningId })]);
    const emails = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM emails WHERE "to" LIKE 'twin-%' AND subject LIKE 'Cancelled:%'`);
    expect(emails[0]!.n).toBe(6);
    await passDeadline(screeningId);
    await Promise.all([runCancellationJob(db(), settings, { screeningId }), runCancellationJob(db(), settings, { screeningId }), runCancellationJob(db(), settings, { screeningId })]);
    const refunds = await refundRows(orders.map((o) => o.orderId));
    expect(refunds.map((r) => r.n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Object.values(await emulatorRefunds(orders.map((o) => o.paymentIntent)))).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await states(screeningId)).every((r) => r.state === 'refunded')).toBe(true);
  });
  it('adopts an order paid after the cancellation (its checkout was already on Stripe’s page) and offers it the same choice', async () => {
    const { screeningId, staff } = await setup();
    const hold = await createHold(db(), screeningId, { quantity: 1, clientKey: 'late-payer' });
    const started = await startCheckout(hold.holdId, hold.holdToken, { name: 'Lee Late', email: 'late@example.org' }, null);
    if (!started.ok) throw new Error(started.reason);
    expect(await getCancellationPreview(screeningId, db())).toMatchObject({ checkouts: 1, liveHolds: 0, paidOrders: 0 });
    await cancelScreening(db(), staff, { screeningId, reason: 'Storm', refundDeadline: future() }, settings);
    const [order] = await rows<{ stripe_session_id: string }>(db(), sql`SELECT stripe_session_id FROM orders WHERE id = ${started.orderId}`);
    await fetch(`${emulatorUrl()}/_emulator/sessions/${order!.stripe_session_id}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ card: '4242424242424242' }),
    });
    const session = await getStripe().checkout.sessions.retrieve(order!.stripe_session_id);
    await applyStripeEvent(db(), stripeEvent('checkout.session.completed', session as unknown as Record<string, unknown>), settings);
    const report = await runCancellationJob(db(), settings, { screeningId });
    expect(report).toMatchObject({ adopted: 1, emailed: 1 });
    expect(await states(screeningId)).toEqual([{ order_id: started.orderId, state: 'offered' }]);
  });
});

describe('the holder’s choices', () => {
  it('a refund on request goes through at once (source buyer); the link then shows it and refuses a second choice', async () => {
    const { screeningId, staff } = await setup();
    const paid = await paidOrder(screeningId, 2, 'choose-refund@example.org');
    await cancelScreening(db(), staff, { screeningId, reason: 'Director ill', refundDeadline: future() }, settings);
    await runCancellationJob(db(), settings, { screeningId });
    const token = cancellationChoiceToken(screeningId, paid.orderId, settings.appSecret);
    expect(await getChoiceView(token, db())).toMatchObject({ state: 'offered', tickets: 2, valueCents: 3000 });
    expect(await getChoiceView(token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), db())).toBeNull();

    const [first, second] = await Promise.all([chooseRefund(db(), token, settings), chooseDonation(db(), token, settings)]);
    const outcomes = [first, second];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'already_decided')).toHaveLength(1);
    // Whichever won, nothing else happened.
    const refunds = await refundRows([paid.orderId]);
    const [gifts] = await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM donations WHERE donor_email = 'choose-refund@example.org'`);
    expect(refunds.length + gifts!.n).toBe(1);
  });

  it('a refund chosen by the holder is recorded as the buyer’s', async () => {
    const { screeningId, staff } = await setup();
    const paid = await paidOrder(screeningId, 1, 'choose-refund-2@example.org');
    await cancelScreening(db(), staff, { screeningId, reason: 'Director ill', refundDeadline: future() }, settings);
    await runCancellationJob(db(), settings, { screeningId });
    const token = cancellationChoiceToken(screeningId, paid.orderId, settings.appSecret);
    expect(await chooseRefund(db(), token, settings)).toEqual({ ok: true, state: 'refunded' });
    expect(await refundRows([paid.orderId])).toEqual([{ order_id: paid.orderId, n: 1, cents: 1500, sources: ['buyer'] }]);
    expect(await emulatorRefunds([paid.paymentIntent])).toEqual({ [paid.paymentIntent]: 1 });
    expect(await chooseRefund(db(), token, settings)).toMatchObject({ ok: false, reason: 'already_decided' });
    await runCancellationJob(db(), settings, { screeningId });
    expect(await refundRows([paid.orderId])).toHaveLength(1);
  });

  it('a gift turns the tickets’ price into a credited donation: tickets void, the fund up by their value, nothing refunded', async () => {
    const { screeningId, staff, festival } = await setup();
    const paid = await paidOrder(screeningId, 2, 'choose-gift@example.org');
    await cancelScreening(db(), staff, { screeningId, reason: 'Director ill', refundDeadline: future() }, settings);
    await runCancellationJob(db(), settings, { screeningId });
    const before = await getFundBalance(db(), festival.id);
    const token = cancellationChoiceToken(screeningId, paid.orderId, settings.appSecret);
    expect(await chooseDonation(db(), token, settings)).toEqual({ ok: true, state: 'donated' });
    expect(await getFundBalance(db(), festival.id)).toBe(before + 3000);
    const [gift] = await rows<{ status: string; amount_cents: number; stripe_payment_intent_id: string }>(db(), sql`
      SELECT status, amount_cents, stripe_payment_intent_id FROM donations WHERE donor_email = 'choose-gift@example.org'`);
    expect(gift).toEqual({ status: 'paid', amount_cents: 3000, stripe_payment_intent_id: paid.paymentIntent });
    const [order] = await rows<{ status: string; valid: number }>(db(), sql`
      SELECT status, (SELECT count(*)::int FROM tickets WHERE order_id = ${paid.orderId} AND status = 'valid') AS valid FROM orders WHERE id = ${paid.orderId}`);
    expect(order).toEqual({ status: 'cancelled', valid: 0 });
    // The deadline passing later refunds nothing.
    await passDeadline(screeningId);
    const report = await runCancellationJob(db(), settings, { screeningId });
    expect(report.finished).toBe(1);
    expect(await refundRows([paid.orderId])).toEqual([]);
    expect(await emulatorRefunds([paid.paymentIntent])).toEqual({ [paid.paymentIntent]: 0 });
    expect(await inventoryProblems(db(), screeningId)).toEqual([]);
  });
});
