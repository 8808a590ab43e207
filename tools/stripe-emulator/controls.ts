import type { IncomingMessage, ServerResponse } from 'node:http';
import { StripeApiError, invalidRequest } from './errors';
import { parseJsonObject, readBody, sendJson } from './http';
import type { EmulatorState } from './state';
import type { WebhookDispatcher } from './webhooks';

/**
 * Test controls under `/_emulator/` (JSON, no auth): inspect events,
 * replay or reorder deliveries, pay or expire a session without a browser.
 * They are how tests create the awkward situations real Stripe produces
 * only occasionally (duplicates, out-of-order events, expiry).
 */
interface ControlContext {
  state: EmulatorState;
  dispatcher: WebhookDispatcher;
}

interface ControlResult {
  status: number;
  body: unknown;
}

type ControlHandler = (ctx: ControlContext, id: string, body: Record<string, unknown>) => ControlResult | Promise<ControlResult>;

interface ControlRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: ControlHandler;
}

const ok = (body: unknown): ControlResult => ({ status: 200, body });

const ROUTES: readonly ControlRoute[] = [
  { method: 'GET', pattern: /^\/_emulator\/events$/, run: ({ dispatcher }) => ok({ events: dispatcher.list() }) },
  { method: 'POST', pattern: /^\/_emulator\/events\/deliver-queued$/, run: deliverQueued },
  { method: 'GET', pattern: /^\/_emulator\/events\/([^/]+)$/, run: getEvent },
  {
    method: 'POST',
    pattern: /^\/_emulator\/events\/([^/]+)\/deliver$/,
    run: async ({ dispatcher }, id, body) => ok({ statuses: await dispatcher.redeliver(id, readTimes(body)) }),
  },
  {
    method: 'POST',
    pattern: /^\/_emulator\/webhooks\/pause$/,
    run: ({ dispatcher }) => {
      dispatcher.pause();
      return ok({ paused: true });
    },
  },
  { method: 'POST', pattern: /^\/_emulator\/webhooks\/resume$/, run: ({ dispatcher }) => ok({ paused: false, sent: dispatcher.resume() }) },
  { method: 'GET', pattern: /^\/_emulator\/sessions$/, run: ({ state }) => ok({ sessions: state.listSessions() }) },
  { method: 'POST', pattern: /^\/_emulator\/sessions\/([^/]+)\/pay$/, run: pay },
  { method: 'POST', pattern: /^\/_emulator\/sessions\/([^/]+)\/expire-now$/, run: ({ state }, id) => ok(state.expireSession(id)) },
];

export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ControlContext): Promise<void> {
  try {
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? parseJsonObject(await readBody(req)) : {};
    for (const route of ROUTES) {
      const match = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      const result = await route.run(ctx, decodeURIComponent(match[1] ?? ''), body);
      sendJson(res, result.status, result.body);
      return;
    }
    throw new StripeApiError(404, `Unknown emulator control: ${method} ${url.pathname}`);
  } catch (error) {
    const apiError = error instanceof StripeApiError ? error : new StripeApiError(500, `Emulator error: ${String(error)}`, { type: 'api_error' });
    sendJson(res, apiError.status, apiError.toBody());
  }
}

function getEvent({ dispatcher }: ControlContext, id: string): ControlResult {
  const event = dispatcher.get(id);
  if (!event) throw new StripeApiError(404, `No such event: '${id}'`, { code: 'resource_missing', param: 'id' });
  return ok(event);
}

async function deliverQueued({ dispatcher }: ControlContext, _id: string, body: Record<string, unknown>): Promise<ControlResult> {
  const order = body.order;
  if (!Array.isArray(order) || !order.every((id): id is string => typeof id === 'string')) {
    throw invalidRequest('Send { "order": ["evt_…", …] } listing queued event ids.', { param: 'order' });
  }
  return ok({ statuses: await dispatcher.deliverQueued(order) });
}

function pay({ state }: ControlContext, id: string, body: Record<string, unknown>): ControlResult {
  const card = body.card;
  if (typeof card !== 'string') throw invalidRequest('Send { "card": "4242424242424242" }.', { param: 'card' });
  const name = typeof body.name === 'string' ? body.name : undefined;
  const result = state.pay(id, { number: card, ...(name ? { name } : {}) });
  return result.ok ? ok(result.session) : { status: result.error.status, body: result.error.toBody() };
}

function readTimes(body: Record<string, unknown>): number {
  const times = body.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 100) {
    throw invalidRequest('"times" must be an integer from 1 to 100.', { param: 'times' });
  }
  return times;
}
