import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptsGzip, createPageCache, declaredSharedMaxAge, PUBLIC_CACHE_RULES, type PageCache } from '@/platform/server/page-cache';

/**
 * The page cache in front of a stand-in for Next: a real node:http server whose "render" counts its calls and answers
 * the way Next does (setHeader calls, then writeHead, then streamed writes).
 */
type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(cache: PageCache, render: Render): Promise<string> {
  server = createServer((req, res) => void cache.serve(req, res, () => render(req, res)));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fetch asking for plain bodies, as the stand-in renderers send them (Node's fetch would ask for gzip). */
const get = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { 'accept-encoding': 'identity', ...(init.headers as Record<string, string> | undefined) } });

/** Renders like Next's dynamic pages: private, streamed in two chunks, after `delayMs`. */
function page(body: () => string, { delayMs = 0, status = 200, headers = {} as Record<string, string> } = {}) {
  let renders = 0;
  const render: Render = async (_req, res) => {
    renders += 1;
    await sleep(delayMs);
    res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.writeHead(status);
    const text = body();
    res.write(text.slice(0, 5));
    res.end(text.slice(5));
  };
  return { render, renders: () => renders };
}

describe('the public page cache', () => {
  it('renders a public page once and answers the next visitors from memory, cacheable by a CDN', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    const p = page(() => '<html>programme</html>');
    const url = await start(cache, p.render);
    const first = await get(`${url}/`);
    expect(await first.text()).toBe('<html>programme</html>');
    expect(first.headers.get('x-marquee-cache')).toBe('miss');
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    for (let i = 0; i < 5; i++) {
      const again = await get(`${url}/`);
      expect(await again.text()).toBe('<html>programme</html>');
      expect(again.headers.get('x-marquee-cache')).toBe('hit');
      expect(again.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
      expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    expect(p.renders()).toBe(1);
  });

  it('fifty visitors arriving together while the page renders cost one render (single flight)', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    const p = page(() => '<html>film</html>', { delayMs: 150 });
    const url = await start(cache, p.render);
    const answers = await Promise.all(Array.from({ length: 50 }, () => get(`${url}/films/here`).then((r) => r.text())));
    expect(new Set(answers)).toEqual(new Set(['<html>film</html>']));
    expect(p.renders()).toBe(1);
  });

  it('each query string is its own page, and each of Next’s navigation payloads is kept apart from the page', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    const url = await start(cache, async (req, res) => {
      res.setHeader('content-type', req.headers.rsc ? 'text/x-component' : 'text/html');
      res.end(`${req.url} ${req.headers.rsc ? 'rsc' : 'html'} ${req.headers['next-router-state-tree'] ?? ''}`);
    });
    expect(await (await get(`${url}/?day=2026-10-08`)).text()).toBe('/?day=2026-10-08 html ');
    expect(await (await get(`${url}/?day=2026-10-09`)).text()).toBe('/?day=2026-10-09 html ');
    expect(await (await get(`${url}/?day=2026-10-08`, { headers: { rsc: '1' } })).text()).toBe('/?day=2026-10-08 rsc ');
    expect(await (await get(`${url}/?day=2026-10-08`, { headers: { rsc: '1', 'next-router-state-tree': 'a' } })).text()).toBe('/?day=2026-10-08 rsc a');
    expect(await (await get(`${url}/?day=2026-10-08`, { headers: { rsc: '1', 'next-router-state-tree': 'b' } })).text()).toBe('/?day=2026-10-08 rsc b');
    expect(await (await get(`${url}/?day=2026-10-08`)).text()).toBe('/?day=2026-10-08 html ');
  });

  it('keeps a gzipped answer for clients that accept gzip only', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    const url = await start(cache, async (req, res) => {
      if (/gzip/.test(String(req.headers['accept-encoding']))) {
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync('zipped'));
      } else res.end('plain');
    });
    // Node's fetch unzips what it asked gzip for; a bare client does not ask.
    expect(await (await get(`${url}/schedule`, { headers: { 'accept-encoding': 'gzip, deflate' } })).text()).toBe('zipped');
    expect(await (await get(`${url}/schedule`)).text()).toBe('plain');
    expect(await (await get(`${url}/schedule`, { headers: { 'accept-encoding': 'gzip, deflate' } })).text()).toBe('zipped');
    expect(cache.size).toBe(2);
  });

  it('keeps a body only in the encoding its key stands for: a client asking for deflate or * plants nothing others cannot read', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    // As Next negotiates: gzip if the client takes it, else deflate if it takes that, else plain.
    const url = await start(cache, async (req, res) => {
      const accept = String(req.headers['accept-encoding'] ?? '');
      if (acceptsGzip(accept)) {
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync('page'));
      } else if (/deflate/.test(accept)) {
        res.setHeader('content-encoding', 'deflate');
        res.end(deflateSync('page'));
      } else res.end('page');
    });
    await get(`${url}/venues`, { headers: { 'accept-encoding': 'deflate' } });
    const plain = await get(`${url}/venues`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('page');
    await get(`${url}/venues`, { headers: { 'accept-encoding': 'gzip;q=0, deflate' } });
    const gzipOnly = await get(`${url}/venues`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers.get('content-encoding')).toBe('gzip');
    expect(acceptsGzip('gzip;q=0, deflate')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('')).toBe(false);
  });

  it('a render that cannot be kept does not send every waiting visitor to render at once', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    let renders = 0;
    const url = await start(cache, async (_req, res) => {
      renders += 1;
      const failing = renders === 1;
      await sleep(100);
      res.statusCode = failing ? 500 : 200;
      res.end(failing ? 'busy' : 'programme');
    });
    const answers = await Promise.all(Array.from({ length: 50 }, () => get(`${url}/`).then((r) => r.status)));
    expect(answers.filter((s) => s === 200).length).toBeGreaterThanOrEqual(49);
    expect(renders).toBeLessThanOrEqual(2);
  });

  it('never keeps what is personal, failed, posted or not on the list', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    let n = 0;
    const url = await start(cache, async (req, res) => {
      n += 1;
      if (req.url === '/venues') res.setHeader('set-cookie', 'a=b');
      if (req.url === '/access') res.statusCode = 500;
      res.end(`answer ${n}`);
    });
    for (const path of ['/venues', '/access', '/account', '/screenings/1/book', '/films/here/extra']) {
      const a = await (await get(`${url}${path}`)).text();
      const b = await (await get(`${url}${path}`)).text();
      expect(a, path).not.toBe(b);
    }
    // Next's internal headers never reach the cache: nobody plants an answer shaped by them for everyone else.
    const planted = await (await get(`${url}/schedule`, { headers: { 'x-middleware-subrequest': 'middleware' } })).text();
    expect(await (await get(`${url}/schedule`)).text()).not.toBe(planted);
    const posted = await (await get(`${url}/`, { method: 'POST', body: 'x' })).text();
    expect(await (await get(`${url}/`)).text()).not.toBe(posted);
    expect(cache.size).toBe(2);
  });

  it('a 500 keeps its own Cache-Control; only what the cache keeps is made public', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    const p = page(() => 'oops', { status: 500 });
    const url = await start(cache, p.render);
    const res = await get(`${url}/`);
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect(res.headers.get('x-marquee-cache')).toBeNull();
  });

  it('after invalidate() the next visitor sees the change; a render that began before it is not kept', async () => {
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES });
    let title = 'Here';
    const p = page(() => title, { delayMs: 100 });
    const url = await start(cache, p.render);
    expect(await (await get(`${url}/films/here`)).text()).toBe('Here');
    title = 'Here (restored)';
    expect(await (await get(`${url}/films/here`)).text()).toBe('Here');
    cache.invalidate();
    // A render starts, the catalogue changes while it runs: its answer (possibly older data) must not be kept.
    const during = get(`${url}/films/here`).then((r) => r.text());
    await sleep(30);
    title = 'Here (final)';
    cache.invalidate();
    expect(await during).toBe('Here (final)'); // this stand-in reads late; the point is what is kept
    expect(cache.size).toBe(0);
    expect(await (await get(`${url}/films/here`)).text()).toBe('Here (final)');
  });

  it('past its freshness, one visitor renders again while the others still get the old copy at once', async () => {
    let clock = 1_000_000;
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES, now: () => clock });
    let version = 1;
    const p = page(() => `v${version}`, { delayMs: 200 });
    const url = await start(cache, p.render);
    expect(await (await get(`${url}/`)).text()).toBe('v1');
    version = 2;
    clock += 11_000;
    const renderer = get(`${url}/`).then(async (r) => [r.headers.get('x-marquee-cache'), await r.text()]);
    await sleep(50);
    const waiting = await get(`${url}/`);
    expect([waiting.headers.get('x-marquee-cache'), await waiting.text()]).toEqual(['stale', 'v1']);
    expect(Number(waiting.headers.get('age'))).toBeGreaterThanOrEqual(11);
    expect(await renderer).toEqual(['miss', 'v2']);
    expect(await (await get(`${url}/`)).text()).toBe('v2');
    expect(p.renders()).toBe(2);
    // Far past the stale window nobody gets the old copy.
    version = 3;
    clock += 100_000;
    expect(await (await get(`${url}/`)).text()).toBe('v3');
  });

  it('the availability endpoint is kept only as long as it says, and only when it says public; other API routes are live', async () => {
    let clock = 0;
    const cache = createPageCache({ freshSeconds: 10, staleSeconds: 30, rules: PUBLIC_CACHE_RULES, now: () => clock });
    let n = 0;
    const url = await start(cache, async (req, res) => {
      n += 1;
      res.setHeader('cache-control', req.url?.startsWith('/api/v1/films') ? 'public, max-age=0, s-maxage=15' : req.url?.includes('private') ? 'private, s-maxage=5' : 'public, max-age=0, s-maxage=5');
      res.end(String(n));
    });
    const ids = '?screenings=00000000-0000-4000-8000-000000000001';
    const a = await get(`${url}/api/v1/availability${ids}`);
    expect(await a.text()).toBe('1');
    expect(a.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=5');
    clock += 4_000;
    expect(await (await get(`${url}/api/v1/availability${ids}`)).text()).toBe('1');
    clock += 40_000;
    expect(await (await get(`${url}/api/v1/availability${ids}`)).text()).toBe('2');
    // A route not on the list is answered live, whatever it tells a CDN; one that says private is never kept.
    const before = n;
    await get(`${url}/api/v1/films`);
    await get(`${url}/api/v1/films`);
    await get(`${url}/api/v1/availability?private=1`);
    await get(`${url}/api/v1/availability?private=1`);
    expect(n).toBe(before + 4);
  });

  it('a cache of 0 seconds is off', async () => {
    const cache = createPageCache({ freshSeconds: 0, staleSeconds: 0, rules: PUBLIC_CACHE_RULES });
    const p = page(() => 'x');
    const url = await start(cache, p.render);
    await get(`${url}/`);
    await get(`${url}/`);
    expect(p.renders()).toBe(2);
  });

  it('reads s-maxage only from responses that say public', () => {
    expect(declaredSharedMaxAge('public, max-age=0, s-maxage=15, stale-while-revalidate=30')).toBe(15);
    expect(declaredSharedMaxAge('private, s-maxage=15')).toBeNull();
    expect(declaredSharedMaxAge('public, no-store, s-maxage=15')).toBeNull();
    expect(declaredSharedMaxAge('public, max-age=60')).toBeNull();
    expect(declaredSharedMaxAge(null)).toBeNull();
  });
});
