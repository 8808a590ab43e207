import { sql, type SQL } from 'drizzle-orm';
import { localDayRange } from '@/lib/time';

/*
 * What every sales figure agrees on, in one place.
 *
 * Money is read from the payments and refunds rows, never from orders.total_cents: an order's total says what was
 * asked, a payment row says what came in and how (Stripe, cash, the card terminal), and a refund row what went back.
 * An exchange credit moves money already counted from one order to another, so it is neither revenue nor a refund.
 * A refund counts from the moment it is recorded (pending included: the money is on its way back), unless it failed.
 *
 * Indigenous Access orders are left out of every count here: staff reports never single out who self-identified, and
 * the access reports (domain/access/reports.ts) are where the schemes are counted, with small counts hidden.
 */

/** The payment methods that bring money in (complimentary brings none; an exchange credit was counted already). */
export const MONEY_METHODS = ['stripe', 'cash', 'card_terminal'] as const;
export const MONEY_METHODS_SQL = sql.raw(`(${MONEY_METHODS.map((m) => `'${m}'`).join(', ')})`);

/** `o` is an orders alias: true for every order a staff report may count. */
export function countableOrder(o: SQL): SQL {
  return sql`${o}.scheme IS DISTINCT FROM 'indigenous_access'`;
}

/** `t` is a tickets alias: the ticket was let in at the door (the check-in row, or the ticket's own mark). */
export function checkedInSql(t: SQL): SQL {
  return sql`(${t}.checked_in_at IS NOT NULL OR EXISTS (SELECT 1 FROM check_ins ci WHERE ci.ticket_id = ${t}.id AND ci.result = 'admitted'))`;
}

/**
 * Festival-local days as a VALUES list of [start, end) instants. Day boundaries are computed in JavaScript from
 * the festival's zone (lib/time.ts), never with PostgreSQL's AT TIME ZONE, so reports and pages agree on the day.
 */
export function dayRangesSql(days: readonly string[], timeZone: string): SQL {
  const values = days.map((day) => {
    const { start, end } = localDayRange(day, timeZone);
    return sql`(${day}::text, ${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`;
  });
  return sql`(VALUES ${sql.join(values, sql`, `)}) AS d(day, lo, hi)`;
}

/** Percent with one decimal, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
