import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Agent, setGlobalDispatcher } from 'undici';
import { createConnection } from '../db/client';
import { holdSeats } from '../domain/booking/holds';
import { EMULATOR_API_KEY } from '../platform/stripe';
import { startStripeEmulator } from '../tools/stripe-emulator/server';
import { bootTestDatabase } from '../scripts/lib/database';
import { nextBin, run } from '../scripts/lib/run';
import { startAppInstances } from '../tests/support/app-instance';
import { createFestival, createFilm, createGaVenue, createTestScreening } from '../tests/support/factories';
import { rows } from '@/db/sql';

/**
 * The on-sale rush, measured. 2,000 buyers (1–4 places each, 200 at a time)
 * hit the hold API through two production app instances for a 300-place
 * screening; then as many requests go to the bare route handler (`GET
 * /api/health`, no work at all) on the same two instances: the hold API's
 * figure is reported as a ratio to it (`holdApiVsBareRoute`), which leaves
 * out what Next.js and the machine cost any route. Last, the same holds go
 * straight to the hold command through postgres.js (no HTTP, no Next) on a
 * fresh screening: that is the limit.
 * A benchmark, not a test: it reports, and fails only if places were oversold.
 */
const BUYERS = Number(process.env.BENCH_BUYERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
const POOL = 8;


interface Sample {
  ms: number;
  places: number;
  ok: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runBuyers(buy: (i: number, places: number) => Promise<Sample>) {
  const sizes = Array.from({ length: BUYERS }, (_, i) => 1 + ((i * 7919) % 4));
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < BUYERS) {
        const i = next++;
        samples.push(await buy(i, sizes[i]!));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    succeeded: samples.filter((s) => s.ok).length,
    placesHeld: samples.reduce((sum, s) => sum + (s.ok ? s.places : 0), 0),
    seconds: Number(seconds.toFixed(3)),
    holdsPerSecond: Math.round(samples.length / seconds),
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p95: Number(percentile(latencies, 95).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
  };
}

async function placesHeldTwice(db: ReturnType<typeof createConnection>['db'], screeningId: string) {
  const [r] = await rows<{ over: number; dup: number }>(db, sql`
    SELECT (SELECT greatest(held + sold - capacity, 0) FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'standard') AS over,
           (SELECT count(*)::int FROM (SELECT seat_id FROM hold_seats WHERE screening_id = ${screeningId} AND live GROUP BY seat_id HAVING count(*) > 1) d) AS dup`);
  return Number(r?.over ?? 0) + Number(r?.dup ?? 0);
}

async function main() {
  setGlobalDispatcher(new Agent({ connections: CONCURRENCY, pipelining: 1, keepAliveTimeout: 30_000 }));
  console.log(`bench:onsale — ${BUYERS} buyers, concurrency ${CONCURRENCY}, ${CAPACITY} places`);
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log('building the production app…');
    if ((await run(process.execPath, [nextBin, 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' })) !== 0) throw new Error('next build failed');
  }

  const database = await bootTestDatabase();
  const { db, sql: client } = createConnection(database.url, POOL);
  const emulator = await startStripeEmulator({ port: 0, apiKey: EMULATOR_API_KEY, webhookSecret: 'whsec_bench_0123456789abcdefghij', webhookUrl: null });
  const env = {
    DATABASE_URL: database.url,
    STRIPE_EMULATOR_URL: emulator.url,
    STRIPE_WEBHOOK_SECRET: 'whsec_bench_0123456789abcdefghij',
    HOLD_RATE_LIMIT_PER_MINUTE: '1000000',
    DB_POOL_MAX: String(POOL),
    // As behind one reverse proxy: the client is the address it adds to X-Forwarded-For.
    TRUSTED_PROXY_HOPS: '1',
  };
  const apps = await startAppInstances([3301, 3302], env);
  try {
    const festival = await createFestival(db);
    const film = await createFilm(db, festival.id);
    const screeningFor = async () => createTestScreening(db, festival, { venueId: (await createGaVenue(db, festival.id, CAPACITY)).id, filmIds: [film.id] });

    // Warm both instances on both measured routes (production compiles nothing, but the first request of a
    // route loads its module, and the first hold opens the database pool).
    const warm = await screeningFor();
    for (const a of apps) {
      for (let i = 0; i < 20; i++) {
        const hold = await fetch(`${a.url}/api/v1/screenings/${warm}/holds`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.255.${i}.1` },
          body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: 1 }] }),
        });
        await hold.arrayBuffer();
        await (await fetch(`${a.url}/api/health`)).arrayBuffer();
      }
    }

    const appScreening = await screeningFor();
    console.log('app: 2 instances over HTTP…');
    const app = await runBuyers(async (i, places) => {
      const t = performance.now();
      // Each buyer is its own client, as behind a proxy that sets X-Forwarded-For: one client
      // may hold only the per-order maximum of a screening, so a rush from one address would stop there.
      const res = await fetch(`${apps[i % 2]!.url}/api/v1/screenings/${appScreening}/holds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ items: [{ ticketType: 'adult', quantity: places }] }),
      });
      await res.arrayBuffer();
      if (res.status !== 201 && res.status !== 409) throw new Error(`unexpected status ${res.status}`);
      return { ms: performance.now() - t, places, ok: res.status === 201 };
    });

    // The yardstick: the same two instances, the same load, a route handler that does no work at all.
    console.log('bare route: two instances answering GET /api/health…');
    const bareRoute = await runBuyers(async (i) => {
      const t = performance.now();
      const res = await fetch(`${apps[i % 2]!.url}/api/health`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`unexpected status ${res.status}`);
      return { ms: performance.now() - t, places: 0, ok: res.ok };
    });

    const limitScreening = await screeningFor();
    console.log(`limit: the hold command through postgres.js (pool ${POOL})…`);
    const limit = await runBuyers(async (i, places) => {
      const t = performance.now();
      const r = await holdSeats(db, limitScreening, { items: [{ ticketType: 'adult', quantity: places }] }, `bench-${i}`, { holdMinutes: 10, maxPerOrder: 8 });
      return { ms: performance.now() - t, places, ok: r.ok };
    });

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      buyers: BUYERS,
      concurrency: CONCURRENCY,
      capacity: CAPACITY,
      placesSold: app.placesHeld,
      placesHeldTwice: await placesHeldTwice(db, appScreening),
      app,
      limit: { ...limit, placesHeldTwice: await placesHeldTwice(db, limitScreening) },
      ratio: Number((app.holdsPerSecond / limit.holdsPerSecond).toFixed(2)),
      bareRoute: { requestsPerSecond: bareRoute.holdsPerSecond, p50: bareRoute.p50, p95: bareRoute.p95, p99: bareRoute.p99 },
      holdApiVsBareRoute: Number((app.holdsPerSecond / bareRoute.holdsPerSecond).toFixed(2)),
      targets: { ratioAtLeast: 0.5, p99BelowMs: 300, holdApiVsBareRouteAtLeast: 0.8 },
    };
    const verdict = {
      placesSoldEqualsCapacity: result.placesSold === CAPACITY,
      noPlaceHeldTwice: result.placesHeldTwice === 0 && result.limit.placesHeldTwice === 0,
      ratioMet: result.ratio >= 0.5,
      p99Met: app.p99 < 300,
      holdApiVsBareRouteMet: result.holdApiVsBareRoute >= 0.8,
    };
    console.table({ app, bareRoute, limit });
    console.log(
      JSON.stringify(
        { placesSold: result.placesSold, placesHeldTwice: result.placesHeldTwice, ratio: result.ratio, holdApiVsBareRoute: result.holdApiVsBareRoute, verdict },
        null,
        2,
      ),
    );
    const dir = path.join(process.cwd(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `onsale-${result.date.slice(0, 10)}.json`);
    writeFileSync(file, JSON.stringify({ ...result, verdict }, null, 2) + '\n');
    console.log(`written to ${path.relative(process.cwd(), file)}`);
    if (!verdict.placesSoldEqualsCapacity || !verdict.noPlaceHeldTwice) process.exitCode = 1;
  } finally {
    await Promise.all(apps.map((a) => a.stop()));
    await emulator.stop();
    await client.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
