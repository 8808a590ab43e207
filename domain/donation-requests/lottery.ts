import { createHash } from 'node:crypto';
import type { FairAllocationOutcome } from '@/db/schema/donation-requests';

/**
 * The fair allocation's lottery, as a pure function so that anyone can re-run a recorded draw: given the seed, the
 * places there were and the requests (id and tickets asked), it answers the same outcome on any machine.
 *
 *   1. Sort the requests by id (so the order they were read in does not matter).
 *   2. Shuffle them with Fisher–Yates, drawing each index from a PRNG: the n-th number is the first 4 bytes (big-endian)
 *      of sha256(`${seed}:${n}`), n = 0, 1, 2…; a number is turned into an index below k by rejection sampling (numbers
 *      at or above the largest multiple of k under 2^32 are skipped) so that every index is equally likely.
 *   3. Walk the shuffled order: a request is granted whole if its tickets still fit in the places left, else declined.
 *      Nobody gets part of a request, and a smaller request further down can still fit after a larger one did not.
 */

export interface LotteryEntry {
  requestId: string;
  quantity: number;
}

const RANGE = 2 ** 32;

/** The seeded stream of 32-bit numbers: sha256 of the seed and a counter. */
function numbers(seed: string): () => number {
  let counter = 0;
  return () => createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0);
}

/** An index in [0, k), every one equally likely. */
function below(next: () => number, k: number): number {
  const limit = RANGE - (RANGE % k);
  for (;;) {
    const x = next();
    if (x < limit) return x % k;
  }
}

/** The requests' ids in the seed's order. */
export function drawOrder(seed: string, requestIds: readonly string[]): string[] {
  const order = [...requestIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const next = numbers(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = below(next, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Who gets their request whole and who is declined, in draw order (draw 1 first). */
export function runLottery(seed: string, places: number, entries: readonly LotteryEntry[]): FairAllocationOutcome[] {
  const quantity = new Map(entries.map((e) => [e.requestId, e.quantity]));
  let left = Math.max(0, places);
  return drawOrder(seed, [...quantity.keys()]).map((requestId, i) => {
    const asked = quantity.get(requestId)!;
    const granted = asked <= left;
    if (granted) left -= asked;
    return { requestId, quantity: asked, draw: i + 1, granted };
  });
}
