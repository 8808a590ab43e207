import { test as base, expect } from '@playwright/test';
import { createConnection, type Database } from '@/db/client';
import { getFestivalBySlug } from '../../tests/support/factories';
import { DEMO_FESTIVAL } from '@/db/seed';

type Festival = Awaited<ReturnType<typeof getFestivalBySlug>>;

/** A database connection per worker, for factories, and the festival the site shows. */
export const test = base.extend<object, { db: Database; festival: Festival }>({
  db: [
    async ({}, use) => {
      const connection = createConnection(process.env.DATABASE_URL!, 2);
      await use(connection.db);
      await connection.sql.end();
    },
    { scope: 'worker' },
  ],
  festival: [
    async ({ db }, use) => {
      await use(await getFestivalBySlug(db, DEMO_FESTIVAL.slug));
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** What a person in the festival's zone reads on a clock, computed independently of the app. */
export function festivalClock(instant: Date, timeZone: string) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(instant);
  const time = new Intl.DateTimeFormat('en-CA', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true }).format(instant);
  return { day, time };
}
