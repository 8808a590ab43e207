import path from 'node:path';
import { createConnection } from '../../db/client';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../db/embedded';
import { adminUrlOf, createDatabaseIfMissing, dropDatabase, migrateDatabase, withDatabase } from '../../db/migrate';
import { seedDemoFestival } from '../../db/seed';
import { disableDemoPasswords } from '../../db/seed/accounts';
import { getEnv, usesStripeEmulator } from '../../platform/env';
import { loadOrCreateLocalSecrets } from '../../platform/local-secrets';

export interface BootedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const log = (line: string) => console.log(line);

/** The embedded server's password: generated once per data directory, in both modes. */
const embeddedPassword = () => loadOrCreateLocalSecrets(getEnv().MARQUEE_DATA_DIR).secrets.embeddedPgPassword;

async function seed(url: string): Promise<void> {
  const { sql, db } = createConnection(url, 2);
  try {
    // Demo accounts with a published password: only for a local trial run, where no real money moves.
    const local = getEnv().MARQUEE_MODE === 'local' && usesStripeEmulator();
    const result = await seedDemoFestival(db, new Date(), { demoAccounts: local });
    log(result.seeded ? `[db] seeded the demo festival (${result.screenings} screenings)` : '[db] demo festival already seeded');
    if (getEnv().MARQUEE_MODE === 'production') {
      const disabled = await disableDemoPasswords(db);
      if (disabled) log(`[db] production mode: took the published demo password away from ${disabled} demo account(s)`);
    }
  } finally {
    await sql.end();
  }
}

/**
 * The app's database: DATABASE_URL when set, otherwise the embedded server
 * under MARQUEE_DATA_DIR (persisted across restarts). Migrated and seeded.
 */
export async function bootAppDatabase(): Promise<BootedDatabase> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    await migrateDatabase(env.DATABASE_URL);
    await seed(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(env.MARQUEE_DATA_DIR, 'pg'), port: env.EMBEDDED_PG_PORT, password: embeddedPassword(), log });
  try {
    await createDatabaseIfMissing(server.adminUrl, 'marquee');
    const url = server.urlFor('marquee');
    await migrateDatabase(url);
    await seed(url);
    return { url, embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * A fresh, migrated and seeded database for one test run, on DATABASE_URL's
 * server when set, otherwise on a throw-away embedded cluster. Dropped on stop.
 */
export async function bootTestDatabase(): Promise<BootedDatabase> {
  const env = getEnv();
  let server: EmbeddedServer | undefined;
  let adminUrl: string;
  if (env.DATABASE_URL) {
    adminUrl = adminUrlOf(env.DATABASE_URL);
  } else {
    server = await startEmbeddedPostgres({
      dataDir: path.join(env.MARQUEE_DATA_DIR, 'test-pg'),
      port: env.EMBEDDED_PG_PORT + 1,
      password: embeddedPassword(),
      fast: true,
      log,
    });
    adminUrl = server.adminUrl;
  }
  const name = `marquee_test_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  const stop = async () => {
    if (process.env.KEEP_TEST_DB !== '1') await dropDatabase(adminUrl, name).catch((e: unknown) => log(`[db] could not drop ${name}: ${String(e)}`));
    await server?.stop();
  };
  try {
    await migrateDatabase(url);
    await seed(url);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`[db] test database ${name} ready`);
  return { url, embedded: Boolean(server), stop };
}
