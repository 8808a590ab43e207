import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { adminUrlOf, createDatabaseIfMissing, dropDatabase, migrateDatabase, withDatabase } from '@/db/migrate';

describe('migrations', () => {
  it('apply to an empty database, twice in parallel, without error', async () => {
    const admin = adminUrlOf(inject('databaseUrl'));
    const name = `marquee_migr_${process.pid}_${Date.now()}`;
    await createDatabaseIfMissing(admin, name);
    const url = withDatabase(admin, name);
    try {
      // Two app instances starting together must not race each other.
      await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
      const sql = postgres(url, { max: 1 });
      const tables = await sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`;
      const fold = await sql`SELECT marquee_fold('L’Étranger') AS v`;
      await sql.end();
      expect(tables[0]?.n).toBeGreaterThanOrEqual(15);
      expect(fold[0]?.v).toBe('l etranger');
    } finally {
      await dropDatabase(admin, name);
    }
  });
});
