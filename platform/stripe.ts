import Stripe from 'stripe';
import { getEnv, usesStripeEmulator } from './env';

/** The emulator's fixed test key: it only ever talks to the local emulator. */
export const EMULATOR_API_KEY = 'sk_test_emulator';

let client: Stripe | undefined;

/**
 * The official SDK, always. Without STRIPE_SECRET_KEY it is pointed at the
 * local emulator (host/port/protocol), which `npm run dev`, `npm start` and
 * the tests start themselves.
 */
export function getStripe(): Stripe {
  if (client) return client;
  const env = getEnv();
  if (!usesStripeEmulator(env)) {
    client = new Stripe(env.STRIPE_SECRET_KEY!, { maxNetworkRetries: 2, timeout: 20_000 });
    return client;
  }
  if (!env.STRIPE_EMULATOR_URL) {
    throw new Error('No STRIPE_SECRET_KEY and no STRIPE_EMULATOR_URL: start the app with `npm run dev` or `npm start`, which start the Stripe emulator.');
  }
  const url = new URL(env.STRIPE_EMULATOR_URL);
  client = new Stripe(EMULATOR_API_KEY, {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 1,
    timeout: 10_000,
  });
  return client;
}

/** Verifies the signature over the raw body, as Stripe signs it. */
export function verifyWebhook(rawBody: string, signature: string | null): { ok: true; event: Stripe.Event } | { ok: false; message: string } {
  if (!signature) return { ok: false, message: 'Missing Stripe-Signature header' };
  try {
    return { ok: true, event: getStripe().webhooks.constructEvent(rawBody, signature, getEnv().STRIPE_WEBHOOK_SECRET) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'Invalid signature' };
  }
}
