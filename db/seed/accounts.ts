import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { users } from '../schema/auth';
import { organisations } from '../schema/organisations';
import { hashPassword } from '@/domain/accounts/password';
import { roleCan } from '@/domain/accounts/permissions';
import type { Database, Transaction } from '../client';

/**
 * Demo accounts, seeded with the demo festival only (never in a real
 * deployment, which creates its first admin with `npm run create-admin`).
 * Staff sign in with the demo password; partners by email link.
 */
export const DEMO_PASSWORD = 'festival-demo-password';
export const DEMO_ACCOUNTS = [
  { email: 'admin@harbourfront.example', name: 'Avery Admin', role: 'admin' },
  { email: 'boxoffice@harbourfront.example', name: 'Sam Box-Office', role: 'staff' },
  { email: 'partner@mossback.example', name: 'Mo Partner', role: 'partner', organisation: 'mossback-urban-ecology-society', orgRole: 'admin' },
] as const;

export async function seedDemoAccounts(tx: Transaction): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const staff = roleCan(a.role, 'password.sign_in');
    const [organisation] =
      'organisation' in a ? await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, a.organisation)) : [];
    await tx
      .insert(users)
      .values({
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash: staff ? passwordHash : null,
        organisationId: organisation?.id ?? null,
        orgRole: 'orgRole' in a ? a.orgRole : null,
        emailVerified: sql`now()`,
      })
      .onConflictDoNothing({ target: users.email });
  }
}

/**
 * A database seeded in local mode and later served in production would keep
 * accounts whose password is printed in this file: production takes their
 * passwords away at start-up (they can still be given real ones by an admin's
 * invitation or `npm run create-admin`). Returns how many were disabled.
 */
export async function disableDemoPasswords(db: Database): Promise<number> {
  const disabled = await db
    .update(users)
    .set({ passwordHash: null })
    .where(
      and(
        inArray(
          users.email,
          DEMO_ACCOUNTS.map((a) => a.email),
        ),
        isNotNull(users.passwordHash),
      ),
    )
    .returning({ id: users.id });
  return disabled.length;
}
