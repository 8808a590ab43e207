import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Next's guard module throws outside a React Server Components build; tests import queries directly.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
};

/**
 * The runner check (`scripts/test-all.ts runner`) runs the real integration
 * command on one fixture of tests/runner-fixtures instead of the suite, to
 * prove that a failing test makes the command exit non-zero.
 */
const fixture = process.env.MARQUEE_RUNNER_FIXTURE;
if (fixture !== undefined && !/^[a-z-]+$/.test(fixture)) throw new Error(`MARQUEE_RUNNER_FIXTURE: not a fixture name: ${fixture}`);
const integrationFiles = fixture ? [`tests/runner-fixtures/${fixture}.test.ts`] : ['tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: integrationFiles,
          environment: 'node',
          globalSetup: ['tests/support/integration-global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/system/global-setup.ts'],
          setupFiles: ['tests/support/integration-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
