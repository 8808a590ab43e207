import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import type { donations, festivals } from '@/db/schema';
import { firstRow, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { getFaceValueCents, getFestivalTicketValueCents } from '@/domain/access-fund/face-value';
import { moveFund } from '@/domain/access-fund/ledger';
import { queueEmail } from '@/domain/notifications/emails';
import type { OrderSettings } from '@/domain/payments/orders';
import { renderDonationReceipt } from '@/platform/email/donation-receipt';
import { formatDayLong } from '@/lib/time';

/** How much one gift may be: a few tickets or a few hundred dollars, so a slip of the finger cannot charge thousands. */
export const GIFT_LIMITS = { maxTickets: 10, maxDollars: 1000 } as const;

const wholeNumber = (max: number, what: string) =>
  z.preprocess(
    (v) => (v === null || v === undefined || v === '' ? 0 : v),
    z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(max, `${what} can be at most ${max}`),
  );

/** A gift as a form or a client states it: "donate n tickets" and/or whole dollars. Empty fields are 0. */
export const GiftInput = z.object({
  tickets: wholeNumber(GIFT_LIMITS.maxTickets, 'Donated tickets'),
  dollars: wholeNumber(GIFT_LIMITS.maxDollars, 'The gift amount'),
});
export type GiftInput = z.infer<typeof GiftInput>;

export function isValidGift(gift: GiftInput): boolean {
  return GiftInput.safeParse(gift).success;
}

export function isEmptyGift(gift: GiftInput | null | undefined): boolean {
  return !gift || (gift.tickets === 0 && gift.dollars === 0);
}

/** A gift's value: n tickets at `ticketValueCents` each, plus the dollars. */
export function giftCents(gift: GiftInput, ticketValueCents: number): number {
  return gift.tickets * ticketValueCents + gift.dollars * 100;
}

/** What the checkout page offers: "donate a ticket" at this screening's face value. */
export async function getCheckoutGiftOffer(screeningId: string): Promise<{ ticketValueCents: number } | null> {
  const face = await getFaceValueCents(getDb(), screeningId);
  return face ? { ticketValueCents: face } : null;
}

/** The festival's usual ticket price, for the donation page's "n tickets". */
export async function getDonationTicketValue(festivalId: string): Promise<number> {
  return getFestivalTicketValueCents(getDb(), festivalId);
}

/** A gift added to a checkout: priced at the screening's face value (a screening with no price takes amounts only). */
export async function priceOrderGift(db: SqlRunner, screeningId: string, gift: GiftInput): Promise<{ ok: true; cents: number } | { ok: false }> {
  if (!isValidGift(gift)) return { ok: false };
  const face = gift.tickets > 0 ? await getFaceValueCents(db, screeningId) : 0;
  if (face === null) return { ok: false };
  return { ok: true, cents: giftCents(gift, face) };
}

/** Records the gift of a new order, pending until the order is paid (the order's total already includes it). */
export async function recordOrderGift(
  tx: Transaction,
  o: { orderId: string; festivalId: string; currency: string; cents: number; tickets: number; donor: { name: string; email: string } },
): Promise<void> {
  await tx.execute(sql`INSERT INTO donations (festival_id, order_id, amount_cents, tickets, currency, donor_name, donor_email)
    VALUES (${o.festivalId}, ${o.orderId}, ${o.cents}, ${o.tickets}, ${o.currency}, ${o.donor.name}, ${o.donor.email})`);
}

/** The gift paid with an order, for its confirmation. */
export async function getOrderGift(db: SqlRunner, orderId: string): Promise<{ amountCents: number; tickets: number } | null> {
  const row = await firstRow<Pick<ColumnsOf<typeof donations>, 'amount_cents' | 'tickets'>>(db, sql`
    SELECT amount_cents, tickets FROM donations WHERE order_id = ${orderId} AND status = 'paid'`);
  return row ? { amountCents: row.amount_cents, tickets: row.tickets } : null;
}

/** The same, for the order page (which has read the order through its access check already). */
export async function getPaidOrderGift(orderId: string): Promise<{ amountCents: number; tickets: number } | null> {
  return getOrderGift(getDb(), orderId);
}

/**
 * Takes the festival's fund row lock before the caller touches any pool, when the order carries a gift. Approving a
 * donation request locks the fund, then a pool; fulfilling or refunding an order with a gift must take the same two
 * in the same order, or the two could wait on each other.
 */
export async function lockFundForOrderGift(tx: Transaction, orderId: string): Promise<void> {
  const gift = await firstRow<Pick<ColumnsOf<typeof donations>, 'festival_id'>>(tx, sql`
    SELECT festival_id FROM donations WHERE order_id = ${orderId} LIMIT 1`);
  if (!gift) return;
  await tx.execute(sql`INSERT INTO access_funds (festival_id) VALUES (${gift.festival_id}) ON CONFLICT DO NOTHING`);
  await tx.execute(sql`SELECT 1 FROM access_funds WHERE festival_id = ${gift.festival_id} FOR UPDATE`);
}

export type CreditOutcome = { credited: boolean; donationId: string | null };

/**
 * A donation's payment is confirmed (only ever called from the verified webhook's path, or the worker's retrieve of
 * the same session): the donation becomes paid and the fund is credited, exactly once. The status change is a
 * conditional UPDATE and the ledger refuses a second credit of one donation (unique per donation and kind), so a
 * replayed or concurrent event credits nothing more. The donor gets a receipt with the first credit only.
 */
export async function creditDonation(tx: Transaction, donationId: string, paymentIntentId: string | null, settings: OrderSettings): Promise<CreditOutcome> {
  const paid = await firstRow<Pick<ColumnsOf<typeof donations>, 'id' | 'festival_id' | 'amount_cents'>>(tx, sql`
    UPDATE donations SET status = 'paid', paid_at = now(), stripe_payment_intent_id = coalesce(stripe_payment_intent_id, ${paymentIntentId})
    WHERE id = ${donationId} AND status IN ('pending', 'expired') RETURNING id, festival_id, amount_cents`);
  if (!paid) return { credited: false, donationId };
  const moved = await moveFund(tx, { festivalId: paid.festival_id, kind: 'donation', amountCents: paid.amount_cents, donationId: paid.id });
  // A credit cannot be refused (it only raises the balance); `recorded: false` means it was already in the ledger.
  if (!moved.ok || !moved.recorded) return { credited: false, donationId };
  await sendDonationReceipt(tx, paid.id, settings);
  return { credited: true, donationId };
}

/** The order is paid: its gift (if any) is credited, once. */
export async function creditOrderGift(tx: Transaction, orderId: string, paymentIntentId: string | null, settings: OrderSettings): Promise<CreditOutcome> {
  const gift = await firstRow<Pick<ColumnsOf<typeof donations>, 'id'>>(tx, sql`SELECT id FROM donations WHERE order_id = ${orderId} LIMIT 1`);
  if (!gift) return { credited: false, donationId: null };
  return creditDonation(tx, gift.id, paymentIntentId, settings);
}

/** An unpaid order ended (its session expired or failed): its gift ends with it. */
export async function expireOrderGift(tx: Transaction, orderId: string): Promise<void> {
  await tx.execute(sql`UPDATE donations SET status = 'expired' WHERE order_id = ${orderId} AND status = 'pending'`);
}

export type RefundOutcome =
  | { refunded: false }
  /** reversedCents < amountCents: the fund had already spent the rest on donated tickets (the shortfall). */
  | { refunded: true; credited: boolean; amountCents: number; reversedCents: number };

/**
 * The donor's money went back. The donation becomes refunded; if the fund was credited with it, the credit is
 * reversed with one `donation_refund` entry. When the fund no longer holds the whole gift (it paid for donated
 * tickets meanwhile), the balance is never taken below zero: the entry reverses what the fund holds and its note
 * records the shortfall, which the fund page lists for staff (the festival has in effect paid for those tickets).
 */
export async function refundDonation(tx: Transaction, donationId: string): Promise<RefundOutcome> {
  const before = await firstRow<Pick<ColumnsOf<typeof donations>, 'status' | 'festival_id' | 'amount_cents'>>(tx, sql`
    SELECT status, festival_id, amount_cents FROM donations WHERE id = ${donationId} FOR UPDATE`);
  if (!before || before.status === 'refunded') return { refunded: false };
  await tx.execute(sql`UPDATE donations SET status = 'refunded' WHERE id = ${donationId}`);
  if (before.status !== 'paid') return { refunded: true, credited: false, amountCents: before.amount_cents, reversedCents: 0 };
  const full = await moveFund(tx, { festivalId: before.festival_id, kind: 'donation_refund', amountCents: before.amount_cents, donationId });
  if (full.ok) return { refunded: true, credited: true, amountCents: before.amount_cents, reversedCents: full.recorded ? before.amount_cents : 0 };
  // The fund row stays locked by the refused move, so the balance read there is still the balance now.
  const available = full.balanceCents;
  const shortfall = before.amount_cents - available;
  const partial = await moveFund(tx, {
    festivalId: before.festival_id,
    kind: 'donation_refund',
    amountCents: available,
    donationId,
    note: `Shortfall ${shortfall} cents: the fund had already spent this part of the gift on donated tickets.`,
  });
  console.warn(`[access fund] donation ${donationId} refunded; the fund could reverse only ${available} of ${before.amount_cents} cents`);
  return { refunded: true, credited: true, amountCents: before.amount_cents, reversedCents: partial.ok && partial.recorded ? available : 0 };
}

/** The order's money went back: its gift is refunded and reversed (see refundDonation). */
export async function refundOrderGift(tx: Transaction, orderId: string): Promise<RefundOutcome> {
  const gift = await firstRow<Pick<ColumnsOf<typeof donations>, 'id'>>(tx, sql`SELECT id FROM donations WHERE order_id = ${orderId} LIMIT 1`);
  if (!gift) return { refunded: false };
  return refundDonation(tx, gift.id);
}

async function sendDonationReceipt(tx: Transaction, donationId: string, settings: OrderSettings): Promise<void> {
  const d = await firstRow<
    Pick<ColumnsOf<typeof donations>, 'id' | 'amount_cents' | 'tickets' | 'currency' | 'donor_name' | 'donor_email'> &
      Pick<ColumnsOf<typeof festivals>, 'time_zone'> & { festival_name: string; order_number: string | null }
  >(tx, sql`
    SELECT d.id, d.amount_cents, d.tickets, d.currency, d.donor_name, d.donor_email, f.time_zone, f.name AS festival_name, o.number AS order_number
    FROM donations d JOIN festivals f ON f.id = d.festival_id LEFT JOIN orders o ON o.id = d.order_id WHERE d.id = ${donationId}`);
  if (!d) return;
  const email = renderDonationReceipt({
    festivalName: d.festival_name,
    donorName: d.donor_name,
    reference: donationReference(d.id),
    amountCents: d.amount_cents,
    currency: d.currency,
    tickets: d.tickets,
    paidOn: formatDayLong(new Date(), d.time_zone),
    orderNumber: d.order_number,
    fundUrl: `${settings.baseUrl}/access/fund`,
  });
  await queueEmail(tx, d.donor_email, email, settings.emailStatus);
}

/** How a donation is referred to on receipts and staff pages: short, and never the donor's name. */
export function donationReference(donationId: string): string {
  return `G-${donationId.slice(0, 8).toUpperCase()}`;
}
