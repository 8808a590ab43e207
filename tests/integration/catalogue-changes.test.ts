import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { films } from '@/db/schema';
import { rows } from '@/db/sql';
import { getEnv } from '@/platform/env';
import { listenForCatalogueChanges } from '@/platform/server/catalogue-changes';
import { createFestival, createFilm } from '../support/factories';
import { until } from '../support/until';

/**
 * Every app instance empties its page cache when PostgreSQL says the catalogue changed (migration 0010). Other test
 * files write to the same database at the same time, so these tests look for their own change, not for silence.
 */
describe('catalogue change notifications', () => {
  it('an edit to a film reaches a listener on another connection', async () => {
    const db = getDb();
    const festival = await createFestival(db);
    const film = await createFilm(db, festival.id);
    const heard: (string | undefined)[] = [];
    const listener = await listenForCatalogueChanges(getEnv().DATABASE_URL!, (transactionId) => heard.push(transactionId), () => undefined);
    try {
      // The listener also reports its own connection: from then on, anything may have changed.
      await until(async () => heard.length, (n) => n >= 1, 5_000);
      expect(heard[0]).toBeUndefined();
      const transactionId = await db.transaction(async (tx) => {
        await tx.update(films).set({ title: 'Here (restored print)' }).where(eq(films.id, film.id));
        await tx.update(films).set({ logline: 'A day in Brussels.' }).where(eq(films.id, film.id));
        const [row] = await rows<{ id: string }>(tx, sql`SELECT pg_current_xact_id()::text AS id`);
        await new Promise((r) => setTimeout(r, 300));
        // Not before it commits: nobody may empty a cache for a change that could still roll back.
        expect(heard).not.toContain(row!.id);
        return row!.id;
      });
      await until(async () => heard.includes(transactionId), Boolean, 5_000);
      expect(heard).toContain(transactionId);
      // Once per transaction, however many statements.
      expect(heard.filter((id) => id === transactionId)).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });

  it('a statement that changes nothing notifies nothing (a job finding no work must not empty every cache)', async () => {
    const db = getDb();
    const heard: (string | undefined)[] = [];
    const listener = await listenForCatalogueChanges(getEnv().DATABASE_URL!, (transactionId) => heard.push(transactionId), () => undefined);
    try {
      await until(async () => heard.length, (n) => n >= 1, 5_000);
      const quiet = await db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE access_allocations SET released_at = now() WHERE false`);
        await tx.execute(sql`DELETE FROM films WHERE false`);
        const [row] = await rows<{ id: string }>(tx, sql`SELECT pg_current_xact_id()::text AS id`);
        return row!.id;
      });
      const festival = await createFestival(db);
      const busy = await db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE festivals SET name = name WHERE id = ${festival.id}`);
        const [row] = await rows<{ id: string }>(tx, sql`SELECT pg_current_xact_id()::text AS id`);
        return row!.id;
      });
      // The busy transaction committed after the quiet one: once it is heard, the quiet one would have been too.
      await until(async () => heard.includes(busy), Boolean, 5_000);
      expect(heard).toContain(busy);
      expect(heard).not.toContain(quiet);
    } finally {
      await listener.close();
    }
  });

  it('the catalogue tables notify; the tables a sale writes do not, so an on-sale rush never empties the cache', async () => {
    const found = await rows<{ table: string }>(getDb(), sql`
      SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname LIKE 'marquee\_catalogue\_%' AND NOT t.tgisinternal ORDER BY c.relname`);
    const notifying = found.map((r) => r.table);
    expect(notifying).toEqual(
      [
        'access_allocations', 'access_scheme_settings', 'allocation_changes', 'allotments', 'festivals', 'film_cast', 'film_credits', 'film_partners', 'films', 'organisations',
        'people', 'related_films', 'screening_films', 'screenings', 'seat_sections', 'seats', 'sections', 'ticket_types', 'venues',
      ].sort(),
    );
    for (const hot of ['holds', 'hold_items', 'hold_seats', 'screening_seats', 'inventory_pools', 'orders', 'order_items', 'tickets', 'payments', 'rate_limit_buckets', 'check_ins']) {
      expect(notifying).not.toContain(hot);
    }
  });

  it('a listener that cannot connect says so and lets the app run on its cache time alone', async () => {
    const lines: string[] = [];
    const listener = await listenForCatalogueChanges('postgres://nobody@127.0.0.1:1/none', () => undefined, (line) => lines.push(line));
    await listener.close();
    expect(lines.join('\n')).toMatch(/cannot listen for catalogue changes/);
  });
});
