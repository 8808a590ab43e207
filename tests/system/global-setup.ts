import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { EMULATOR_API_KEY } from '../../platform/stripe';
import { startStripeEmulator } from '../../tools/stripe-emulator/server';
import { bootTestDatabase } from '../../scripts/lib/database';
import { startAppInstances } from '../support/app-instance';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    appUrls: string[];
    emulatorUrl: string;
    webhookSecret: string;
    appSecret: string;
  }
}

// Generated per run: no secret the instances accept is printed in the repository.
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64url')}`;
const APP_SECRET = randomBytes(32).toString('base64url');
const PORTS = [3201, 3202];

/**
 * Two production app instances on one database (the on-sale rush spreads
 * over both) and one Stripe emulator delivering webhooks to the first.
 * Needs `next build` first: `npm test` runs the build stage before this one.
 */
export default async function setup(project: TestProject) {
  const db = process.env.TEST_DATABASE_URL ? null : await bootTestDatabase();
  const databaseUrl = process.env.TEST_DATABASE_URL ?? db!.url;
  const emulator = await startStripeEmulator({
    port: 0,
    apiKey: EMULATOR_API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${PORTS[0]}/api/stripe/webhook`,
    retry: { attempts: 12, baseDelayMs: 300 },
  });
  // The test workers forge session cookies with the instances' secret (tests/system/authorization.test.ts).
  process.env.APP_SECRET = APP_SECRET;
  const env = {
    // Local mode on loopback, with the configured origin set (app-instance.ts) and the run's own secrets.
    MARQUEE_MODE: 'local',
    APP_SECRET,
    DATABASE_URL: databaseUrl,
    STRIPE_EMULATOR_URL: emulator.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // The on-sale tests stand for many buyers behind one proxy: each sends its own X-Forwarded-For.
    TRUSTED_PROXY_HOPS: '1',
    HOLD_RATE_LIMIT_PER_MINUTE: '100000',
    DB_POOL_MAX: '8',
    SWEEP_INTERVAL_SECONDS: '1',
  };
  const apps = await startAppInstances(PORTS, env);
  project.provide('databaseUrl', databaseUrl);
  project.provide('appUrls', apps.map((a) => a.url));
  project.provide('emulatorUrl', emulator.url);
  project.provide('webhookSecret', WEBHOOK_SECRET);
  project.provide('appSecret', APP_SECRET);
  return async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await emulator.stop();
    await db?.stop();
  };
}
