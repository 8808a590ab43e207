import { defineConfig, devices } from '@playwright/test';

/**
 * E2E against a production build (`next build` + `next start`). `npm test`
 * builds, creates a fresh database and passes it in DATABASE_URL. The server
 * runs in a far-away TZ on purpose: pages must still show festival time.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL;
export const EMULATOR_PORT = Number(process.env.E2E_STRIPE_PORT ?? 12199);
if (!databaseUrl) throw new Error('Run the e2e tests through `npm test` or `npm run test:e2e`: they need a fresh DATABASE_URL.');

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // The same path as `npm start`: scripts/serve.ts starts the Stripe emulator and Marquee's HTTP server (scripts/server.ts).
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs scripts/serve.ts start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/v1/openapi.json`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: databaseUrl,
      TZ: 'Pacific/Auckland',
      NEXT_TELEMETRY_DISABLED: '1',
      // Local mode (loopback, generated secrets, emulator, dev outbox) with the test's own origin as the configured one.
      MARQUEE_MODE: 'local',
      PUBLIC_BASE_URL: baseURL,
      STRIPE_EMULATOR_PORT: String(EMULATOR_PORT),
      // Short holds and a fast worker so that expiry can be watched within a test.
      HOLD_MINUTES: '0.5',
      SWEEP_INTERVAL_SECONDS: '1',
      // The system stage's rush shares this database's rate-limit buckets for the same minute.
      HOLD_RATE_LIMIT_PER_MINUTE: '100000',
      // Every journey signs its people in by emailed link from this one address; the limit itself is proven in integration.
      SIGNIN_EMAILS_PER_CLIENT_PER_HOUR: '100000',
    },
  },
});
