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

/** CONNECTIONS loops requesting `url` back to back for SECONDS (wrk's closed model). */
async function load(route: string, url: string): Promise<RouteResult> {
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
  console.log(`bench:pages — ${CONNECTIONS} connections, ${SECONDS} s per route, large festival`);
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
    const [screening] = await rows<{ id: string }>(db, sql`SELECT id FROM screenings WHERE festival_id = ${festivalId} ORDER BY starts_at LIMIT 1 OFFSET 100`);
    const app = await startAppInstance(3311, {
      DATABASE_URL: database.url,
      FESTIVAL_SLUG: LARGE_FESTIVAL.slug,
      STRIPE_EMULATOR_URL: emulator.url,
      STRIPE_WEBHOOK_SECRET: 'whsec_bench_pages_0123456789abcdef',
      WORKER_ENABLED: '0',
    });
    try {
      const routes: [string, string][] = [
        ['static file', '/posters/here.svg'],
        ['bare route handler', '/api/health'],
        ['/', '/'],
        ['film page', `/films/${film!.slug}`],
        ['schedule', '/schedule'],
        ['availability endpoint', `/api/v1/screenings/${screening!.id}`],
      ];
      // Warm every route once (pools, caches), then measure each in turn.
      for (const [, p] of routes) await (await fetch(`${app.url}${p}`)).arrayBuffer();
      const home = await fetch(`${app.url}/`);
      const homeBytes = (await home.arrayBuffer()).byteLength;
      const results: RouteResult[] = [];
      for (const [name, p] of routes) {
        console.log(`loading ${name} (${p})…`);
        results.push(await load(name, `${app.url}${p}`));
      }
      const staticRps = results[0]!.rps;
      const table = results.map((r) => ({ ...r, ratioToStatic: Number((r.rps / staticRps).toFixed(3)) }));
      console.table(table);
      const result = {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        connections: CONNECTIONS,
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
