import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A production build served by Marquee's own HTTP server (scripts/server.ts,
 * the same as `npm start`) on a port of its own, for tests that need real
 * HTTP and real processes. Local mode on loopback unless the test's env says
 * otherwise; the test passes its own secrets.
 */
export interface AppInstance {
  url: string;
  stop(): Promise<void>;
  kill(): void;
}

const serverScript = path.join(process.cwd(), 'scripts', 'server.ts');
const tsx = require.resolve('tsx');

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app on ${url} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/openapi.json`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app on ${url} did not start in time`);
}

/** Starts the server and waits for its exit, for tests of start-up refusals. */
export function runServerUntilExit(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
  command: 'start' | 'dev' = 'start',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, serverScript, command, ...args], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function startAppInstance(port: number, env: Record<string, string>): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', tsx, serverScript, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    // A real production build: the test runner's NODE_ENV=test must not leak into it (scripts/server.ts sets it too).
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', MARQUEE_MODE: 'local', PUBLIC_BASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}\n${log.slice(-2000)}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    kill: () => child.kill('SIGKILL'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Several instances at once; if one fails to start, the others are stopped rather than left running. */
export async function startAppInstances(ports: number[], env: Record<string, string>): Promise<AppInstance[]> {
  const results = await Promise.allSettled(ports.map((port) => startAppInstance(port, env)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(results.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<AppInstance>).value);
}

/**
 * A production-mode instance, configured as a real deployment would be: its own secrets, a Stripe key
 * (never called), SMTP on a port nothing listens on and no worker, so emails stay queued for tests to read.
 */
export function startProductionInstance(port: number, env: Record<string, string> = {}): Promise<AppInstance> {
  return startAppInstance(port, {
    MARQUEE_MODE: '',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    APP_SECRET: randomBytes(32).toString('base64url'),
    STRIPE_SECRET_KEY: 'sk_test_not_a_real_key',
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64url')}`,
    STRIPE_EMULATOR_URL: '',
    SMTP_URL: 'smtp://127.0.0.1:9',
    WORKER_ENABLED: '0',
    ...env,
  });
}
