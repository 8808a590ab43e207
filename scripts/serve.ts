import { spawn } from 'node:child_process';
import { bootAppDatabase } from './lib/database';
import { nextBin } from './lib/run';

/**
 * `npm run dev` and `npm start`: bring the database up (embedded unless
 * DATABASE_URL is set), migrate, seed, then run Next with DATABASE_URL set.
 */
async function main() {
  const mode = process.argv[2] === 'start' ? 'start' : 'dev';
  const passThrough = process.argv.slice(3);
  const database = await bootAppDatabase();
  const child = spawn(process.execPath, [nextBin, mode, ...passThrough], {
    stdio: 'inherit',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, DATABASE_URL: database.url },
  });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  child.on('exit', async (code) => {
    await database.stop();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
