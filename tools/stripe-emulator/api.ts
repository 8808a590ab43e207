import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { StripeApiError, invalidRequest } from './errors';
import { type FormObject, parseForm, stringList } from './form';
import { headerValue, readBody, sendJson } from './http';
import { newId } from './ids';
import type { StripeObject } from './objects';
import type { EmulatorState } from './state';

/**
 * The `/v1` REST subset, as the stripe-node SDK calls it: Bearer auth,
 * form-encoded bodies, `Idempotency-Key` and `expand[]`.
 */
interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  run: (state: EmulatorState, id: string, form: FormObject) => StripeObject;
}

const ROUTES: readonly Route[] = [
  { method: 'POST', pattern: /^\/v1\/checkout\/sessions$/, run: (state, _id, form) => state.createSession(form) },
  { method: 'GET', pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/, run: (state, id) => state.getSession(id) },
  { method: 'POST', pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, run: (state, id) => state.expireSession(id) },
  { method: 'GET', pattern: /^\/v1\/payment_intents\/([^/]+)$/, run: (state, id) => state.getPaymentIntent(id) },
  { method: 'GET', pattern: /^\/v1\/charges\/([^/]+)$/, run: (state, id) => state.getCharge(id) },
  { method: 'POST', pattern: /^\/v1\/refunds$/, run: (state, _id, form) => state.createRefund(form) },
  { method: 'GET', pattern: /^\/v1\/refunds\/([^/]+)$/, run: (state, id) => state.getRefund(id) },
];

interface StoredResponse {
  /** Method, path and body of the first request: a reused key must come with the same request. */
  fingerprint: string;
  status: number;
  body: unknown;
}

export class ApiHandler {
  /** Successful POST responses by idempotency key (failed ones may be retried with the same key, as with Stripe's validation errors). */
  private readonly idempotent = new Map<string, StoredResponse>();

  constructor(
    private readonly apiKey: string,
    private readonly state: EmulatorState,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers: Record<string, string> = {
      'Request-Id': newId('req'),
      'Stripe-Version': headerValue(req, 'stripe-version') ?? Stripe.API_VERSION,
    };
    try {
      this.authenticate(req);
      const method = req.method ?? 'GET';
      // Read the body before anything else so that what follows runs without
      // awaiting: two requests with one idempotency key cannot interleave.
      const body = method === 'POST' ? await readBody(req) : url.search.slice(1);
      const form = parseForm(body);
      const { route, id } = findRoute(method, url.pathname);
      const key = method === 'POST' ? headerValue(req, 'idempotency-key') : undefined;
      if (key === undefined) {
        sendJson(res, 200, this.execute(route, id, form), headers);
        return;
      }
      const fingerprint = `${method} ${url.pathname} ${body}`;
      const stored = this.idempotent.get(key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) throw idempotencyMismatch(key);
        sendJson(res, stored.status, stored.body, { ...headers, 'Idempotency-Key': key, 'Idempotent-Replayed': 'true' });
        return;
      }
      const result = this.execute(route, id, form);
      this.idempotent.set(key, { fingerprint, status: 200, body: result });
      sendJson(res, 200, result, { ...headers, 'Idempotency-Key': key });
    } catch (error) {
      const apiError = error instanceof StripeApiError ? error : new StripeApiError(500, `Emulator error: ${String(error)}`, { type: 'api_error' });
      sendJson(res, apiError.status, apiError.toBody(), headers);
    }
  }

  private execute(route: Route, id: string, form: FormObject): unknown {
    // Serialised now, so later state changes cannot alter a stored idempotent response.
    const object = route.run(this.state, id, form);
    return JSON.parse(JSON.stringify(expand(object, stringList(form, 'expand'), (ref) => this.state.lookup(ref))));
  }

  /** The SDK sends `Authorization: Bearer <key>`; curl users often use Basic with the key as user name. */
  private authenticate(req: IncomingMessage): void {
    const header = headerValue(req, 'authorization');
    if (!header) {
      throw new StripeApiError(
        401,
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      );
    }
    const [rawScheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
    const scheme = rawScheme.toLowerCase();
    if (scheme !== 'bearer' && scheme !== 'basic') throw new StripeApiError(401, 'Invalid API Key provided: use Bearer authentication.');
    const key = scheme === 'basic' ? (Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '') : credentials;
    if (key !== this.apiKey) throw new StripeApiError(401, `Invalid API Key provided: ${redact(key)}`);
  }
}

function findRoute(method: string, path: string): { route: Route; id: string } {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) return { route, id: decodeURIComponent(match[1] ?? '') };
  }
  throw new StripeApiError(404, `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only the endpoints the app uses.`);
}

function idempotencyMismatch(key: string): StripeApiError {
  return new StripeApiError(
    400,
    `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    { type: 'idempotency_error' },
  );
}

/** Like Stripe: keep the prefix and the last four characters. */
function redact(key: string): string {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return rest.length <= 4 ? `${prefix}${'*'.repeat(rest.length)}` : `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`;
}

// ---- expand[] ---------------------------------------------------------------

type Lookup = (id: string) => StripeObject | undefined;

/**
 * Replaces id fields by the objects they name, e.g. `payment_intent` or
 * `payment_intent.latest_charge` on a session. Works on copies, so stored
 * objects are never changed.
 */
export function expand(object: StripeObject, paths: readonly string[], lookup: Lookup): Record<string, unknown> {
  const root: Record<string, unknown> = { ...object };
  for (const path of paths) expandPath(root, path.split('.'), path, lookup);
  return root;
}

function expandPath(target: Record<string, unknown>, segments: readonly string[], path: string, lookup: Lookup): void {
  const [field, ...rest] = segments;
  if (field === undefined || !Object.hasOwn(target, field)) throw notExpandable(path);
  const value = target[field];
  if (value === null) return;
  let expanded: Record<string, unknown>;
  if (typeof value === 'string') {
    const found = lookup(value);
    if (!found) throw notExpandable(path);
    expanded = { ...found };
    target[field] = expanded;
  } else if (isRecord(value)) {
    // Already expanded by an earlier path, or a nested hash: copy before going deeper.
    expanded = { ...value };
    target[field] = expanded;
  } else {
    throw notExpandable(path);
  }
  if (rest.length > 0) expandPath(expanded, rest, path, lookup);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notExpandable(path: string): StripeApiError {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: 'expand' });
}
