import { getEnv, usesStripeEmulator } from './env';

/**
 * The dev outbox shows every email, sign-in links included, to anyone: only
 * in development, or in a local production build that asks for it.
 */
export function devOutboxEnabled(): boolean {
  const env = getEnv();
  if (env.SMTP_URL || !usesStripeEmulator(env)) return false;
  return env.NODE_ENV !== 'production' || env.MARQUEE_DEV_OUTBOX === '1';
}
