import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { ApiHandler } from './api';
import { renderMessagePage } from './checkout-page';
import { handleControl } from './controls';
import { StripeApiError } from './errors';
import { handleHostedCheckout } from './hosted-checkout';
import { sendHtml, sendJson } from './http';
import { EmulatorState } from './state';
import { WebhookDispatcher } from './webhooks';

/**
 * A local stand-in for Stripe: the REST subset the app uses, a hosted test
 * checkout page, and signed webhook delivery with retries. The app talks to
 * it with the official SDK (`new Stripe(key, { host, port, protocol: 'http' })`),
 * so the same code path runs against the emulator and against Stripe.
 *
 * Everything is passed in as options (nothing here reads process.env) and
 * all state lives in memory for the lifetime of the server.
 */
export interface StripeEmulatorOptions {
  /** 0 = random free port (default 0). */
  port?: number;
  /** Requests to /v1 must carry `Authorization: Bearer <apiKey>`; otherwise 401 in Stripe's error format. */
  apiKey: string;
  /** whsec_… used to sign events. */
  webhookSecret: string;
  /** Where events are POSTed; null records them only. */
  webhookUrl: string | null;
  /** Base URL used in checkout `url`s (default http://127.0.0.1:<port>). */
  publicUrl?: string;
  /** Webhook retries on non-2xx or network error, with exponential backoff (default 8 attempts, 500 ms). */
  retry?: { attempts: number; baseDelayMs: number };
  /** Delay before the delayed-outcome cards settle (default 3000). */
  asyncPaymentDelayMs?: number;
  log?: (line: string) => void;
}

export interface StripeEmulator {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export { TEST_CARDS } from './cards';

const DEFAULT_RETRY = { attempts: 8, baseDelayMs: 500 };
const DEFAULT_ASYNC_PAYMENT_DELAY_MS = 3000;
const HOST = '127.0.0.1';

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  validateOptions(options);
  const log = options.log ?? (() => undefined);
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';

  const dispatcher = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retry: options.retry ?? DEFAULT_RETRY,
    log,
  });
  const state = new EmulatorState({
    publicUrl: () => publicUrl,
    asyncPaymentDelayMs: options.asyncPaymentDelayMs ?? DEFAULT_ASYNC_PAYMENT_DELAY_MS,
    emit: (type, object, sessionId) => dispatcher.emit(type, object, sessionId),
  });
  const api = new ApiHandler(options.apiKey, state);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const path = url.pathname;
    if (path === '/v1' || path.startsWith('/v1/')) return api.handle(req, res, url);
    if (path.startsWith('/_emulator/')) return handleControl(req, res, url, { state, dispatcher });
    const checkout = /^\/checkout\/([^/]+)\/?$/.exec(path);
    if (checkout) return handleHostedCheckout(req, res, decodeURIComponent(checkout[1] ?? ''), state);
    if (path === '/') return sendJson(res, 200, { object: 'stripe_emulator', livemode: false, webhook_url: options.webhookUrl });
    sendHtml(res, 404, renderMessagePage('Page not found', 'The Stripe emulator has no page at this address.'));
  };

  const server = createServer((req, res) => {
    res.on('finish', () => log(`${req.method ?? '?'} ${req.url ?? ''} -> ${res.statusCode}`));
    route(req, res).catch((error: unknown) => {
      // Last resort: a bug must not crash the server or leave the request hanging.
      log(`error handling ${req.method ?? '?'} ${req.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) return void res.end();
      const apiError = error instanceof StripeApiError ? error : new StripeApiError(500, 'Emulator error', { type: 'api_error' });
      sendJson(res, apiError.status, apiError.toBody());
    });
  });

  const port = await listen(server, options.port ?? 0);
  const url = `http://${HOST}:${port}`;
  publicUrl ||= url;
  log(`Stripe emulator listening on ${url}; webhooks -> ${options.webhookUrl ?? '(recorded only)'}`);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      state.stop();
      await dispatcher.stop();
      await close(server);
    })();
    return stopped;
  };
  return { url, port, stop };
}

function validateOptions(options: StripeEmulatorOptions): void {
  if (!options.apiKey) throw new Error('startStripeEmulator: apiKey is required.');
  if (!options.webhookSecret) throw new Error('startStripeEmulator: webhookSecret is required.');
  const retry = options.retry;
  if (retry && (!Number.isInteger(retry.attempts) || retry.attempts < 1 || retry.baseDelayMs < 0)) {
    throw new Error('startStripeEmulator: retry needs attempts >= 1 and baseDelayMs >= 0.');
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('Stripe emulator: unexpected server address.'));
      else resolve(address.port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections (the SDK's agent, browsers) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
