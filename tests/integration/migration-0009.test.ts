import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { z } from 'zod';
import { MIGRATIONS_FOLDER, adminUrlOf, createDatabaseIfMissing, dropDatabase, withDatabase } from '@/db/migrate';

/**
 * Migration 0009 ends with backfills that turn the data of a running festival
 * into payment, refund and admission rows. The other tests only ever see an
 * empty database, so this one builds the state as it looked before 0009 (by
 * applying 0000–0008 statement by statement, as drizzle's migrator would) and
 * checks the exact rows 0009 makes from it.
 */

const journal = z.object({ entries: z.array(z.object({ idx: z.number().int(), tag: z.string() })) });

function statementsOf(tag: string): string[] {
  const text = readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8');
  return text.split('--> statement-breakpoint').filter((s) => s.trim() !== '');
}

async function applyMigration(sql: postgres.Sql, tag: string): Promise<void> {
  // One transaction per file, like the migrator; ALTER TYPE … ADD VALUE is allowed there because 0009 never uses the new values.
  await sql.begin(async (tx) => {
    for (const statement of statementsOf(tag)) await tx.unsafe(statement);
  });
}

const PAID_AT = new Date('2026-09-10T18:00:00Z');
const REFUND_ENDED_AT = new Date('2026-09-11T09:30:00Z');
const CHECKED_IN_AT = new Date('2026-09-12T19:05:00Z');

describe('migration 0009 (box office)', () => {
  it('backfills payments, refunds and admissions from the data before it, and nothing else', async () => {
    const admin = adminUrlOf(inject('databaseUrl'));
    const name = `marquee_m0009_${process.pid}_${Date.now()}`;
    await createDatabaseIfMissing(admin, name);
    const sql = postgres(withDatabase(admin, name), { max: 1, onnotice: () => undefined });
    try {
      const { entries } = journal.parse(JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')));
      const ordered = [...entries].sort((a, b) => a.idx - b.idx);
      const target = ordered.find((e) => e.idx === 9);
      expect(target?.tag).toBe('0009_box_office');
      for (const entry of ordered.filter((e) => e.idx < 9)) await applyMigration(sql, entry.tag);

      // The programme, as it stood before 0009.
      const [festival] = await sql`
        INSERT INTO festivals (slug, name, edition, starts_on, ends_on, time_zone)
        VALUES ('m9', 'Migration Fest', '2026', '2026-09-10', '2026-09-20', 'America/Toronto') RETURNING id`;
      const [venue] = await sql`
        INSERT INTO venues (festival_id, slug, name, address_line, city, seating, capacity)
        VALUES (${festival!.id}, 'hall', 'Hall', '1 Main St', 'Toronto', 'general_admission', 100) RETURNING id`;
      const [screening] = await sql`
        INSERT INTO screenings (festival_id, venue_id, programme_title, starts_at, ends_at, status)
        VALUES (${festival!.id}, ${venue!.id}, 'Shorts', '2026-09-12T19:00:00Z', '2026-09-12T21:00:00Z', 'on_sale') RETURNING id`;
      const screeningId = z.string().uuid().parse(screening!.id);
      const [type] = await sql`
        INSERT INTO ticket_types (screening_id, code, name, price_cents) VALUES (${screeningId}, 'adult', 'Adult', 1500) RETURNING id`;

      let n = 0;
      async function order(o: { status: string; totalCents: number; intent: string | null; paidAt?: Date; endedAt?: Date; scheme?: string }) {
        n += 1;
        const [hold] = await sql`
          INSERT INTO holds (id, screening_id, status, quantity, token_hash, client_key, expires_at)
          VALUES (gen_random_uuid(), ${screeningId}, 'converted', 1, ${`hash-${n}`}, 'client', '2026-09-10T18:10:00Z') RETURNING id`;
        const [row] = await sql`
          INSERT INTO orders (number, screening_id, hold_id, status, buyer_name, buyer_email, total_cents, currency,
                              stripe_payment_intent_id, paid_at, ended_at, scheme, created_at)
          VALUES (${`M9-${n}`}, ${screeningId}, ${hold!.id}, ${o.status}, 'Buyer', 'buyer@example.test', ${o.totalCents}, 'CAD',
                  ${o.intent}, ${o.paidAt ?? null}, ${o.endedAt ?? null}, ${o.scheme ?? null}, '2026-09-10T17:55:00Z')
          RETURNING id`;
        return z.string().uuid().parse(row!.id);
      }
      async function ticket(orderId: string, o: { status: 'valid' | 'void'; checkedInAt?: Date }) {
        n += 1;
        const [row] = await sql`
          INSERT INTO tickets (code, order_id, screening_id, ticket_type_id, status, price_cents, holder_name, checked_in_at)
          VALUES (${`CODE-${n}`}, ${orderId}, ${screeningId}, ${type!.id}, ${o.status}, 1500, 'Buyer', ${o.checkedInAt ?? null})
          RETURNING id`;
        return z.string().uuid().parse(row!.id);
      }

      const paid = await order({ status: 'paid', totalCents: 3000, intent: 'pi_paid', paidAt: PAID_AT });
      const admitted = await ticket(paid, { status: 'valid', checkedInAt: CHECKED_IN_AT });
      await ticket(paid, { status: 'valid' });
      const refundDue = await order({ status: 'refund_due', totalCents: 1500, intent: 'pi_refund_due', paidAt: PAID_AT });
      const refunded = await order({ status: 'refunded', totalCents: 1500, intent: 'pi_refunded', paidAt: PAID_AT, endedAt: REFUND_ENDED_AT });
      const voided = await ticket(refunded, { status: 'void' });
      // A pending order may already carry an intent (the session was opened), but no money was taken.
      const pending = await order({ status: 'pending', totalCents: 1500, intent: 'pi_pending' });
      const access = await order({ status: 'paid', totalCents: 0, intent: null, paidAt: PAID_AT, scheme: 'community_access' });
      await ticket(access, { status: 'valid' });

      await applyMigration(sql, target!.tag);

      const payments = await sql`
        SELECT order_id, method::text, amount_cents, currency, stripe_payment_intent_id, reference, reason, recorded_by_id, created_at
        FROM payments ORDER BY stripe_payment_intent_id`;
      expect(payments).toEqual([
        { order_id: paid, method: 'stripe', amount_cents: 3000, currency: 'CAD', stripe_payment_intent_id: 'pi_paid', reference: null, reason: null, recorded_by_id: null, created_at: PAID_AT },
        { order_id: refundDue, method: 'stripe', amount_cents: 1500, currency: 'CAD', stripe_payment_intent_id: 'pi_refund_due', reference: null, reason: null, recorded_by_id: null, created_at: PAID_AT },
        { order_id: refunded, method: 'stripe', amount_cents: 1500, currency: 'CAD', stripe_payment_intent_id: 'pi_refunded', reference: null, reason: null, recorded_by_id: null, created_at: PAID_AT },
      ]);

      const [refundedPayment] = await sql`SELECT id FROM payments WHERE order_id = ${refunded}`;
      const refunds = await sql`
        SELECT order_id, payment_id, method::text, amount_cents, donation_cents, currency, source::text, status::text,
               ticket_ids, request_key, stripe_refund_id, requested_by_id, created_at, completed_at
        FROM refunds`;
      expect(refunds).toEqual([
        {
          order_id: refunded,
          payment_id: refundedPayment!.id,
          method: 'stripe',
          amount_cents: 1500,
          donation_cents: 0,
          currency: 'CAD',
          source: 'automatic',
          status: 'succeeded',
          ticket_ids: [voided],
          request_key: `migrated:${refunded}`,
          stripe_refund_id: null,
          requested_by_id: null,
          created_at: REFUND_ENDED_AT,
          completed_at: REFUND_ENDED_AT,
        },
      ]);

      const checkIns = await sql`
        SELECT ticket_id, screening_id, result::text, method::text, device_label, staff_id, scanned_at, recorded_at, offline, client_scan_id
        FROM check_ins`;
      expect(checkIns).toEqual([
        {
          ticket_id: admitted,
          screening_id: screeningId,
          result: 'admitted',
          method: 'code',
          device_label: 'before check-in rows',
          staff_id: null,
          scanned_at: CHECKED_IN_AT,
          recorded_at: CHECKED_IN_AT,
          offline: false,
          client_scan_id: null,
        },
      ]);

      // Nothing for an order that never took money, nor for a $0 access order.
      const untouched = await sql`
        SELECT (SELECT count(*)::int FROM payments WHERE order_id IN (${pending}, ${access})) AS payments,
               (SELECT count(*)::int FROM refunds WHERE order_id IN (${pending}, ${access})) AS refunds`;
      expect(untouched).toEqual([{ payments: 0, refunds: 0 }]);

      // Today's orders are all online sales.
      const sources = await sql`SELECT DISTINCT source::text FROM orders`;
      expect(sources).toEqual([{ source: 'online' }]);
    } finally {
      await sql.end();
      await dropDatabase(admin, name);
    }
  });
});
