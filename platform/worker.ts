import PgBoss from 'pg-boss';
import { getEnv } from './env';

/**
 * The background worker, on pg-boss in the same PostgreSQL. Every app
 * instance runs one; pg-boss's singleton keys make one sweep run per interval
 * across all of them, and every step of a sweep is a conditional write, so
 * overlapping sweeps could not double-apply anything anyway.
 */
const SWEEP = 'marquee-sweep';
/** Old rate-limit windows and finished sign-in failures, deleted at most once per PRUNE_SECONDS across all instances. */
const PRUNE = 'marquee-prune';
const PRUNE_SECONDS = 300;
/** Access allocations past their cut-off go back on general sale: at most one run per RELEASE_SECONDS across all instances. */
const RELEASE = 'marquee-access-release';
const RELEASE_SECONDS = 60;
/** Waiting-list offers (Indigenous Access): once a minute across all instances. */
const WAITLIST_OFFERS = 'marquee-waitlist-offers';
const WAITLIST_OFFERS_SECONDS = 60;
/** Cancelled screenings' holders: every few seconds, so staff watch the progress move and a chosen refund goes at once. */
const CANCELLATIONS = 'marquee-cancellations';
const CANCELLATIONS_SECONDS = 3;
/**
 * What the worker runs, handed in by the caller (instrumentation-node.ts):
 * the platform never imports the domain, so the jobs come from outside.
 */
export interface WorkerJobs {
  /** Expire holds, settle and refund payments, deliver queued email: every SWEEP_INTERVAL_SECONDS. */
  sweep: () => Promise<void>;
  /** Delete old rate-limit windows and sign-in failures: at most once per PRUNE_SECONDS. */
  prune: () => Promise<void>;
  /** Return access places past their scheme's cut-off to general sale: at most once per RELEASE_SECONDS. */
  release: () => Promise<void>;
  /** Close lapsed waiting-list offers and offer returned places: every WAITLIST_OFFERS_SECONDS. */
  waitlistOffers: () => Promise<void>;
  /** Work through cancelled screenings' orders (email, void, refund): every CANCELLATIONS_SECONDS. */
  cancellations: () => Promise<void>;
}
const globalForWorker = globalThis as typeof globalThis & { __marqueeWorker?: Promise<PgBoss | null> };

export function startWorker(jobs: WorkerJobs): Promise<PgBoss | null> {
  globalForWorker.__marqueeWorker ??= bootWithRetry(jobs);
  return globalForWorker.__marqueeWorker;
}

/**
 * Instances that start together race to create pg-boss's schema and queues
 * and can deadlock each other; the loser retries. The web server never waits
 * on, or dies with, the worker.
 */
async function bootWithRetry(jobs: WorkerJobs): Promise<PgBoss | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boot(jobs);
    } catch (error) {
      const delay = Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random());
      console.error(`[worker] start failed (attempt ${attempt}); retrying in ${Math.round(delay)} ms:`, error instanceof Error ? error.message : error);
      await new Promise((r) => setTimeout(r, delay).unref());
    }
  }
}

async function boot(jobs: WorkerJobs): Promise<PgBoss | null> {
  const env = getEnv();
  if (env.WORKER_ENABLED !== '1' || !env.DATABASE_URL) return null;
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, application_name: 'marquee-worker' });
  boss.on('error', (error) => console.error('[worker]', error));
  try {
    await boss.start();
    await boss.createQueue(SWEEP);
    await boss.createQueue(PRUNE);
    await boss.createQueue(RELEASE);
    await boss.createQueue(WAITLIST_OFFERS);
    await boss.createQueue(CANCELLATIONS);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  await boss.work(SWEEP, { pollingIntervalSeconds: 1 }, async () => {
    await jobs.sweep();
  });
  await boss.work(PRUNE, { pollingIntervalSeconds: 30 }, async () => {
    await jobs.prune();
  });
  await boss.work(RELEASE, { pollingIntervalSeconds: 5 }, async () => {
    await jobs.release();
  });
  await boss.work(WAITLIST_OFFERS, { pollingIntervalSeconds: 5 }, async () => {
    await jobs.waitlistOffers();
  });
  await boss.work(CANCELLATIONS, { pollingIntervalSeconds: 1 }, async () => {
    await jobs.cancellations();
  });
  const tick = () =>
    boss
      .send(SWEEP, {}, { singletonKey: 'sweep', singletonSeconds: env.SWEEP_INTERVAL_SECONDS, retryLimit: 0 })
      .catch((error: unknown) => console.error('[worker] could not queue a sweep', error));
  void tick();
  setInterval(tick, env.SWEEP_INTERVAL_SECONDS * 1000).unref();
  const prune = () =>
    boss
      .send(PRUNE, {}, { singletonKey: 'prune', singletonSeconds: PRUNE_SECONDS, retryLimit: 0 })
      .catch((error: unknown) => console.error('[worker] could not queue a prune', error));
  void prune();
  setInterval(prune, 60_000).unref();
  // Each run is safe to repeat (it moves what is free under the pool's lock); the singleton only saves work.
  const release = () =>
    boss
      .send(RELEASE, {}, { singletonKey: 'access-release', singletonSeconds: RELEASE_SECONDS, retryLimit: 0 })
      .catch((error: unknown) => console.error('[worker] could not queue an access release', error));
  void release();
  setInterval(release, RELEASE_SECONDS * 1000).unref();
  // A singleton per minute: two runs cannot overlap, and each offer run locks the pool row it offers from anyway.
  const offers = () =>
    boss
      .send(WAITLIST_OFFERS, {}, { singletonKey: 'waitlist-offers', singletonSeconds: WAITLIST_OFFERS_SECONDS, retryLimit: 0 })
      .catch((error: unknown) => console.error('[worker] could not queue waiting-list offers', error));
  void offers();
  setInterval(offers, WAITLIST_OFFERS_SECONDS * 1000).unref();
  // Each step is its own transaction under its row's lock (SKIP LOCKED) and every refund has its request key: two runs
  // at once share the work, and a run killed part-way is finished by the next without refunding anyone twice.
  const cancellations = () =>
    boss
      .send(CANCELLATIONS, {}, { singletonKey: 'cancellations', singletonSeconds: CANCELLATIONS_SECONDS, retryLimit: 0 })
      .catch((error: unknown) => console.error('[worker] could not queue the cancellations job', error));
  void cancellations();
  setInterval(cancellations, CANCELLATIONS_SECONDS * 1000).unref();
  console.log(`[worker] started: sweeping every ${env.SWEEP_INTERVAL_SECONDS} s`);
  return boss;
}
