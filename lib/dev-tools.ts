import { getEnv, usesStripeEmulator } from './env';

/** The dev outbox exists only where no real mail goes out and no real money moves. */
export function devOutboxEnabled(): boolean {
  const env = getEnv();
  return !env.SMTP_URL && (env.NODE_ENV !== 'production' || usesStripeEmulator(env));
}
