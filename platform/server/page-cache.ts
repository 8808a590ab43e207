import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * The public pages' cache: whole HTTP responses kept in this instance's
 * memory, in front of Next.js, so that an on-sale morning's thousand visitors
 * of the programme cost one render every few seconds instead of one each.
 *
 * What may be cached is decided here, by path, never by the response alone:
 * only pages that show everyone the same thing (the header's signed-in part
 * and each screening's live availability are client islands reading their own
 * small endpoints, see components/account/AccountLinks.tsx and
 * components/screenings/live-availability.ts), and read routes that declare
 * themselves public (`Cache-Control: public, s-maxage=N`).
 *
 * - Keyed by the full URL and by what Next's responses vary on (its RSC and
 *   router headers, and whether the body may be gzipped), so a client-side
 *   navigation's payload is never served as a page or the other way round.
 * - Only 200 and 404 answers without `Set-Cookie` are kept; anything else
 *   passes through untouched.
 * - Single flight: while one request renders a missing page, identical
 *   requests wait for it rather than render it again. Once an entry is past its
 *   freshness, the next request renders it again while the others are still
 *   served the old copy (stale while revalidate, for at most `staleSeconds`).
 * - `invalidate()` empties the cache at once; a render that began before it is
 *   not stored (its data may predate the change). Catalogue edits call it on
 *   every instance through PostgreSQL (catalogue-changes.ts).
 * - Bounded: entries and bytes, least recently used first out.
 */
export interface CacheRule {
  /** Matched against the path (no query). */
  path: RegExp;
  /**
   * 'page': Next sends its pages as private and uncacheable; the cache keeps them for `freshSeconds` and answers with
   * `pageCacheControl`. 'declared': kept only when the response itself says `public` with `s-maxage`, for that long.
   */
  kind: 'page' | 'declared';
}

export interface PageCacheOptions {
  freshSeconds: number;
  /** How long past its freshness an entry may still be served while its replacement renders. */
  staleSeconds: number;
  rules: readonly CacheRule[];
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
  freshMs: number;
  cacheControl: string | null;
}

/** Headers that describe one connection or one transfer, never the resource. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length', 'age', 'x-marquee-cache']);
/** What Next's responses vary on besides the URL (its Vary header lists them). */
const VARY_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-router-state-tree', 'next-url'] as const;
const CACHEABLE_STATUS = new Set([200, 404]);
/**
 * Headers that Next or its hosts use between their own parts. A browser never sends them; a request that does is
 * answered, uncached, so that nobody can plant an answer shaped by them for everyone else.
 */
const INTERNAL_HEADER = /^(x-middleware-|x-invoke-|x-nextjs-|x-next-|x-vercel-|x-now-|next-test-)/;
const MAX_KEY_LENGTH = 8_192;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type CacheOutcome = 'hit' | 'stale' | 'miss' | 'bypass';

export interface PageCache {
  /**
   * Answers the request from the cache, or lets `render` answer it (and keeps the answer when it may).
   * Returns what happened, for logs and tests.
   */
  serve(req: IncomingMessage, res: ServerResponse, render: () => Promise<void>): Promise<CacheOutcome>;
  invalidate(): void;
  readonly size: number;
}

/** What the cache answers pages with: a CDN may keep them as long as this instance does, and serve them stale while it asks again. */
export function pageCacheControl(freshSeconds: number, staleSeconds: number): string {
  return `public, max-age=0, s-maxage=${freshSeconds}, stale-while-revalidate=${staleSeconds}`;
}

/** The `s-maxage` of a response that declares itself public; null for anything else. */
export function declaredSharedMaxAge(cacheControl: string | null | undefined): number | null {
  if (!cacheControl) return null;
  const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
  if (!directives.includes('public') || directives.some((d) => d === 'private' || d === 'no-store' || d === 'no-cache')) return null;
  const maxAge = directives.find((d) => d.startsWith('s-maxage='));
  const seconds = maxAge ? Number(maxAge.slice('s-maxage='.length)) : NaN;
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

function headerValue(value: string | string[] | number | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Whether a client's Accept-Encoding takes gzip (named or `*`, with a q above 0). */
export function acceptsGzip(acceptEncoding: string): boolean {
  let star = false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const wanted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip') return wanted;
    if (name === '*') star = wanted;
  }
  return star;
}

export function cacheKey(req: Pick<IncomingMessage, 'url' | 'headers'>): string {
  const gzip = acceptsGzip(headerValue(req.headers['accept-encoding'])) ? 'gz' : 'id';
  return [gzip, req.url ?? '/', ...VARY_HEADERS.map((h) => headerValue(req.headers[h]))].join('\n');
}

function toBuffer(chunk: unknown, encoding?: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return null;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

function lowerCaseHeaders(headers: unknown): OutgoingHttpHeaders {
  if (!headers || typeof headers !== 'object') return {};
  if (Array.isArray(headers)) {
    // writeHead(status, [name, value, name, value…]) or [[name, value]…]
    const flat = (headers as unknown[]).flat() as unknown[];
    const out: OutgoingHttpHeaders = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i]).toLowerCase()] = String(flat[i + 1]);
    return out;
  }
  return Object.fromEntries(Object.entries(headers as Record<string, string | string[] | number>).map(([k, v]) => [k.toLowerCase(), v]));
}

interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Lets the response stream to its client as usual and keeps a copy. `decide` runs once the headers are known: it may
 * rewrite them (Cache-Control) and says whether the copy is worth keeping.
 */
/** Whether to keep a response, and the Cache-Control it goes out with when the cache sets its own. */
type Decision = { keep: false } | { keep: true; cacheControl: string | null };

function captureResponse(res: ServerResponse, decide: (status: number, headers: OutgoingHttpHeaders) => Decision): Promise<Captured | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let keep: boolean | null = null;
  let headerArgs: OutgoingHttpHeaders = {};

  let override: string | null = null;
  const decideOnce = (explicit: OutgoingHttpHeaders) => {
    if (keep !== null) return;
    const decision = decide(res.statusCode, { ...lowerCaseHeaders(res.getHeaders()), ...explicit });
    keep = decision.keep;
    if (decision.keep && decision.cacheControl) {
      override = decision.cacheControl;
      res.setHeader('cache-control', override);
    }
    if (decision.keep) res.setHeader('x-marquee-cache', 'miss');
  };

  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (status: unknown, ...rest: unknown[]) => {
    if (typeof status === 'number') res.statusCode = status;
    const headersAt = typeof rest[0] === 'string' ? 1 : 0;
    headerArgs = lowerCaseHeaders(rest[headersAt]);
    decideOnce(headerArgs);
    // Explicit headers win over setHeader ones in Node: the cache's own Cache-Control must replace theirs.
    const explicit = rest[headersAt];
    if (override && explicit && typeof explicit === 'object' && !Array.isArray(explicit)) {
      for (const name of Object.keys(explicit)) if (name.toLowerCase() === 'cache-control') (explicit as Record<string, unknown>)[name] = override;
      headerArgs = lowerCaseHeaders(explicit);
    }
    return writeHead(status, ...rest);
  };
  const keepChunk = (chunk: unknown, encoding?: unknown) => {
    decideOnce(headerArgs);
    if (!keep) return;
    const buffer = toBuffer(chunk, encoding);
    if (!buffer) return;
    bytes += buffer.length;
    if (bytes > MAX_BODY_BYTES) {
      keep = false;
      chunks.length = 0;
      return;
    }
    chunks.push(Buffer.from(buffer));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  (res as { write: (...args: unknown[]) => boolean }).write = (chunk: unknown, ...rest: unknown[]) => {
    keepChunk(chunk, rest[0]);
    return write(chunk, ...rest);
  };
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { end: (...args: unknown[]) => ServerResponse }).end = (chunk?: unknown, ...rest: unknown[]) => {
    keepChunk(chunk, rest[0]);
    return end(chunk, ...rest);
  };

  return new Promise((resolve) => {
    res.once('finish', () => {
      if (!keep) return resolve(null);
      const headers = { ...lowerCaseHeaders(res.getHeaders()), ...headerArgs };
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
    });
    res.once('close', () => {
      if (!res.writableFinished) resolve(null);
    });
  });
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const maxEntries = options.maxEntries ?? 2_000;
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const pageControl = pageCacheControl(options.freshSeconds, options.staleSeconds);
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | null>>();
  let bytes = 0;
  let generation = 0;

  const ruleFor = (req: IncomingMessage): CacheRule | null => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return null;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const rule = options.rules.find((r) => r.path.test(path)) ?? null;
    if (rule && Object.keys(req.headers).some((name) => INTERNAL_HEADER.test(name))) return null;
    return rule;
  };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const store = (key: string, entry: Entry) => {
    drop(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(oldest);
    }
  };

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry, outcome: 'hit' | 'stale') => {
    res.statusCode = entry.status;
    for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) res.setHeader(name, value);
    if (entry.cacheControl) res.setHeader('cache-control', entry.cacheControl);
    res.setHeader('age', String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000))));
    res.setHeader('x-marquee-cache', outcome);
    res.setHeader('content-length', String(entry.body.length));
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  };

  /** Renders through Next, streaming to this client, and keeps the answer when it may. */
  const renderAndStore = async (key: string, rule: CacheRule, res: ServerResponse, render: () => Promise<void>): Promise<Entry | null> => {
    const startedIn = generation;
    let entryControl: string | null = null;
    let freshMs = 0;
    const captured = captureResponse(res, (status, headers): Decision => {
      if (!CACHEABLE_STATUS.has(status) || headers['set-cookie'] !== undefined) return { keep: false };
      // Next negotiates the encoding itself: keep only a body whose encoding is the one this key stands for, so that a
      // client asking for `deflate` or `*` never plants a body others cannot read.
      const encoding = headerValue(headers['content-encoding']).toLowerCase();
      if (key.startsWith('gz\n') ? encoding !== 'gzip' : encoding !== '' && encoding !== 'identity') return { keep: false };
      if (rule.kind === 'page') {
        entryControl = pageControl;
        freshMs = options.freshSeconds * 1000;
        return { keep: true, cacheControl: pageControl };
      }
      const declared = declaredSharedMaxAge(headerValue(headers['cache-control']));
      if (declared === null) return { keep: false };
      freshMs = declared * 1000;
      return { keep: true, cacheControl: null };
    });
    await render();
    const result = await captured;
    if (!result || startedIn !== generation) return null;
    const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !HOP_HEADERS.has(name)));
    const entry: Entry = { status: result.status, headers, body: result.body, storedAt: now(), freshMs, cacheControl: entryControl };
    store(key, entry);
    return entry;
  };

  return {
    get size() {
      return entries.size;
    },
    invalidate() {
      generation += 1;
      entries.clear();
      // Renders under way began before the change: nobody new waits for them (they will not be kept anyway).
      inflight.clear();
      bytes = 0;
    },
    async serve(req, res, render) {
      const rule = options.freshSeconds > 0 ? ruleFor(req) : null;
      const key = rule ? cacheKey(req) : '';
      if (!rule || key.length > MAX_KEY_LENGTH) {
        await render();
        return 'bypass';
      }
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : 0;
      if (entry && age < entry.freshMs) {
        // Most recently used last: the eviction order.
        entries.delete(key);
        entries.set(key, entry);
        send(req, res, entry, 'hit');
        return 'hit';
      }
      if (entry && age < entry.freshMs + options.staleSeconds * 1000 && inflight.has(key)) {
        send(req, res, entry, 'stale');
        return 'stale';
      }
      // Wait for the render under way. If it could not be kept (a failure, a cookie, a change while it ran), join the
      // next one rather than all rendering at once: a failing page under a rush must not multiply its own load.
      // At most twice: a page that keeps failing is then rendered by each of its visitors, as without a cache.
      for (let waits = 0, rendering = inflight.get(key); rendering && waits < 2; waits += 1, rendering = inflight.get(key)) {
        const fresh = await rendering;
        if (fresh && !res.headersSent) {
          send(req, res, fresh, 'hit');
          return 'hit';
        }
      }
      if (req.method === 'HEAD') {
        await render();
        return 'bypass';
      }
      const renderingNow = renderAndStore(key, rule, res, render);
      inflight.set(key, renderingNow);
      try {
        await renderingNow;
      } finally {
        if (inflight.get(key) === renderingNow) inflight.delete(key);
      }
      return 'miss';
    },
  };
}

/**
 * The pages everyone sees alike (the programme, film pages, the schedule, venues and the access overview), and the
 * islands' availability endpoint, which says for itself how long it keeps. The other public read routes of the API say
 * `public, s-maxage` too, for a CDN, but are answered live here: API clients that just held or bought read them back.
 */
export const PUBLIC_CACHE_RULES: readonly CacheRule[] = [
  { path: /^\/$/, kind: 'page' },
  { path: /^\/films\/[^/]+$/, kind: 'page' },
  { path: /^\/schedule$/, kind: 'page' },
  { path: /^\/venues(\/[^/]+)?$/, kind: 'page' },
  { path: /^\/access$/, kind: 'page' },
  { path: /^\/api\/v1\/availability$/, kind: 'declared' },
];
