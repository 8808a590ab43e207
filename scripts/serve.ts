import { spawn } from 'node:child_process';
import { getEnv } from '../lib/env';
import { EMULATOR_API_KEY } from '../lib/stripe';
import { startStripeEmulator } from '../lib/stripe-emulator/server';
import { bootAppDatabase } from './lib/database';
import { nextBin } from './lib/run';

/**
 * `npm run dev` and `npm start`: bring the database up (embedded unless
 * DATABASE_URL is set), migrate, seed; start the local Stripe emulator unless
 * STRIPE_SECRET_KEY is set; then run Next with both wired in.
 */
function appPort(args: string[]): number {
  const i = args.findIndex((a) => a === '-p' || a === '--port');
  return Number(i >= 0 ? args[i + 1] : (process.env.PORT ?? 3000));
}

async function main() {
  const mode = process.argv[2] === 'start' ? 'start' : 'dev';
  const passThrough = process.argv.slice(3);
  const env = getEnv();
  const database = await bootAppDatabase();
  const childEnv: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: '1', ...process.env, DATABASE_URL: database.url };

  let stopEmulator = async () => undefined as void;
  if (!env.STRIPE_SECRET_KEY) {
    const emulator = await startStripeEmulator({
      port: env.STRIPE_EMULATOR_PORT,
      apiKey: EMULATOR_API_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      webhookUrl: `http://127.0.0.1:${appPort(passThrough)}/api/stripe/webhook`,
      log: (line) => console.log(`[stripe-emulator] ${line}`),
    });
    stopEmulator = () => emulator.stop();
    childEnv.STRIPE_EMULATOR_URL = emulator.url;
    // A local production build may use the emulator only because this script started it on purpose.
    if (mode === 'start') {
      childEnv.MARQUEE_ALLOW_STRIPE_EMULATOR = '1';
      childEnv.MARQUEE_DEV_OUTBOX ??= '1';
    }
    console.log(`[stripe] no STRIPE_SECRET_KEY: payments go to the local Stripe emulator at ${emulator.url} (test card 4242 4242 4242 4242)`);
  }

  // Turbopack's dev watcher covers the whole project, including the embedded
  // PostgreSQL's files under .data/, whose writes would reload pages endlessly;
  // webpack watches only the module graph.
  const bundler = mode === 'dev' && !passThrough.includes('--turbopack') && !passThrough.includes('--webpack') ? ['--webpack'] : [];
  const child = spawn(process.execPath, [nextBin, mode, ...bundler, ...passThrough], { stdio: 'inherit', env: childEnv });
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
