import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/platform/env';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

interface Connection {
  sql: postgres.Sql;
  db: Database;
}

// Survives Next's module reloading in development, so edits do not leak pools.
const globalForDb = globalThis as typeof globalThis & { __marqueeDb?: Connection };

export function createConnection(url: string, max = 10): Connection {
  const sql = postgres(url, { max, onnotice: () => undefined, connection: { application_name: 'marquee' } });
  return { sql, db: drizzle(sql, { schema, casing: 'snake_case' }) };
}

function getConnection(): Connection {
  if (globalForDb.__marqueeDb) return globalForDb.__marqueeDb;
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start the embedded PostgreSQL and set it.',
    );
  }
  globalForDb.__marqueeDb = createConnection(env.DATABASE_URL, env.DB_POOL_MAX);
  return globalForDb.__marqueeDb;
}

/** The app's drizzle instance, opened on first use (never at import time). */
export function getDb(): Database {
  return getConnection().db;
}

export function getSql(): postgres.Sql {
  return getConnection().sql;
}
