import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnection } from '@/db/client';
import { adminUrlOf, createDatabaseIfMissing, dropDatabase, withDatabase } from '@/db/migrate';
import { DEMO_ACCOUNTS } from '@/db/seed/accounts';
import { resetEnvCache } from '@/platform/env';
import { bootAppDatabase } from '../../scripts/lib/database';
import { createUser } from '../support/factories';
import { rows } from '@/db/sql';


/**
 * The demo accounts' password is printed in the repository: a production start
 * never seeds them, and takes the password away from any that a local trial run
 * left in the same database.
 */
describe('production start-up and the demo accounts', () => {
  const testUrl = process.env.DATABASE_URL!;
  const admin = adminUrlOf(testUrl);
  const name = `marquee_prodboot_${process.pid}_${Date.now()}`;
  const url = withDatabase(admin, name);
  const saved = { ...process.env };

  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await dropDatabase(admin, name);
  });

  it('seeds none, and disables the password of any left from local mode', async () => {
    await createDatabaseIfMissing(admin, name);
    Object.assign(process.env, {
      DATABASE_URL: url,
      MARQUEE_MODE: 'production',
      PUBLIC_BASE_URL: 'https://tickets.example.org',
      APP_SECRET: 'a'.repeat(8) + crypto.randomUUID(),
      STRIPE_SECRET_KEY: 'sk_test_never_called',
      STRIPE_WEBHOOK_SECRET: 'whsec_never_called_0123456789',
      SMTP_URL: 'smtp://127.0.0.1:9',
    });
    resetEnvCache();
    const { sql: client, db } = createConnection(url, 2);
    try {
      await bootAppDatabase();
      const emails = DEMO_ACCOUNTS.map((a) => a.email);
      const seeded = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users WHERE email IN (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
      expect(seeded[0]?.n).toBe(0);

      // As a local trial run would have left it.
      const staff = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
      await createUser(db, { email: staff.email, name: 'Demo', role: 'admin', password: 'festival-demo-password' });
      await bootAppDatabase();
      const [row] = await rows<{ password_hash: string | null }>(db, sql`SELECT password_hash FROM users WHERE email = ${staff.email}`);
      expect(row?.password_hash).toBeNull();
    } finally {
      await client.end();
    }
  });
});
