/**
 * Runs once when a Next.js server starts: validates the environment (so a
 * misconfigured deployment fails at start-up, not on the first request) and
 * starts the background worker. Skipped while `next build` runs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getEnv } = await import('./lib/env');
  getEnv();
  const { startWorker } = await import('./lib/worker');
  await startWorker();
}
