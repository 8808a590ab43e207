import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Agent, setGlobalDispatcher } from 'undici';
import { createConnection } from '../db/client';
import { LARGE_FESTIVAL, seedLargeFestival } from '../db/seed/large';
import { EMULATOR_API_KEY } from '../platform/stripe';
import { startStripeEmulator } from '../tools/stripe-emulator/server';
import { bootTestDatabase } from '../scripts/lib/database';
import { nextBin, run } from '../scripts/lib/run';
import { startAppInstance } from '../tests/support/app-instance';
import { rows } from '@/db/sql';

/**
 * The public pages at a real festival's size, measured (issue 10). Builds the production app, seeds the large festival
 * on a fresh database, serves it from one instance, and loads each route for BENCH_SECONDS at BENCH_CONNECTIONS
 * concurrent connections: req/s, p50 and p99, each as a ratio to a static file's req/s, plus the HTML bytes of `/`.
 * The load comes from wrk when it is installed (`apt-get install wrk`: a C client, so the client's own cost does not
 * flatter the ratios), else from a Node client. A second instance with the page cache off shows what one render costs
 * (what a cache miss costs, and what every request cost before the cache).
 * A benchmark, not a test: it reports to bench/results/ and the README's table.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface RouteResult {
  route: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function wrkAvailable(): Promise<boolean> {
  return new Promise((resolve) => execFile('wrk', ['--version'], (error) => resolve(!error || (error as { code?: unknown }).code !== 'ENOENT')));
}

/** wrk's "50%  12.34ms" lines, in milliseconds. */
function wrkMs(text: string, label: string): number {
  const m = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\b`, 'm').exec(text);
  if (!m) return NaN;
  const value = Number(m[1]);
  return Number((m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value).toFixed(1));
}

async function loadWithWrk(route: string, url: string): Promise<RouteResult> {
  const out = await new Promise<string>((resolve, reject) =>
    execFile('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', url], { maxBuffer: 1 << 20 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { route, requests, errors, rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN)), p50: wrkMs(out, '50%'), p99: wrkMs(out, '99%') };
}

/** CONNECTIONS loops requesting `url` back to back for SECONDS (wrk's closed model). */
async function loadWithNode(route: string, url: string): Promise<RouteResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (!res.ok) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    route,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
  };
}

async function main() {
  setGlobalDispatcher(new Agent({ connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000 }));
  const useWrk = await wrkAvailable();
  const load = useWrk ? loadWithWrk : loadWithNode;
  console.log(`bench:pages — ${CONNECTIONS} connections, ${SECONDS} s per route, large festival, load from ${useWrk ? 'wrk' : 'a Node client (install wrk for cleaner figures)'}`);
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log('building the production app…');
    if ((await run(process.execPath, [nextBin, 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' })) !== 0) throw new Error('next build failed');
  }
  const database = await bootTestDatabase();
  const { db, sql: client } = createConnection(database.url, 4);
  const emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: 'whsec_bench_pages_0123456789abcdef', webhookUrl: null });
  try {
    console.log('seeding the large festival…');
    const seeded = await seedLargeFestival(db, new Date(), (line) => console.log(line));
    const festivalId = seeded.festivalId;
    const [film] = await rows<{ slug: string }>(db, sql`SELECT slug FROM films WHERE festival_id = ${festivalId} ORDER BY slug LIMIT 1`);
    // The availability endpoint as the programme's first page asks it: the screenings its 24 films list.
    const page = await rows<{ id: string }>(db, sql`
      SELECT s.id FROM screenings s JOIN screening_films sf ON sf.screening_id = s.id JOIN films f ON f.id = sf.film_id
      WHERE f.festival_id = ${festivalId} AND f.id IN (SELECT id FROM films WHERE festival_id = ${festivalId} ORDER BY title LIMIT 24)
      ORDER BY s.starts_at LIMIT 72`);
    const env = {
      DATABASE_URL: database.url,
      FESTIVAL_SLUG: LARGE_FESTIVAL.slug,
      STRIPE_EMULATOR_URL: emulator.url,
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_pages_0123456789abcdef',
      WORKER_ENABLED: '0',
    };
    const app = await startAppInstance(3311, env);
    // The same app with the page cache off: every request renders, as every request did before issue 10.
    const uncached = await startAppInstance(3312, { ...env, PUBLIC_PAGE_CACHE_SECONDS: '0' });
    try {
      const routes: [string, string, string][] = [
        ['static file', app.url, '/posters/here.svg'],
        ['bare route handler', app.url, '/api/health'],
        ['/', app.url, '/'],
        ['film page', app.url, `/films/${film!.slug}`],
        ['schedule', app.url, '/schedule'],
        ['availability endpoint', app.url, `/api/v1/availability?screenings=${page.map((r) => r.id).join(',')}`],
        ['/ (cache off: one render each)', uncached.url, '/'],
        ['film page (cache off)', uncached.url, `/films/${film!.slug}`],
      ];
      // Warm every route once (pools, caches), then measure each in turn.
      for (const [, base, p] of routes) await (await fetch(`${base}${p}`)).arrayBuffer();
      const home = await fetch(`${app.url}/`, { headers: { 'accept-encoding': 'identity' } });
      const homeBytes = (await home.arrayBuffer()).byteLength;
      const results: RouteResult[] = [];
      for (const [name, base, p] of routes) {
        console.log(`loading ${name} (${p.length > 60 ? `${p.slice(0, 60)}…` : p})…`);
        results.push(await load(name, `${base}${p}`));
      }
      const staticRps = results[0]!.rps;
      const table = results.map((r) => ({ ...r, ratioToStatic: Number((r.rps / staticRps).toFixed(3)) }));
      console.table(table);
      const result = {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        client: useWrk ? 'wrk' : 'node',
        connections: CONNECTIONS,
        pageCacheSeconds: 10,
        secondsPerRoute: SECONDS,
        festival: { films: 250, screenings: 1000, venues: 10, days: 12 },
        homeHtmlBytes: homeBytes,
        homeCacheControl: home.headers.get('cache-control'),
        routes: table,
        targets: { pagesRatioAtLeast: 0.15, homeHtmlBytesAtMost: 300_000 },
      };
      console.log(`HTML of / : ${homeBytes} bytes (Cache-Control: ${result.homeCacheControl})`);
      const dir = path.join(process.cwd(), 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `pages-${result.date.slice(0, 10)}.json`);
      writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
      console.log(`written to ${path.relative(process.cwd(), file)}`);
    } finally {
      await app.stop();
      await uncached.stop();
    }
  } finally {
    await emulator.stop();
    await client.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
