import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createConnection } from '../db/client';
import { hashPassword, passwordProblem } from '../domain/accounts/password';
import { bootAppDatabase } from './lib/database';

/**
 * Creates (or promotes) an administrator with a password: how a real
 * deployment gets its first admin, who then invites everyone else.
 *   npm run create-admin -- --email you@example.org --name "Your Name"   (password read from MARQUEE_ADMIN_PASSWORD)
 */
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string', default: 'Administrator' } }, strict: true });

async function main() {
  const email = values.email?.trim().toLowerCase();
  const password = process.env.MARQUEE_ADMIN_PASSWORD ?? '';
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('--email is required');
  const problem = passwordProblem(password);
  if (problem) throw new Error(`Set MARQUEE_ADMIN_PASSWORD: ${problem}`);
  const database = await bootAppDatabase();
  const { db, sql: client } = createConnection(database.url, 1);
  try {
    await db.execute(sql`
      INSERT INTO users (id, email, name, role, password_hash, email_verified)
      VALUES (${crypto.randomUUID()}, ${email}, ${values.name!}, 'admin', ${await hashPassword(password)}, now())
      ON CONFLICT (email) DO UPDATE SET role = 'admin', password_hash = excluded.password_hash, organisation_id = NULL, org_role = NULL`);
    console.log(`${email} is an administrator.`);
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
