import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { type Env, getEnv } from '../../platform/env';
import { CLIENT_HEADER, clientFromRequest, isLoopbackHost, markServerRunning, trustedProxyList } from '../../platform/server/client-identity';
import { allowedOrigins } from '../../platform/server/origins';
import { type CatalogueListener, listenForCatalogueChanges } from '../../platform/server/catalogue-changes';
import { createPageCache, PUBLIC_CACHE_RULES } from '../../platform/server/page-cache';
import { resolveBindAddress } from './bind-address';

/**
 * Marquee's HTTP server: Next.js behind a thin node:http layer that owns the
 * few decisions a client must never make for itself.
 * - Client identity: any incoming `x-marquee-client` is deleted and replaced
 *   by the socket's address (or the right-most address added by the trusted
 *   proxies, TRUSTED_PROXY_HOPS). Next itself only fills X-Forwarded-For when
 *   the client left it empty, so inside the app a forged header and a real one
 *   look the same; this layer is where they still differ.
 * - Local mode binds loopback only and answers only to loopback host names
 *   (a DNS-rebinding page cannot reach it through its own domain).
 * - TRACE/TRACK/CONNECT get 405.
 * - Server actions: a POST whose Origin is missing, `null` or foreign gets 403;
 *   a malformed one 400, never Next's 500.
 * - Public pages are answered from the page cache (platform/server/page-cache.ts)
 *   in production builds; catalogue changes empty it on every instance.
 * - CSRF for the rest (the API): a state-changing request whose Origin is
 *   foreign gets 403 (refuseCrossSiteRequest). Here rather than in the proxy
 *   (proxy.ts), so that an API request never runs the proxy, whose other work
 *   concerns pages only.
 */
export interface HttpServerOptions {
  dev: boolean;
  port: number;
  /** -H/--hostname from the command line; wins over HOSTNAME. */
  hostname?: string;
  bundler?: 'webpack' | 'turbopack';
  log?: (line: string) => void;
}

export { StartupRefused, resolveBindAddress } from './bind-address';

const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/** The origins a server action may come from (platform/server/origins.ts), for the port actually bound. */
export const allowedActionOrigins = (env: Env, port: number) => allowedOrigins(env, port);

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?')[0] ?? '/';

/**
 * A server action: a POST with Next's `Next-Action` header (JavaScript), or a
 * form POST to a page (no JavaScript; the action id is in the body). Pages
 * take no other POSTs; the API and Auth.js have their own checks.
 */
export function isServerActionRequest(req: Pick<IncomingMessage, 'method' | 'headers' | 'url'>): boolean {
  if (req.method !== 'POST') return false;
  if (req.headers['next-action'] !== undefined) return true;
  const path = pathOf(req as IncomingMessage);
  return !path.startsWith('/api/') && !path.startsWith('/_next/');
}

/** Refuses a server action before Next sees it; null lets it through. */
export function refuseServerAction(
  req: Pick<IncomingMessage, 'method' | 'headers' | 'url'>,
  allowedOrigins: ReadonlySet<string>,
): { status: 400 | 403; message: string } | null {
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '' || origin === 'null') {
    return { status: 403, message: 'Forms must be sent from this site (the request has no Origin).' };
  }
  if (!allowedOrigins.has(origin)) return { status: 403, message: 'Forms must be sent from this site.' };
  const actionId = req.headers['next-action'];
  if (actionId !== undefined) {
    if (typeof actionId !== 'string' || !/^[0-9a-f]{1,128}$/i.test(actionId)) return { status: 400, message: 'Malformed server action id.' };
    // React encodes an action's arguments as multipart (a FormData among them) or as text (an action that uses none, like sign-out).
    const type = req.headers['content-type'] ?? '';
    if (!/^(multipart\/form-data;\s*boundary=|text\/plain\b)/i.test(type)) return { status: 400, message: 'Malformed server action request.' };
    return null;
  }
  // A form posted without JavaScript.
  const type = req.headers['content-type'] ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) return { status: 400, message: 'Malformed form request.' };
  return null;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Checked by their own means: the Stripe webhook by its signature, Auth.js by its CSRF token. */
const CSRF_EXEMPT = ['/api/stripe/webhook', '/api/auth/'];

/**
 * CSRF for every state-changing request that is not a server action (those
 * have the stricter check above): one whose Origin is foreign or `null` is
 * refused. A request without an Origin passes: browsers send one with every
 * cross-site POST, PUT, PATCH and DELETE, and API clients that are not
 * browsers need none. The exemptions are matched on the path with its dot
 * segments resolved, as Next routes it.
 */
export function refuseCrossSiteRequest(req: Pick<IncomingMessage, 'method' | 'headers' | 'url'>, allowedOrigins: ReadonlySet<string>): boolean {
  if (!UNSAFE_METHODS.has((req.method ?? 'GET').toUpperCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined || allowedOrigins.has(origin)) return false;
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    // A target the URL parser refuses (`DELETE http://a:99999/x`) is nobody's exempt path: refused, never thrown.
    return true;
  }
  return !CSRF_EXEMPT.some((prefix) => path.startsWith(prefix));
}

function sendText(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${message}\n`);
}

/**
 * A server action's arguments come from the client; when they do not decode
 * or do not fit the action (a string where a form belongs), Next answers 500.
 * That is a bad request, not a server fault: answer 400 and log one line.
 */
function downgradeActionErrors(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (status: unknown, ...rest: unknown[]) => {
    if (status === 500) {
      log(`[marquee] server action ${req.headers['next-action'] ?? pathOf(req)} failed on its input: answered 400`);
      res.statusCode = 400;
      return writeHead(400, ...rest);
    }
    return writeHead(status, ...rest);
  };
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env = getEnv();
  const bind = resolveBindAddress(env, options.hostname);
  if (bind.note) log(`[marquee] ${bind.note}`);
  // Before Next loads: the app's clientAddress() trusts the identity header only when this server runs in the process.
  markServerRunning({ mode: env.MARQUEE_MODE });

  const app = next({
    dev: options.dev,
    hostname: bind.hostname,
    port: options.port,
    ...(options.bundler === 'webpack' ? { webpack: true } : options.bundler === 'turbopack' ? { turbopack: true } : {}),
  });
  const handle = app.getRequestHandler();
  let origins = allowedActionOrigins(env, options.port);
  const configuredHost = new URL(env.PUBLIC_BASE_URL).host.toLowerCase();
  const isTrustedProxy = trustedProxyList(env.TRUSTED_PROXIES);
  let warnedAboutProxy = false;
  // The development server recompiles on every edit: a cache there would only show old code.
  const cacheSeconds = options.dev ? 0 : env.PUBLIC_PAGE_CACHE_SECONDS;
  const pageCache = createPageCache({ freshSeconds: cacheSeconds, staleSeconds: cacheSeconds * 3, rules: PUBLIC_CACHE_RULES });
  let catalogueListener: CatalogueListener | null = null;

  const server = createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (REFUSED_METHODS.has(method)) return sendText(res, 405, 'Method not allowed.', { allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS' });

    // Whatever the client wrote under our header is dropped; our own value replaces it.
    delete req.headers[CLIENT_HEADER];
    req.rawHeaders = req.rawHeaders.filter((_, i, all) => (i % 2 === 0 ? all[i] : all[i - 1])!.toLowerCase() !== CLIENT_HEADER);
    const client = clientFromRequest(req.socket.remoteAddress, req.headers['x-forwarded-for'], env.TRUSTED_PROXY_HOPS, isTrustedProxy);
    if (!warnedAboutProxy && env.MARQUEE_MODE === 'production' && env.TRUSTED_PROXY_HOPS === 0 && req.headers['x-forwarded-for'] !== undefined) {
      // Behind a proxy left at 0 hops every client is the proxy: one shared rate limit, hold cap and lockout for the whole public.
      warnedAboutProxy = true;
      log('[marquee] WARNING: requests arrive with X-Forwarded-For but TRUSTED_PROXY_HOPS=0: if a reverse proxy sits in front of this server, every client shares its address. Set TRUSTED_PROXY_HOPS (README, Deploying).');
    }
    req.headers[CLIENT_HEADER] = client;
    req.rawHeaders.push(CLIENT_HEADER, client);

    if (env.MARQUEE_MODE === 'local') {
      const host = (req.headers.host ?? '').toLowerCase();
      const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
      if (host !== configuredHost && !isLoopbackHost(name)) return sendText(res, 421, 'This local server answers only to localhost.');
    }

    if (isServerActionRequest(req)) {
      const refused = refuseServerAction(req, origins);
      if (refused) return sendText(res, refused.status, refused.message);
      downgradeActionErrors(req, res, log);
    } else if (refuseCrossSiteRequest(req, origins)) {
      res.writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify({ error: 'forbidden', message: 'Cross-site requests are refused.' }));
    }

    pageCache.serve(req, res, () => handle(req, res)).catch((error: unknown) => {
      log(`[marquee] ${method} ${pathOf(req)} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal server error.');
      else res.end();
    });
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await app.prepare();
  if (cacheSeconds > 0 && env.DATABASE_URL) {
    catalogueListener = await listenForCatalogueChanges(env.DATABASE_URL, () => pageCache.invalidate(), log);
  }
  if (options.dev) {
    const upgrade = app.getUpgradeHandler();
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(req, socket, head));
  }
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bind.hostname, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(address && typeof address === 'object' ? address.port : options.port);
    });
  });
  if (port !== options.port) origins = allowedActionOrigins(env, port);
  const shown = bind.hostname.includes(':') ? `[${bind.hostname}]` : bind.hostname;
  return {
    server,
    url: `http://${shown}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await catalogueListener?.close();
      await app.close();
    },
  };
}

/** The start-up line: which mode, why, and what that means. */
export function describeMode(env: Env, url: string): string {
  if (env.MARQUEE_MODE === 'production') {
    return `[marquee] PRODUCTION mode (${env.modeReason}): listening on ${url}, public address ${env.PUBLIC_BASE_URL}, ${env.TRUSTED_PROXY_HOPS} trusted proxy hop(s), payments on Stripe, emails by SMTP`;
  }
  const secrets = env.secretsFile ? `secrets generated in ${env.secretsFile}` : 'secrets from the environment';
  const payments = env.STRIPE_SECRET_KEY ? 'payments on Stripe (test key)' : `payments on the Stripe emulator${env.STRIPE_EMULATOR_URL ? ` at ${env.STRIPE_EMULATOR_URL}` : ''}`;
  const emails = env.SMTP_URL ? 'emails by SMTP' : `emails in the dev outbox at ${env.PUBLIC_BASE_URL}/dev/outbox`;
  return `[marquee] LOCAL mode (${env.modeReason}): listening on ${url} only (this machine), ${secrets}, ${payments}, ${emails}`;
}
