import { setTimeout as sleep } from 'node:timers/promises';
import Stripe from 'stripe';
import { invalidRequest } from './errors';
import { newId, nowSeconds } from './ids';
import type { EventObject, EventType, StripeObject } from './objects';

/**
 * Records events and POSTs them, signed, to the app's webhook endpoint.
 *
 * Ordering: events of one checkout session go through one promise chain, so
 * the app sees them in creation order even while an earlier one is being
 * retried; events of different sessions do not wait for each other. Test
 * controls (pause, deliver-queued, redeliver) exist to break that order on
 * purpose.
 */
export interface DispatcherOptions {
  url: string | null;
  secret: string;
  retry: { attempts: number; baseDelayMs: number };
  log: (line: string) => void;
}

export interface EventSummary {
  id: string;
  type: EventType;
  sessionId?: string;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
  /** Held back by pause, waiting for resume or deliver-queued. */
  queued: boolean;
}

/** HTTP status of one attempt; null when the request itself failed (refused, timed out). */
export type AttemptStatus = number | null;

interface EventRecord {
  readonly event: EventObject;
  /** Signed and sent byte for byte on every attempt, like Stripe. */
  readonly payload: string;
  readonly sessionId: string | undefined;
  attempts: number;
  delivered: boolean;
  lastStatus: AttemptStatus;
  queued: boolean;
}

/** A slow endpoint must not stall its session's queue forever. */
const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookDispatcher {
  private readonly records: EventRecord[] = [];
  private readonly byId = new Map<string, EventRecord>();
  /** Tail of each session's delivery chain. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly stopping = new AbortController();
  private paused = false;

  constructor(private readonly options: DispatcherOptions) {}

  /** Creates the event (with a deep copy of the object as it is now) and starts delivery. */
  emit(type: EventType, object: StripeObject, sessionId: string | undefined): EventObject {
    const event: EventObject = {
      id: newId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: nowSeconds(),
      livemode: false,
      type,
      data: { object: structuredClone(object) },
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    // Pretty-printed like Stripe's, so an app that re-serialises the body before verifying fails here too.
    const record: EventRecord = { event, payload: JSON.stringify(event, null, 2), sessionId, attempts: 0, delivered: false, lastStatus: null, queued: false };
    this.records.push(record);
    this.byId.set(event.id, record);
    this.options.log(`event ${event.type} ${event.id}${sessionId ? ` (${sessionId})` : ''}`);
    if (this.options.url === null) return event;
    if (this.paused) record.queued = true;
    else this.schedule(record, 1);
    return event;
  }

  list(): EventSummary[] {
    return this.records.map(({ event, sessionId, attempts, delivered, lastStatus, queued }) => ({
      id: event.id,
      type: event.type,
      ...(sessionId ? { sessionId } : {}),
      attempts,
      delivered,
      lastStatus,
      queued,
    }));
  }

  get(id: string): EventObject | undefined {
    return this.byId.get(id)?.event;
  }

  pause(): void {
    this.paused = true;
  }

  /** Sends everything held back, in creation order; returns how many. */
  resume(): number {
    this.paused = false;
    const queued = this.records.filter((r) => r.queued);
    for (const record of queued) {
      record.queued = false;
      this.schedule(record, 1);
    }
    return queued.length;
  }

  /**
   * Sends the listed queued events one after another in exactly this order,
   * waiting for each response so the app sees that order. A failed one falls
   * back to the usual retries in the background.
   */
  async deliverQueued(order: readonly string[]): Promise<AttemptStatus[]> {
    this.requireUrl();
    if (new Set(order).size !== order.length) throw invalidRequest('The order lists an event more than once.', { param: 'order' });
    const records = order.map((id) => {
      const record = this.byId.get(id);
      if (!record?.queued) throw invalidRequest(`Event ${id} is not queued (pause webhooks before it is created).`, { param: 'order' });
      return record;
    });
    for (const record of records) record.queued = false;
    const statuses: AttemptStatus[] = [];
    for (const record of records) {
      const status = await this.attempt(record);
      statuses.push(status);
      if (!isSuccess(status)) this.schedule(record, 2);
    }
    return statuses;
  }

  /** Sends an event again now, `times` times in a row (duplicates and replays), without retries. */
  async redeliver(id: string, times: number): Promise<AttemptStatus[]> {
    this.requireUrl();
    const record = this.byId.get(id);
    if (!record) throw invalidRequest(`No such event: '${id}'`, { code: 'resource_missing', param: 'id' });
    const statuses: AttemptStatus[] = [];
    for (let i = 0; i < times; i += 1) statuses.push(await this.attempt(record));
    return statuses;
  }

  /** Cancels pending retries and in-flight requests. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.chains.values()]);
  }

  private requireUrl(): void {
    if (this.options.url === null) throw invalidRequest('The emulator has no webhook URL, so events are only recorded.');
  }

  private schedule(record: EventRecord, firstAttempt: number): void {
    const key = record.sessionId ?? record.event.id;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.deliverWithRetries(record, firstAttempt));
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Never rejects: a rejected link would break the chain for later events. */
  private async deliverWithRetries(record: EventRecord, firstAttempt: number): Promise<void> {
    const { attempts, baseDelayMs } = this.options.retry;
    try {
      for (let attempt = firstAttempt; attempt <= attempts; attempt += 1) {
        // Exponential backoff: base, 2×base, 4×base, … before the 2nd, 3rd, 4th attempt.
        if (attempt > 1) await sleep(baseDelayMs * 2 ** (attempt - 2), undefined, { signal: this.stopping.signal });
        if (this.stopping.signal.aborted) return;
        // Pausing also holds an event waiting behind another or between retries,
        // so that resume() can still send everything in creation order.
        if (this.paused) {
          record.queued = true;
          return;
        }
        if (isSuccess(await this.attempt(record))) return;
      }
      this.options.log(`webhook ${record.event.id} gave up after ${record.attempts} attempts`);
    } catch (error) {
      if (!this.stopping.signal.aborted) this.options.log(`webhook ${record.event.id} failed: ${describe(error)}`);
    }
  }

  private async attempt(record: EventRecord): Promise<AttemptStatus> {
    const url = this.options.url;
    if (url === null) return null;
    record.attempts += 1;
    // Signed per attempt: the timestamp in the header must be fresh for constructEvent's tolerance.
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: record.payload, secret: this.options.secret });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: record.payload,
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      // Drain the body so the keep-alive connection is released.
      await response.arrayBuffer().catch(() => undefined);
      record.lastStatus = response.status;
      if (isSuccess(response.status)) record.delivered = true;
      this.options.log(`webhook ${record.event.type} ${record.event.id} -> ${response.status} (attempt ${record.attempts})`);
      return response.status;
    } catch (error) {
      record.lastStatus = null;
      this.options.log(`webhook ${record.event.type} ${record.event.id} -> ${describe(error)} (attempt ${record.attempts})`);
      return null;
    }
  }
}

function isSuccess(status: AttemptStatus): boolean {
  return status !== null && status >= 200 && status < 300;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  return String(error);
}
