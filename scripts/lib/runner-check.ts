import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isPortOpen } from '../../db/embedded';

/**
 * The `runner` stage: proves that the test commands exit non-zero when a test
 * fails. It runs the real commands (`npm run test:integration`, which is
 * `vitest run --project integration`, and this script's own `integration`
 * stage) on one fixture of tests/runner-fixtures, on the embedded PostgreSQL
 * path (no DATABASE_URL), which is the path whose exit hook used to turn a
 * failure into exit 0. A passing fixture is the control: the same command must
 * exit 0 on it. After each run no PostgreSQL may be left listening. Its own
 * port and data directory keep it apart from any other server.
 */

interface Outcome {
  code: number;
  output: string;
}

function capture(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    child.on('error', (error) => resolve({ code: 127, output: String(error) }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}


const lastLine = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .at(-1)
    ?.replace(/\x1b\[[0-9;]*m/g, '') ?? '';

export async function checkRunner(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'marquee-runner-'));
  // The test cluster listens on EMBEDDED_PG_PORT + 1.
  const clusterPort = Number(process.env.RUNNER_CHECK_PG_PORT) || (await freePort());
  const base: NodeJS.ProcessEnv = { ...process.env, MARQUEE_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(clusterPort - 1), FORCE_COLOR: '0', NO_COLOR: '1' };
  delete base.DATABASE_URL;
  delete base.TEST_DATABASE_URL;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tsx = 'node_modules/.bin/tsx';

  const checks: { name: string; command: string; args: string[]; fixture: string; expect: (o: Outcome) => string | null }[] = [
    {
      name: 'npm run test:integration, a failing test',
      command: npm,
      args: ['run', '--silent', 'test:integration'],
      fixture: 'always-fails',
      expect: (o) => (o.code !== 0 ? null : 'exited 0'),
    },
    {
      name: 'npm run test:integration, a passing test',
      command: npm,
      args: ['run', '--silent', 'test:integration'],
      fixture: 'always-passes',
      expect: (o) => (o.code === 0 ? null : `exited ${o.code}`),
    },
    {
      name: 'test-all integration stage, a failing test',
      command: tsx,
      args: ['scripts/test-all.ts', 'integration'],
      fixture: 'always-fails',
      expect: (o) =>
        o.code === 0 ? 'exited 0' : lastLine(o.output) !== 'tests: 0 passed, 1 failed' ? `last line was "${lastLine(o.output)}"` : null,
    },
  ];

  let failed = 0;
  try {
    for (const check of checks) {
      const started = Date.now();
      const outcome = await capture(check.command, check.args, {
        ...base,
        MARQUEE_RUNNER_FIXTURE: check.fixture,
        // The nested test-all writes its reports here, not over this run's.
        MARQUEE_TEST_RESULTS: path.join(dataDir, 'results'),
      });
      let problem = check.expect(outcome);
      if (!problem && (await isPortOpen(clusterPort))) problem = `PostgreSQL still listening on port ${clusterPort}`;
      if (!problem && existsSync(path.join(dataDir, 'test-pg', 'postmaster.pid'))) problem = 'PostgreSQL still running (postmaster.pid left)';
      const took = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${problem ? '✗' : '✓'} ${check.name}: exit ${outcome.code} (${took} s)${problem ? ` — ${problem}` : ''}`);
      if (problem) {
        failed += 1;
        console.log(outcome.output.split('\n').slice(-40).join('\n'));
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}
