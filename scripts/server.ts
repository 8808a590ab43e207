/**
 * Runs the app through Marquee's own HTTP server (scripts/lib/http-server.ts):
 *   tsx scripts/server.ts start|dev [-p PORT] [-H HOST] [--webpack|--turbopack]
 * `npm start` / `npm run dev` reach it through scripts/serve.ts, which also
 * brings up the database and, in local mode, the Stripe emulator; the test
 * suites start it directly with their own database and emulator.
 */
function flag(args: string[], ...names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const dev = args[0] === 'dev';
  // Before anything reads it: Next and React pick their build from NODE_ENV.
  Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' });
  const { startHttpServer, describeMode } = await import('./lib/http-server');
  const { getEnv } = await import('../platform/env');
  const env = getEnv();
  if (dev && env.MARQUEE_MODE === 'production') {
    // The dev server sends stack traces to browsers, loosens the CSP and opens its HMR socket: never for the public.
    throw new Error('Production mode runs a production build: `npm run build && npm start`, not `npm run dev`.');
  }
  const portFlag = flag(args, '-p', '--port');
  const running = await startHttpServer({
    dev,
    port: portFlag !== undefined ? Number(portFlag) : env.PORT,
    hostname: flag(args, '-H', '--hostname'),
    bundler: args.includes('--turbopack') ? 'turbopack' : dev || args.includes('--webpack') ? 'webpack' : undefined,
  });
  console.log(describeMode(env, running.url));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[marquee] not starting: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
