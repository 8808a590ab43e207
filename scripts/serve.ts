import { spawn } from 'node:child_process';
import path from 'node:path';
import { getEnv } from '../platform/env';
import { EMULATOR_API_KEY } from '../platform/stripe';
import { startStripeEmulator } from '../tools/stripe-emulator/server';
import { resolveBindAddress } from './lib/bind-address';
import { bootAppDatabase } from './lib/database';

/**
 * `npm run dev` and `npm start`. The mode is decided here, once:
 * - LOCAL (no PUBLIC_BASE_URL, or MARQUEE_MODE=local): secrets generated once
 *   into the data directory, loopback only, the Stripe emulator unless
 *   STRIPE_SECRET_KEY is set, emails in the dev outbox unless SMTP_URL is set.
 * - PRODUCTION (PUBLIC_BASE_URL set, or MARQUEE_MODE=production): every
 *   secret from the environment, or no start at all; never the emulator or
 *   the outbox.
 * Then the database comes up (embedded unless DATABASE_URL), is migrated and
 * seeded, and scripts/server.ts runs Next behind Marquee's own HTTP server.
 */
function flag(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const mode = process.argv[2] === 'start' ? 'start' : 'dev';
  const passThrough = process.argv.slice(3);
  // The port shapes local mode's default public address, so it is settled before the environment is read.
  const portFlag = flag(passThrough, '-p', '--port');
  if (portFlag) process.env.PORT = portFlag;
  const env = getEnv();
  if (mode === 'dev' && env.MARQUEE_MODE === 'production') {
    // Refused before the database starts; scripts/server.ts refuses it again for anyone who starts it directly.
    throw new Error('Production mode runs a production build: `npm run build && npm start`, not `npm run dev`.');
  }
  const port = env.PORT;
  // Refused before anything starts: local mode never listens beyond this machine.
  resolveBindAddress(env, flag(passThrough, '-H', '--hostname'));
  console.log(
    env.MARQUEE_MODE === 'local'
      ? `[marquee] LOCAL mode: ${env.modeReason}. Listening on this machine only; ${env.secretsFile ? `secrets generated in ${env.secretsFile}` : 'secrets from the environment'}; ` +
          `${env.STRIPE_SECRET_KEY ? 'payments on Stripe (your key)' : 'payments on the Stripe emulator'}; ${env.SMTP_URL ? 'emails by SMTP' : 'emails in the dev outbox'}. Set PUBLIC_BASE_URL (see the README's Deploying section) to put it online.`
      : `[marquee] PRODUCTION mode: ${env.modeReason}. Secrets from the environment, payments on Stripe, emails by SMTP; no emulator, no outbox.`,
  );
  const database = await bootAppDatabase();
  const childEnv: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: '1',
    ...process.env,
    // The child must reach the same decision without re-deriving it: the public URL below is set even in local mode.
    MARQUEE_MODE: env.MARQUEE_MODE,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL,
    APP_SECRET: env.APP_SECRET,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
    PORT: String(port),
    DATABASE_URL: database.url,
  };

  let stopEmulator = async () => undefined as void;
  if (env.MARQUEE_MODE === 'local' && !env.STRIPE_SECRET_KEY) {
    const emulator = await startStripeEmulator({
      port: env.STRIPE_EMULATOR_PORT,
      apiKey: EMULATOR_API_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`,
      log: (line) => console.log(`[stripe-emulator] ${line}`),
    });
    stopEmulator = () => emulator.stop();
    childEnv.STRIPE_EMULATOR_URL = emulator.url;
    console.log(`[stripe] payments go to the local Stripe emulator at ${emulator.url} (loopback only; test card 4242 4242 4242 4242)`);
  } else {
    delete childEnv.STRIPE_EMULATOR_URL;
  }

  const tsx = require.resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, path.join(__dirname, 'server.ts'), mode, ...passThrough], { stdio: 'inherit', env: childEnv });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  child.on('exit', async (code) => {
    await stopEmulator();
    await database.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`[marquee] not starting: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
