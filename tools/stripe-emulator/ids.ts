import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random base62 text; modulo bias is irrelevant for test identifiers. */
function randomText(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * Ids with Stripe's real prefixes (`cs_test_…`, `pi_…`, `ch_…`, `re_…`,
 * `evt_…`), so code that sniffs prefixes behaves as it would against Stripe.
 */
export function newId(prefix: 'cs_test' | 'pi' | 'ch' | 're' | 'evt' | 'req'): string {
  return `${prefix}_${randomText(prefix === 'cs_test' ? 58 : 24)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
