/** Currencies whose Stripe amounts are already in whole units (no cents). */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

/** Formats a Stripe amount (minor units) for people, e.g. 2550 eur → "€25.50". */
export function formatAmount(amount: number, currency: string): string {
  const divisor = ZERO_DECIMAL.has(currency.toLowerCase()) ? 1 : 100;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / divisor);
  } catch {
    // An unknown ISO code makes Intl throw; still show something readable.
    return `${(amount / divisor).toFixed(divisor === 1 ? 0 : 2)} ${currency.toUpperCase()}`;
  }
}
