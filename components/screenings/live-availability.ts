'use client';

import { SALE_STATES, type SaleState } from '@/lib/sale-state';

/**
 * The browser's side of the cached pages' live availability: every badge on a page subscribes with its screening's
 * id, and one request (GET /api/v1/availability, up to 100 ids, kept 5 s by the server and any CDN) answers them all,
 * again every few seconds while the page is in view. The page's own HTML may be a few seconds old (it is cached);
 * this brings what a visitor sees to within about 10 seconds of the truth. The hold decides, never this.
 */
const POLL_MS = 5_000;
const BATCH_DELAY_MS = 30;
const MAX_IDS_PER_REQUEST = 100;

const known = new Map<string, SaleState>();
const listeners = new Map<string, Set<() => void>>();
let timer: ReturnType<typeof setTimeout> | null = null;
let watchingVisibility = false;
/** Turns in a row the server refused or did not answer: each doubles the wait, up to a minute. */
let failures = 0;

const isSaleState = (value: unknown): value is SaleState => typeof value === 'string' && (SALE_STATES as readonly string[]).includes(value);

function schedule(delay: number) {
  if (timer !== null) return;
  timer = setTimeout(() => void refresh(), delay);
}

async function refresh() {
  timer = null;
  const ids = [...listeners.keys()].sort();
  if (ids.length === 0) return;
  if (document.visibilityState === 'visible') {
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
      const batch = ids.slice(i, i + MAX_IDS_PER_REQUEST);
      try {
        const res = await fetch(`/api/v1/availability?screenings=${batch.join(',')}`, { headers: { accept: 'application/json' } });
        if (!res.ok) {
          failures += 1;
          continue;
        }
        failures = 0;
        const body = (await res.json()) as { screenings?: { id?: unknown; saleState?: unknown }[] };
        for (const s of body.screenings ?? []) {
          if (typeof s.id !== 'string' || !isSaleState(s.saleState) || known.get(s.id) === s.saleState) continue;
          known.set(s.id, s.saleState);
          listeners.get(s.id)?.forEach((listener) => listener());
        }
      } catch {
        // Offline or the server is busy: the page keeps what it shows and asks again, later each time.
        failures += 1;
      }
    }
  }
  if (listeners.size > 0) schedule(Math.min(60_000, POLL_MS * 2 ** Math.min(failures, 4)));
}

/** For useSyncExternalStore: starts polling with the first subscriber, stops with the last. */
export function subscribeToSaleState(screeningId: string, listener: () => void): () => void {
  let set = listeners.get(screeningId);
  if (!set) listeners.set(screeningId, (set = new Set()));
  set.add(listener);
  if (!watchingVisibility) {
    watchingVisibility = true;
    // Back in view after a while: ask at once rather than show what was true when the tab was left.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || timer === null) return;
      clearTimeout(timer);
      timer = null;
      schedule(0);
    });
  }
  schedule(BATCH_DELAY_MS);
  return () => {
    set.delete(listener);
    if (set.size === 0) {
      listeners.delete(screeningId);
      // Forget it too once nobody shows it any more: a page shown again later starts from its own, fresher, rendering.
      // Not at once: React unsubscribes and subscribes again around a re-render, and the value must survive that.
      setTimeout(() => {
        if (!listeners.has(screeningId)) known.delete(screeningId);
      }, 1_000);
    }
  };
}

export function liveSaleState(screeningId: string): SaleState | undefined {
  return known.get(screeningId);
}
