import { getEnv } from './lib/env';
import { startWorker } from './lib/worker';

// Validate the environment now, so a misconfigured deployment fails at start-up rather than on its first request.
// `next build` also loads this file; it has no database and must not start anything.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  getEnv();
  void startWorker();
}
