/**
 * Runs once when a Next.js server starts. The Node-only part lives in its own
 * file behind the documented NEXT_RUNTIME check, so the edge bundle never
 * pulls in the database driver or the worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./instrumentation-node');
  }
}
