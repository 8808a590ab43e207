import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { screenings, venues } from '@/db/schema';
import { rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { localDate } from '@/lib/time';

export interface DeskScreening {
  id: string;
  title: string;
  startsAt: Date;
  venueName: string;
  /** Festival-local date, so the page can say "today". */
  day: string;
  /** Places the desk can still sell: the paid tickets' pool, whatever the online sale window says. */
  placesLeft: number;
  /** Online sales have stopped (off-sale time passed, or not on sale yet); the desk sells until the start. */
  offSaleOnline: boolean;
}

/** The most screenings the picker lists: the desk types part of a title to find a later one. */
export const DESK_SCREENINGS_LIMIT = 40;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Screenings the desk may sell: not started, not cancelled, soonest first (so today's come first), optionally only
 * those whose title contains `q` (or the one screening `id`). Places left come from the paid pool as it is, with no online sale-window rule.
 */
export async function listDeskScreenings(
  festival: { id: string; timeZone: string },
  o: { q?: string; id?: string },
  db: SqlRunner = getDb(),
): Promise<DeskScreening[]> {
  const search = o.q?.trim().slice(0, 100);
  const byTitle = search ? sql`AND lower(${screeningTitleSql(sql`s`)}) LIKE ${`%${likeEscape(search.toLowerCase())}%`}` : sql``;
  const filter = o.id ? sql`${byTitle} AND s.id = ${o.id}` : byTitle;
  const found = await rows<
    Pick<ColumnsOf<typeof screenings>, 'id'> & { title: string; starts_at: string; venue_name: ColumnsOf<typeof venues>['name']; places_left: number; off_sale_online: boolean }
  >(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           coalesce((SELECT greatest(p.capacity - p.held - p.sold, 0) FROM inventory_pools p
                     WHERE p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind), 0)::int AS places_left,
           NOT (s.status = 'on_sale' OR (s.status = 'scheduled' AND s.on_sale_at <= now()))
             OR (s.off_sale_at IS NOT NULL AND s.off_sale_at <= now()) AS off_sale_online
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festival.id} AND s.status <> 'cancelled' AND s.starts_at > now() ${filter}
    ORDER BY s.starts_at, s.id
    LIMIT ${DESK_SCREENINGS_LIMIT}`);
  return found.map((s) => {
    const startsAt = new Date(s.starts_at);
    return {
      id: s.id,
      title: s.title,
      startsAt,
      venueName: s.venue_name,
      day: localDate(startsAt, festival.timeZone),
      placesLeft: s.places_left,
      offSaleOnline: s.off_sale_online,
    };
  });
}
