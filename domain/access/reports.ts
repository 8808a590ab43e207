import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { accessScheme, type AccessScheme } from '@/db/schema/screenings';
import { rows, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { localDate } from '@/lib/time';

/*
 * Access reports: counts only. No query here selects a name, an email or a user id, so nothing in a report can say who
 * claimed; and an Indigenous Access count under 5 is shown as "fewer than 5", so a small number cannot point at a person.
 */

export const FEWER_THAN_5 = 'fewer than 5' as const;
/**
 * A total some of whose parts are hidden: shown, it would give a hidden part away by subtraction (a day of 7 beside a
 * screening of 6 says the other screening had 1).
 */
export const WITHHELD = 'withheld' as const;
export type ShownCount = number | typeof FEWER_THAN_5 | typeof WITHHELD;

/** The smallest Indigenous Access count a report shows as a number. */
export const SMALL_COUNT_THRESHOLD = 5;

/** How a count is shown: every Indigenous Access count under 5 (zero included, so that "none" and "one" look alike) is hidden. */
export function showCount(scheme: AccessScheme, n: number): ShownCount {
  return scheme === 'indigenous_access' && n < SMALL_COUNT_THRESHOLD ? FEWER_THAN_5 : n;
}

interface Counts {
  issued: number;
  cancelled: number;
  checkedIn: number;
  waiting: number;
}
type ShownCounts = { [K in keyof Counts]: ShownCount };
const MEASURES = ['issued', 'cancelled', 'checkedIn', 'waiting'] as const satisfies readonly (keyof Counts)[];

export interface ScreeningCountRow extends ShownCounts {
  screeningId: string;
  title: string;
  startsAt: Date;
  /** The festival-local day. */
  day: string;
  scheme: AccessScheme;
}

export interface DayCountRow extends ShownCounts {
  day: string;
  scheme: AccessScheme;
}

export interface AccessReport {
  screenings: ScreeningCountRow[];
  days: DayCountRow[];
}

/**
 * Per screening and per festival day, for every scheme: tickets issued (claimed), cancelled (given back), checked in,
 * and people waiting for places. Counted in SQL from tickets and waiting-list rows; the raw numbers never leave this
 * function without passing showCount.
 */
export async function getAccessReport(db: SqlRunner, festival: { id: string; timeZone: string }): Promise<AccessReport> {
  const found = await rows<{ screening_id: string; title: string; starts_at: string; scheme: AccessScheme; issued: number; cancelled: number; checked_in: number; waiting: number }>(
    db,
    sql`
    SELECT s.id AS screening_id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, a.scheme,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.screening_id = s.id AND o.scheme = a.scheme) AS issued,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.screening_id = s.id AND o.scheme = a.scheme AND t.status = 'void') AS cancelled,
           (SELECT count(*)::int FROM tickets t JOIN orders o ON o.id = t.order_id
             WHERE o.screening_id = s.id AND o.scheme = a.scheme AND t.status = 'valid' AND t.checked_in_at IS NOT NULL) AS checked_in,
           (SELECT count(*)::int FROM waitlist_entries w WHERE w.screening_id = s.id AND w.scheme = a.scheme AND w.status IN ('waiting', 'offered')) AS waiting
    FROM screenings s JOIN access_allocations a ON a.screening_id = s.id
    WHERE s.festival_id = ${festival.id}
    ORDER BY s.starts_at, s.id, a.scheme`,
  );
  const order = accessScheme.enumValues;
  const screenings: ScreeningCountRow[] = [];
  const byDay = new Map<string, Counts & { day: string; scheme: AccessScheme; hidden: Set<keyof Counts> }>();
  for (const r of found) {
    const startsAt = new Date(r.starts_at);
    const day = localDate(startsAt, festival.timeZone);
    const counts: Counts = { issued: r.issued, cancelled: r.cancelled, checkedIn: r.checked_in, waiting: r.waiting };
    const row = shown(r.scheme, counts);
    screenings.push({ screeningId: r.screening_id, title: r.title, startsAt, day, scheme: r.scheme, ...row });
    const key = `${day}|${r.scheme}`;
    const sum = byDay.get(key) ?? { day, scheme: r.scheme, issued: 0, cancelled: 0, checkedIn: 0, waiting: 0, hidden: new Set<keyof Counts>() };
    for (const k of MEASURES) if (row[k] === FEWER_THAN_5) sum.hidden.add(k);
    sum.issued += counts.issued;
    sum.cancelled += counts.cancelled;
    sum.checkedIn += counts.checkedIn;
    sum.waiting += counts.waiting;
    byDay.set(key, sum);
  }
  const days = [...byDay.values()]
    .sort((a, b) => a.day.localeCompare(b.day) || order.indexOf(a.scheme) - order.indexOf(b.scheme))
    .map((d) => {
      const total = shown(d.scheme, d);
      // A day total is withheld when one of its screenings' counts is hidden and more than one screening adds up to it.
      const withheld = (k: keyof Counts) => total[k] !== FEWER_THAN_5 && d.hidden.has(k);
      const day: ShownCounts = { ...total };
      for (const k of MEASURES) if (withheld(k)) day[k] = WITHHELD;
      return { day: d.day, scheme: d.scheme, ...day };
    });
  return { screenings, days };
}

function shown(scheme: AccessScheme, c: Counts): ShownCounts {
  return { issued: showCount(scheme, c.issued), cancelled: showCount(scheme, c.cancelled), checkedIn: showCount(scheme, c.checkedIn), waiting: showCount(scheme, c.waiting) };
}

/** The report's screening rows as CSV (formulas escaped, so a film title cannot run in a spreadsheet). */
export function accessReportCsv(report: AccessReport): string {
  return stringify(
    report.screenings.map((r) => [r.day, r.startsAt.toISOString(), r.title, accessSchemeInfo(r.scheme).label, r.issued, r.cancelled, r.checkedIn, r.waiting]),
    { header: true, columns: ['day', 'starts_at', 'screening', 'scheme', 'issued', 'cancelled', 'checked_in', 'waiting'], escape_formulas: true },
  );
}
