import { parseArgs } from 'node:util';
import { getEnv } from '../platform/env';
import { startStripeEmulator } from '../tools/stripe-emulator/server';

/**
 * Runs the Stripe emulator on its own, e.g. to click through the hosted
 * checkout by hand:
 *
 *   npx tsx scripts/stripe-emulator.ts --port 12111 --webhook-url http://127.0.0.1:3000/api/stripe/webhook
 *
 * `--webhook-url none` records events without sending them.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '12111' },
    'webhook-url': { type: 'string', default: 'http://127.0.0.1:3000/api/stripe/webhook' },
    'api-key': { type: 'string', default: 'sk_test_emulator' },
    // Default: the webhook secret local mode generated (or STRIPE_WEBHOOK_SECRET), so the local app accepts its events.
    'webhook-secret': { type: 'string' },
  },
  strict: true,
});

async function main(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}".`);
  const webhookUrl = values['webhook-url'] === 'none' ? null : values['webhook-url'];
  const emulator = await startStripeEmulator({
    port,
    apiKey: values['api-key'],
    webhookSecret: values['webhook-secret'] ?? getEnv().STRIPE_WEBHOOK_SECRET,
    webhookUrl,
    log: (line) => console.log(`[stripe-emulator] ${line}`),
  });
  console.log(`Stripe emulator: ${emulator.url} (STRIPE_EMULATOR_URL=${emulator.url})`);
  console.log(`Webhooks: ${webhookUrl ?? 'recorded only'}; test controls: ${emulator.url}/_emulator/events`);

  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
