import { sql, type SQL, type Table } from 'drizzle-orm';
import type { Database, Transaction } from './client';

/**
 * Raw SQL, kept for the hot paths (holds, pool updates, fulfilment) and for
 * statements the query builder would only obscure. Each query names its row
 * type once, next to the statement; tests/integration/row-types.test.ts runs
 * the hot-path shapes against the schema so a column rename fails the suite.
 */

/** Anything that can run a statement: the app's db, a transaction or a savepoint. */
export type SqlRunner = Pick<Database | Transaction, 'execute'>;

/**
 * Runs `query` and types its rows as `T`. The driver returns plain objects
 * keyed by the SELECT list; `T` says what that list is, so declare it beside
 * the statement (snake_case, as the database spells it).
 */
export async function rows<T extends object>(runner: SqlRunner, query: SQL): Promise<T[]> {
  // The one cast of raw rows: `T` is the statement's SELECT list, checked against the schema by tests.
  const result: readonly object[] = await runner.execute(query);
  return result as T[];
}

/** The first row of `query`, or null when there is none. */
export async function firstRow<T extends object>(runner: SqlRunner, query: SQL): Promise<T | null> {
  const [row] = await rows<T>(runner, query);
  return row ?? null;
}

/** A uuid[] literal: drizzle spreads a JS array into separate parameters, so build the array in SQL. */
export function uuidArray(ids: readonly string[]): SQL {
  return ids.length === 0 ? sql`ARRAY[]::uuid[]` : sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
}

/** An int[] literal (see uuidArray). */
export function intArray(xs: readonly number[]): SQL {
  return xs.length === 0 ? sql`ARRAY[]::int[]` : sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::int[]`;
}

/** A text[] literal (see uuidArray). */
export function textArray(xs: readonly string[]): SQL {
  return xs.length === 0 ? sql`ARRAY[]::text[]` : sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;
}

/** "seatNumber" → "seat_number": the database's spelling of a schema key (the client's casing is snake_case). */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

/** How the driver hands a raw row's value back: timestamps as text (read them with to_json for a parseable zone). */
type RawValue<V> = V extends Date ? string : V;

/**
 * A table's columns as raw SQL returns them, keyed by their database names.
 * Declare a raw row as `Pick<ColumnsOf<typeof seats>, 'row_label' | 'seat_number'> & { … }`
 * so that renaming a column in the schema fails to compile where the old name is read.
 */
export type ColumnsOf<T extends Table> = {
  [K in keyof T['$inferSelect'] & string as SnakeCase<K>]: RawValue<T['$inferSelect'][K]>;
};
