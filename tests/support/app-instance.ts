import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A production `next start` on a port of its own, for tests that need real HTTP and real processes. */
export interface AppInstance {
  url: string;
  stop(): Promise<void>;
  kill(): void;
}

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

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

export async function startAppInstance(port: number, env: Record<string, string>): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    // A real production server: the test runner's NODE_ENV=test must not leak into it.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PUBLIC_BASE_URL: url, ...env },
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
