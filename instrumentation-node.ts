import { getEnv } from './platform/env';
import { runningServer } from './platform/server/client-identity';
import { cancellationsJob, pruneJob, releaseJob, sweepJob, waitlistOffersJob } from './domain/background-jobs';
import { startWorker } from './platform/worker';

// Validate the environment now, so a misconfigured deployment fails at start-up rather than on its first request.
// `next build` also loads this file; it has no database and must not start anything.
if (process.env.NEXT_PHASE !== 'phase-production-build') {
  const env = getEnv();
  if (env.MARQUEE_MODE === 'local' && !runningServer()) {
    // A bare `next start` listens on every interface and cannot tell who the client is: local mode's outbox and emulator must not be reachable that way.
    console.error('[marquee] local mode runs only through `npm start` / `npm run dev` (scripts/server.ts listens on loopback only). For a public server, set PUBLIC_BASE_URL and the secrets in the README\'s Deploying section.');
    process.exit(1);
  }
  if (env.MARQUEE_MODE === 'production' && !runningServer()) {
    // Nor production: Marquee's HTTP server is where the client's address, the Origin checks of the API and of server
    // actions, and the public page cache live. Under a bare `next start` the API would take cross-site requests.
    console.error('[marquee] production runs only through `npm start` (scripts/server.ts), never a bare `next start`: see the README\'s Deploying section.');
    process.exit(1);
  }
  void startWorker({ sweep: sweepJob, prune: pruneJob, release: releaseJob, waitlistOffers: waitlistOffersJob, cancellations: cancellationsJob });
}
