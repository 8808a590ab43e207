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

/** Runs `work` in one transaction; `refuse(r)` rolls everything back and makes `r` the result. */
export async function transact<T, R>(db: Database, work: (tx: Transaction, refuse: (result: R) => never) => Promise<T>): Promise<T | R> {
  try {
    return await db.transaction((tx) =>
      work(tx, (result: R) => {
        throw new Refusal(result);
      }),
    );
  } catch (error) {
    if (error instanceof Refusal) return error.result as R;
    throw error;
  }
}
