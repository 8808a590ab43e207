import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A bearer secret for a hold or an API client: 32 random bytes. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Crockford base32 without I, L, O, U: nothing to misread at the door.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** 12 base32 characters = 60 bits: unguessable, still short enough to read out. */
export function newTicketCode(): string {
  const raw = randomCode(12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

export function newOrderNumber(): string {
  return `MQ-${randomCode(6)}`;
}

/** The secret in an order's link, derived so that the server never stores it. */
export function orderAccessToken(orderId: string, secret: string): string {
  return createHmac('sha256', secret).update(`order:${orderId}`).digest('base64url');
}

export function isOrderAccessToken(orderId: string, token: string, secret: string): boolean {
  return sameHash(orderAccessToken(orderId, secret), token);
}

/**
 * A partner's single-use access code: 10 base32 characters = 50 bits, read out or typed as XXXXX-XXXXX. Guessing is
 * hopeless at the redemption rate limit (a few tries a minute per client against ~10^15 codes).
 */
export function newAccessCode(): string {
  const raw = randomCode(10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}
