import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { donations, festivals } from '@/db/schema';
import { firstRow, type ColumnsOf } from '@/db/sql';
import { getFestivalTicketValueCents } from '@/domain/access-fund/face-value';
import { giftCents, isEmptyGift, isValidGift, type GiftInput } from '@/domain/access-fund/donations';
import { getOrderSettings } from '@/domain/payments/checkout';
import { getStripe } from '@/platform/stripe';

export type StartDonationResult =
  | { ok: true; donationId: string; checkoutUrl: string }
  | { ok: false; reason: 'invalid_gift' | 'festival_not_found' | 'payment_unavailable' };

/** Stripe's minimum lifetime for a Checkout Session, plus a margin for clock skew (as for orders). */
const SESSION_SECONDS = 31 * 60;

/**
 * A gift without a purchase (the donation page): a pending donation and its own Stripe Checkout Session, in the
 * festival's currency, for n tickets at the festival's usual ticket value and/or whole dollars. Nothing reaches the
 * fund here: only the verified webhook's completed session credits it (domain/payments/payments.ts). The session
 * carries the donation's id in its metadata, but the webhook trusts it only while no session is recorded, and only
 * for the donation's exact amount and currency.
 */
export async function startDonationCheckout(festivalId: string, gift: GiftInput, donor: { name: string; email: string }): Promise<StartDonationResult> {
  if (!isValidGift(gift) || isEmptyGift(gift)) return { ok: false, reason: 'invalid_gift' };
  const db = getDb();
  const settings = getOrderSettings();
  const festival = await firstRow<Pick<ColumnsOf<typeof festivals>, 'currency' | 'name'>>(db, sql`SELECT currency, name FROM festivals WHERE id = ${festivalId}`);
  if (!festival) return { ok: false, reason: 'festival_not_found' };
  const amount = giftCents(gift, gift.tickets > 0 ? await getFestivalTicketValueCents(db, festivalId) : 0);
  const donation = await firstRow<Pick<ColumnsOf<typeof donations>, 'id'>>(db, sql`
    INSERT INTO donations (festival_id, amount_cents, tickets, currency, donor_name, donor_email)
    VALUES (${festivalId}, ${amount}, ${gift.tickets}, ${festival.currency}, ${donor.name}, ${donor.email}) RETURNING id`);
  const donationId = donation!.id;
  try {
    const session = await getStripe().checkout.sessions.create(
      {
        mode: 'payment',
        customer_email: donor.email,
        client_reference_id: donationId,
        metadata: { donation_id: donationId },
        payment_intent_data: { metadata: { donation_id: donationId } },
        expires_at: Math.floor(Date.now() / 1000) + SESSION_SECONDS,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: festival.currency.toLowerCase(),
              unit_amount: amount,
              product_data: { name: `${festival.name}: gift to the access fund` },
            },
          },
        ],
        success_url: `${settings.baseUrl}/donate/thanks?donation=${donationId}`,
        cancel_url: `${settings.baseUrl}/donate?cancelled=1`,
      },
      { idempotencyKey: `donation:${donationId}` },
    );
    // A webhook that came first has recorded the session already (by the metadata): keep what it bound.
    await db.execute(sql`UPDATE donations SET stripe_session_id = coalesce(stripe_session_id, ${session.id}), checkout_url = ${session.url}
      WHERE id = ${donationId}`);
    if (!session.url) return { ok: false, reason: 'payment_unavailable' };
    return { ok: true, donationId, checkoutUrl: session.url };
  } catch (error) {
    console.error('[donation] could not create the Stripe session', error);
    await db.execute(sql`UPDATE donations SET status = 'expired' WHERE id = ${donationId} AND status = 'pending'`);
    return { ok: false, reason: 'payment_unavailable' };
  }
}

/** What the thank-you page may say about a donation: its amount and whether the payment is confirmed, nothing about who. */
export async function getDonationOutcome(donationId: string): Promise<{ amountCents: number; currency: string; tickets: number; status: string } | null> {
  const row = await firstRow<Pick<ColumnsOf<typeof donations>, 'amount_cents' | 'currency' | 'tickets' | 'status'>>(getDb(), sql`
    SELECT amount_cents, currency, tickets, status FROM donations WHERE id = ${donationId} AND order_id IS NULL`);
  return row ? { amountCents: row.amount_cents, currency: row.currency, tickets: row.tickets, status: row.status } : null;
}
