import { createHmac } from 'node:crypto';
import { hashToken } from '@/platform/tokens';

/**
 * The secret in a holder's "choose a refund, an exchange or a gift" link. Derived from the app secret, the screening
 * and the order, so the job can put it in the email at any time (a retried step writes the same link) while the
 * database keeps only its sha256 (`cancellation_orders.choice_token_hash`): a copy of the database opens no choice.
 */
export function cancellationChoiceToken(screeningId: string, orderId: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(`cancellation-choice:${screeningId}:${orderId}`).digest('base64url');
}

export function cancellationChoiceTokenHash(screeningId: string, orderId: string, appSecret: string): string {
  return hashToken(cancellationChoiceToken(screeningId, orderId, appSecret));
}

export function cancellationChoiceUrl(screeningId: string, orderId: string, s: { appSecret: string; baseUrl: string }): string {
  return `${s.baseUrl}/cancellations/choose/${cancellationChoiceToken(screeningId, orderId, s.appSecret)}`;
}

/** A token as it arrives in a URL: the shape of a base64url sha256 HMAC, so anything else is refused before a lookup. */
export function isChoiceTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
