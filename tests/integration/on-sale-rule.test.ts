import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow } from '@/db/sql';
import type { ScreeningStatus } from '@/db/schema/screenings';
import { isSelling } from '@/domain/inventory/availability';
import { sellingNowSql } from '@/domain/inventory/availability-sql';

const HOUR = 3_600_000;

/** The SQL twin of isSelling, evaluated on one made-up screening row. */
async function sellingInSql(s: { status: ScreeningStatus; startsAt: Date; onSaleAt: Date | null; offSaleAt: Date | null }): Promise<boolean> {
  const row = await firstRow<{ selling: boolean }>(
    getDb(),
    sql`SELECT ${sellingNowSql(sql`s`)} IS TRUE AS selling
        FROM (VALUES (${s.status}::screening_status, ${s.startsAt.toISOString()}::timestamptz, ${s.onSaleAt?.toISOString() ?? null}::timestamptz,
                ${s.offSaleAt?.toISOString() ?? null}::timestamptz))
          AS s(status, starts_at, on_sale_at, off_sale_at)`,
  );
  return row!.selling;
}

describe('the "on sale now" rule', () => {
  it('reads the same in SQL (the hold command) as in TypeScript (the sale state shown)', async () => {
    const now = new Date();
    const statuses: ScreeningStatus[] = ['scheduled', 'on_sale', 'off_sale', 'cancelled'];
    const starts = [new Date(now.getTime() - HOUR), new Date(now.getTime() + 24 * HOUR)];
    const onSale = [null, new Date(now.getTime() - HOUR), new Date(now.getTime() + HOUR)];
    const offSale = [null, new Date(now.getTime() - 30 * 60_000), new Date(now.getTime() + 2 * HOUR)];
    let selling = 0;
    for (const status of statuses) {
      for (const startsAt of starts) {
        for (const onSaleAt of onSale) {
          for (const offSaleAt of offSale) {
            const s = { status, startsAt, onSaleAt, offSaleAt };
            const expected = isSelling(s, now);
            if (expected) selling += 1;
            expect(await sellingInSql(s), JSON.stringify(s)).toBe(expected);
          }
        }
      }
    }
    // on_sale (any on-sale time) and scheduled-and-passed, for a screening still to come, whose off-sale time
    // is unset or still ahead: (3 + 1) × 2.
    expect(selling).toBe(8);
  });
});
