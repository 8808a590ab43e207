import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { inventoryPools, screenings } from '@/db/schema';
import type { AccessScheme } from '@/db/schema/screenings';
import { rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { showCount, type ShownCount } from '@/domain/access/reports';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { accessScheme } from '@/db/schema/screenings';
import { addDays, localDate, localDayRange } from '@/lib/time';
import { checkedInSql, countableOrder, dayRangesSql, MONEY_METHODS_SQL } from './shared';

/** How many screenings the dashboard lists: today's and the next ones, never the whole festival. */
export const DASHBOARD_SCREENINGS = 12;
/** How many days of revenue the dashboard charts, ending today. */
export const DASHBOARD_REVENUE_DAYS = 14;

export interface DashboardScreening {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  status: string;
  /** The whole house: every pool's capacity. */
  capacity: number;
  /** General sale: places sold, held by live holds, and left to sell now. */
  sold: number;
  held: number;
  available: number;
  /** Per access scheme: places set aside and used (an Indigenous Access count under 5 is hidden, as in the access reports). */
  access: { scheme: AccessScheme; allocated: number; used: ShownCount }[];
  checkedIn: number;
}

export interface RevenueDay {
  day: string;
  takenCents: number;
  refundedCents: number;
  netCents: number;
}

export interface Dashboard {
  timeZone: string;
  currency: string;
  today: string;
  screenings: DashboardScreening[];
  revenue: RevenueDay[];
}

/**
 * The box office's front page: today's and the next screenings with their live figures, and money in per day.
 * Read fresh on every call: the page renders it once and the dashboard endpoint serves it to the page's poll.
 */
export async function getDashboard(festival: { id: string; timeZone: string; currency: string }, now = new Date(), db: SqlRunner = getDb()): Promise<Dashboard> {
  const today = localDate(now, festival.timeZone);
  const [list, revenue] = await Promise.all([
    listDashboardScreenings(db, festival, localDayRange(today, festival.timeZone).start, DASHBOARD_SCREENINGS),
    listRevenueByDay(db, festival, Array.from({ length: DASHBOARD_REVENUE_DAYS }, (_, i) => addDays(today, i - DASHBOARD_REVENUE_DAYS + 1))),
  ]);
  return { timeZone: festival.timeZone, currency: festival.currency, today, screenings: list, revenue };
}

type PoolRow = Pick<ColumnsOf<typeof inventoryPools>, 'kind' | 'capacity' | 'sold' | 'held'> & { expired: number };

/**
 * Screenings starting from `from`, soonest first. A hold that has run out but was not swept yet is not counted as held
 * (the same rule as the public availability in domain/catalogue/screenings.ts).
 */
export async function listDashboardScreenings(db: SqlRunner, festival: { id: string }, from: Date, limit: number): Promise<DashboardScreening[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof screenings>, 'id' | 'status'> & { title: string; venue: string; starts_at: string; pools: PoolRow[] | null; checked_in: number }
  >(db, sql`
    SELECT s.id, s.status, ${screeningTitleSql(sql`s`)} AS title, v.name AS venue, to_json(s.starts_at) AS starts_at,
           (SELECT json_agg(json_build_object('kind', p.kind, 'capacity', p.capacity, 'sold', p.sold, 'held', p.held,
                   'expired', (SELECT coalesce(sum(h.quantity), 0)::int FROM holds h
                               WHERE h.screening_id = p.screening_id AND h.pool_kind = p.kind AND h.status = 'active' AND h.expires_at <= now())))
              FROM inventory_pools p WHERE p.screening_id = s.id) AS pools,
           (SELECT count(*)::int FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid' AND ${checkedInSql(sql`t`)}) AS checked_in
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festival.id} AND s.starts_at >= ${from.toISOString()}::timestamptz
    ORDER BY s.starts_at, s.id LIMIT ${limit}`);
  return found.map((r) => {
    const pools = r.pools ?? [];
    const standard = pools.find((p) => p.kind === 'standard');
    const held = standard ? Math.max(standard.held - standard.expired, 0) : 0;
    return {
      id: r.id,
      title: r.title,
      venue: r.venue,
      startsAt: new Date(r.starts_at),
      status: r.status,
      capacity: pools.reduce((n, p) => n + p.capacity, 0),
      sold: standard?.sold ?? 0,
      held,
      available: standard ? Math.max(standard.capacity - standard.sold - held, 0) : 0,
      access: accessScheme.enumValues.flatMap((scheme) => {
        const p = pools.find((x) => x.kind === scheme);
        // No places set aside: nothing can have been used, and saying so points at nobody.
        return p ? [{ scheme, allocated: p.capacity, used: p.capacity === 0 ? 0 : showCount(scheme, p.sold) }] : [];
      }),
      checkedIn: r.checked_in,
    };
  });
}

/** Money in per festival-local day: payments (Stripe, cash, card terminal) less refunds recorded that day. */
export async function listRevenueByDay(db: SqlRunner, festival: { id: string; timeZone: string }, days: readonly string[]): Promise<RevenueDay[]> {
  if (days.length === 0) return [];
  const found = await rows<{ day: string; taken: number; refunded: number }>(db, sql`
    SELECT d.day,
           (SELECT coalesce(sum(p.amount_cents), 0)::int FROM payments p JOIN orders o ON o.id = p.order_id JOIN screenings s ON s.id = o.screening_id
             WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND p.method IN ${MONEY_METHODS_SQL}
               AND p.created_at >= d.lo AND p.created_at < d.hi) AS taken,
           (SELECT coalesce(sum(r.amount_cents), 0)::int FROM refunds r JOIN orders o ON o.id = r.order_id JOIN screenings s ON s.id = o.screening_id
             WHERE s.festival_id = ${festival.id} AND ${countableOrder(sql`o`)} AND r.method IN ${MONEY_METHODS_SQL} AND r.status <> 'failed'
               AND r.created_at >= d.lo AND r.created_at < d.hi) AS refunded
    FROM ${dayRangesSql(days, festival.timeZone)} ORDER BY d.day`);
  return found.map((r) => ({ day: r.day, takenCents: r.taken, refundedCents: r.refunded, netCents: r.taken - r.refunded }));
}
