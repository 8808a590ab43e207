import type { Database, Transaction } from '@/db/client';

/**
 * A command's `{ ok: false }` that must also undo the writes the transaction made before it was refused (an
 * allotment's count taken, then no seat left). Throwing it rolls the transaction back; `transact` turns it into the
 * command's result.
 */
export class Refusal<R> extends Error {
  constructor(readonly result: R) {
    super('refused');
  }
}

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was undone whole and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  }
  return false;
}

/**
 * Runs `work` in one transaction; `refuse(r)` rolls everything back and makes `r` the result. When PostgreSQL breaks a
 * deadlock between two commands by aborting this one (locks taken in different orders by, say, a bulk allocation edit
 * and an approval naming the same screenings), nothing of it was kept, so it runs again rather than failing the person.
 */
export async function transact<T, R>(db: Database, work: (tx: Transaction, refuse: (result: R) => never) => Promise<T>): Promise<T | R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) =>
        work(tx, (result: R) => {
          throw new Refusal(result);
        }),
      );
    } catch (error) {
      if (error instanceof Refusal) return error.result as R;
      if (attempt < ATTEMPTS && isRetryable(error)) continue;
      throw error;
    }
  }
}
