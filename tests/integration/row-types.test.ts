import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { getDb } from '@/db/client';
import * as schema from '@/db/schema';
import {
  emails,
  festivals,
  holdItems,
  holds,
  holdSeats,
  inventoryPools,
  orderItems,
  orders,
  paymentMismatches,
  screenings,
  screeningSeats,
  seats,
  stripeEvents,
  tickets,
  ticketTypes,
  venues,
} from '@/db/schema';
import { rows, type ColumnsOf, type SnakeCase } from '@/db/sql';

/**
 * Raw SQL is kept for the hot paths (holds, pool updates, fulfilment), so the
 * compiler does not see its column names. These checks tie them to the
 * schema: the columns the hot paths read and write are listed here against
 * `ColumnsOf<table>` (a schema rename fails the typecheck stage), and each
 * list is run against the migrated database (a migration rename fails here).
 * Raw row types declared as `Pick<ColumnsOf<…>, …>` get the first check for free.
 */
const HOT_PATH_COLUMNS = {
  inventory_pools: ['screening_id', 'kind', 'capacity', 'held', 'sold'] satisfies (keyof ColumnsOf<typeof inventoryPools>)[],
  holds: ['id', 'screening_id', 'pool_kind', 'quantity', 'token_hash', 'client_key', 'status', 'expires_at', 'ended_at'] satisfies (keyof ColumnsOf<
    typeof holds
  >)[],
  hold_items: ['hold_id', 'ticket_type_id', 'quantity', 'unit_price_cents'] satisfies (keyof ColumnsOf<typeof holdItems>)[],
  hold_seats: ['hold_id', 'screening_id', 'seat_id', 'live'] satisfies (keyof ColumnsOf<typeof holdSeats>)[],
  screening_seats: ['screening_id', 'seat_id', 'state', 'hold_id'] satisfies (keyof ColumnsOf<typeof screeningSeats>)[],
  seats: ['id', 'venue_id', 'row_label', 'seat_number', 'kind', 'x', 'y'] satisfies (keyof ColumnsOf<typeof seats>)[],
  ticket_types: ['id', 'screening_id', 'code', 'name', 'price_cents', 'active', 'position'] satisfies (keyof ColumnsOf<typeof ticketTypes>)[],
  orders: [
    'id',
    'number',
    'screening_id',
    'hold_id',
    'user_id',
    'buyer_name',
    'buyer_email',
    'total_cents',
    'currency',
    'status',
    'stripe_session_id',
    'stripe_payment_intent_id',
  ] satisfies (keyof ColumnsOf<typeof orders>)[],
  order_items: ['order_id', 'ticket_type_id', 'name', 'quantity', 'unit_price_cents'] satisfies (keyof ColumnsOf<typeof orderItems>)[],
  tickets: ['code', 'order_id', 'screening_id', 'ticket_type_id', 'seat_id', 'price_cents', 'holder_name', 'status'] satisfies (keyof ColumnsOf<
    typeof tickets
  >)[],
  festivals: ['id', 'name', 'currency', 'time_zone'] satisfies (keyof ColumnsOf<typeof festivals>)[],
  venues: ['id', 'name', 'seating', 'address_line', 'city'] satisfies (keyof ColumnsOf<typeof venues>)[],
  screenings: ['id', 'festival_id', 'venue_id', 'starts_at', 'ends_at'] satisfies (keyof ColumnsOf<typeof screenings>)[],
  payment_mismatches: [
    'id',
    'stripe_session_id',
    'stripe_payment_intent_id',
    'order_id',
    'amount_cents',
    'currency',
    'reason',
    'status',
    'refunded_at',
    'created_at',
  ] satisfies (keyof ColumnsOf<typeof paymentMismatches>)[],
  stripe_events: ['id', 'type'] satisfies (keyof ColumnsOf<typeof stripeEvents>)[],
  emails: ['id', 'to', 'subject', 'html', 'text', 'status', 'created_at'] satisfies (keyof ColumnsOf<typeof emails>)[],
};

const tables = (Object.values(schema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));

async function databaseColumns(table: string): Promise<string[]> {
  const found = await rows<{ column_name: string }>(
    getDb(),
    sql`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`,
  );
  return found.map((c) => c.column_name);
}

describe('raw SQL row types follow the schema', () => {
  it('spells a schema key as the database does', () => {
    expectTypeOf<SnakeCase<'seatNumber'>>().toEqualTypeOf<'seat_number'>();
    expectTypeOf<SnakeCase<'stripePaymentIntentId'>>().toEqualTypeOf<'stripe_payment_intent_id'>();
    expectTypeOf<ColumnsOf<typeof holds>['expires_at']>().toEqualTypeOf<string>();
    expectTypeOf<ColumnsOf<typeof seats>['seat_number']>().toEqualTypeOf<number>();
  });

  it('every table of the schema has exactly its columns in the migrated database, under ColumnsOf\'s names', async () => {
    expect(tables.length).toBeGreaterThan(20);
    for (const table of tables) {
      const fromSchema = Object.entries(getTableColumns(table)).map(([key, column]) => {
        // Declared without a name, a column is named by the client's snake_case casing, as SnakeCase spells it.
        const name = column.keyAsName ? toSnakeCase(key) : column.name;
        expect(name, `${getTableName(table)}.${key}`).toBe(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
        return name;
      });
      expect(await databaseColumns(getTableName(table)), getTableName(table)).toEqual(fromSchema.sort());
    }
  });

  it('the columns the hot paths name exist, and come back under those names', async () => {
    for (const [table, columns] of Object.entries(HOT_PATH_COLUMNS)) {
      const list = sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      // A row that is never there: the statement is still planned, so an unknown column fails it.
      const [row] = await rows<Record<string, unknown>>(
        getDb(),
        sql`SELECT ${list} FROM ${sql.identifier(table)} RIGHT JOIN (SELECT 1) AS one ON false`,
      );
      expect(Object.keys(row ?? {}), table).toEqual(columns);
    }
  });
});
