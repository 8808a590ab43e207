// About 300 lines on purpose: the list, the summary and the detail page all read availability through
// the two fragments below (expiredHeldPlaces, shownSeatState), which must stay private to one module.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { computeSaleState, type SaleState } from '@/domain/inventory/availability';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { cutOffAtSql, SETTINGS_JOIN } from '@/domain/access/cut-off-time';
import { isUuid } from '@/lib/ids';
import { localDate, localDayRange } from '@/lib/time';
import { getDb } from '@/db/client';
import { rows, uuidArray, type ColumnsOf } from '@/db/sql';
import type { films } from '@/db/schema/films';
import type { screenings, ticketTypes } from '@/db/schema/screenings';
import type { seats, venues } from '@/db/schema/venues';
import type { AccessibilityFeature, AccessScheme, ScreeningStatus } from '@/db/schema/screenings';
import type { SeatState } from '@/db/schema/inventory';
import type { Seat, SeatKind } from '@/lib/seats';

export type { SeatKind };
import type { FestivalSummary } from './festival';
import { screeningTitle } from './screening-title';

/**
 * The one rule for what shows as taken: a hold that has run out is not
 * holding anything, even before the worker's sweep has ended it, because the
 * next hold request takes its places back (reclaimExpiredHolds). Only active
 * holds: a hold in checkout keeps its places until Stripe confirms its
 * session expired.
 */
function expiredHeldPlaces(screeningId: SQL, poolKind: SQL): SQL {
  return sql`(SELECT coalesce(sum(h.quantity), 0)::int FROM holds h
    WHERE h.screening_id = ${screeningId} AND h.pool_kind = ${poolKind} AND h.status = 'active' AND h.expires_at <= now())`;
}

/** A seat's state as shown: "held" by a hold that has run out shows as available (see expiredHeldPlaces). */
function shownSeatState(ss: SQL): SQL {
  return sql`CASE WHEN ${ss}.state = 'held' AND EXISTS (SELECT 1 FROM holds h
    WHERE h.id = ${ss}.hold_id AND h.status = 'active' AND h.expires_at <= now()) THEN 'available'::seat_state ELSE ${ss}.state END`;
}

export interface ScreeningSummary {
  id: string;
  title: string;
  films: { slug: string; title: string }[];
  isProgramme: boolean;
  startsAt: Date;
  endsAt: Date;
  /** Festival-local date, YYYY-MM-DD. */
  day: string;
  status: ScreeningStatus;
  onSaleAt: Date | null;
  offSaleAt: Date | null;
  saleState: SaleState;
  /** Standard places that can be bought now. */
  available: number;
  capacity: number;
  hasQa: boolean;
  guestNote: string | null;
  cancellationNote: string | null;
  features: AccessibilityFeature[];
  /** The cheapest ticket type, for "from $12". */
  fromPriceCents: number | null;
  venue: { slug: string; name: string; seating: 'reserved' | 'general_admission'; addressLine: string; city: string };
}

/** Timestamps are ISO strings: to_json keeps the zone, which the driver's plain text output would not make parseable. */
type SummaryRow = Pick<
  ColumnsOf<typeof screenings>,
  'id' | 'programme_title' | 'starts_at' | 'ends_at' | 'status' | 'on_sale_at' | 'off_sale_at' | 'has_qa' | 'guest_note' | 'cancellation_note' | 'features'
> & {
  films: { slug: string; title: string }[];
  venue_slug: string;
  venue_name: string;
  venue_address: string;
  venue_city: string;
  from_price_cents: number | null;
  seating: ColumnsOf<typeof venues>['seating'];
  capacity: number;
  pool_left: number;
  seats_left: number | null;
};

export interface ScreeningFilter {
  day?: string;
  venue?: string;
  feature?: AccessibilityFeature;
  filmIds?: string[];
  filmSlug?: string;
  ids?: string[];
  upcomingAfter?: Date;
  /** Keyset pagination: only screenings after this one in the list's order (start, venue name, id). */
  after?: ScreeningListKey;
  limit?: number;
}

/** A screening's place in the list's order, which a cursor carries. */
export interface ScreeningListKey {
  startsAt: string;
  venueName: string;
  id: string;
}

function whereFor(festival: FestivalSummary, f: ScreeningFilter): SQL {
  const parts: SQL[] = [sql`s.festival_id = ${festival.id}`];
  if (f.day) {
    const { start, end } = localDayRange(f.day, festival.timeZone);
    parts.push(sql`s.starts_at >= ${start.toISOString()}::timestamptz AND s.starts_at < ${end.toISOString()}::timestamptz`);
  }
  if (f.venue) parts.push(sql`v.slug = ${f.venue}`);
  if (f.feature) parts.push(sql`${f.feature}::accessibility_feature = ANY(s.features)`);
  if (f.ids) parts.push(sql`s.id = ANY(${uuidArray(f.ids)})`);
  if (f.upcomingAfter) parts.push(sql`s.starts_at > ${f.upcomingAfter.toISOString()}::timestamptz`);
  if (f.after) parts.push(sql`(s.starts_at, v.name, s.id) > (${f.after.startsAt}::timestamptz, ${f.after.venueName}, ${f.after.id}::uuid)`);
  if (f.filmIds) {
    parts.push(sql`EXISTS (SELECT 1 FROM screening_films sf WHERE sf.screening_id = s.id AND sf.film_id = ANY(${uuidArray(f.filmIds)}))`);
  }
  if (f.filmSlug) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM screening_films sf JOIN films fm ON fm.id = sf.film_id WHERE sf.screening_id = s.id AND fm.slug = ${f.filmSlug})`,
    );
  }
  return sql.join(parts, sql` AND `);
}

/**
 * Screenings with their live availability. Availability is what the paid
 * tickets' pool has left, and in a reserved house never more than the seats
 * still free.
 */
export async function listScreenings(festival: FestivalSummary, filter: ScreeningFilter, now = new Date()): Promise<ScreeningSummary[]> {
  const found = await rows<SummaryRow>(
    getDb(),
    sql`
    SELECT s.id, s.programme_title, to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at, s.status,
           to_json(s.on_sale_at) AS on_sale_at, to_json(s.off_sale_at) AS off_sale_at, s.has_qa, s.guest_note,
           s.cancellation_note, s.features::text[] AS features,
           v.slug AS venue_slug, v.name AS venue_name, v.address_line AS venue_address, v.city AS venue_city, v.seating,
           (SELECT min(t.price_cents) FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL) AS from_price_cents,
           coalesce(p.capacity, 0) AS capacity,
           coalesce(p.capacity - p.held - p.sold + ${expiredHeldPlaces(sql`s.id`, sql`p.kind`)}, 0) AS pool_left,
           CASE WHEN v.seating = 'reserved' THEN
             (SELECT count(*)::int FROM screening_seats ss WHERE ss.screening_id = s.id AND ${shownSeatState(sql`ss`)} = 'available')
           END AS seats_left,
           coalesce((SELECT json_agg(json_build_object('slug', f.slug, 'title', f.title) ORDER BY sf.position)
              FROM screening_films sf JOIN films f ON f.id = sf.film_id WHERE sf.screening_id = s.id), '[]'::json) AS films
    FROM screenings s
    JOIN venues v ON v.id = s.venue_id
    LEFT JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind
    WHERE ${whereFor(festival, filter)}
    ORDER BY s.starts_at, v.name, s.id
    ${filter.limit ? sql`LIMIT ${filter.limit}` : sql``}`,
  );
  return found.map((r) => toSummary(r, festival.timeZone, now));
}

function toSummary(r: SummaryRow, timeZone: string, now: Date): ScreeningSummary {
  const available = Math.max(0, r.seats_left === null ? r.pool_left : Math.min(r.pool_left, r.seats_left));
  const startsAt = new Date(r.starts_at);
  const onSaleAt = r.on_sale_at ? new Date(r.on_sale_at) : null;
  const offSaleAt = r.off_sale_at ? new Date(r.off_sale_at) : null;
  const films = r.films;
  return {
    id: r.id,
    title: screeningTitle(r.programme_title, films),
    films,
    isProgramme: r.programme_title !== null,
    startsAt,
    endsAt: new Date(r.ends_at),
    day: localDate(startsAt, timeZone),
    status: r.status,
    onSaleAt,
    offSaleAt,
    saleState: computeSaleState({ status: r.status, startsAt, onSaleAt, offSaleAt, available, capacity: r.capacity }, now),
    available,
    capacity: r.capacity,
    hasQa: r.has_qa,
    guestNote: r.guest_note,
    cancellationNote: r.cancellation_note,
    features: r.features,
    fromPriceCents: r.from_price_cents,
    venue: { slug: r.venue_slug, name: r.venue_name, seating: r.seating, addressLine: r.venue_address, city: r.venue_city },
  };
}

/** A screening's live standing, for the pages' availability badges (GET /api/v1/availability). */
export interface ScreeningSaleState {
  id: string;
  saleState: SaleState;
  /** Standard places that can be bought now. */
  available: number;
}

/**
 * The live part of many screenings at once, and nothing else: what the cached public pages ask for every few
 * seconds. The same rules as listScreenings (a run-out hold holds nothing; a reserved house never offers more than
 * its free seats). Screenings of other festivals and unknown ids are left out.
 */
export async function listSaleStates(festival: FestivalSummary, ids: string[], now = new Date()): Promise<ScreeningSaleState[]> {
  if (ids.length === 0) return [];
  const found = await rows<
    Pick<ColumnsOf<typeof screenings>, 'id' | 'starts_at' | 'status' | 'on_sale_at' | 'off_sale_at'> & { capacity: number; pool_left: number; seats_left: number | null }
  >(
    getDb(),
    sql`
    SELECT s.id, to_json(s.starts_at) AS starts_at, s.status, to_json(s.on_sale_at) AS on_sale_at, to_json(s.off_sale_at) AS off_sale_at,
           coalesce(p.capacity, 0) AS capacity,
           coalesce(p.capacity - p.held - p.sold + ${expiredHeldPlaces(sql`s.id`, sql`p.kind`)}, 0) AS pool_left,
           CASE WHEN v.seating = 'reserved' THEN
             (SELECT count(*)::int FROM screening_seats ss WHERE ss.screening_id = s.id AND ${shownSeatState(sql`ss`)} = 'available')
           END AS seats_left
    FROM screenings s
    JOIN venues v ON v.id = s.venue_id
    LEFT JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = ${PAID_TICKETS_POOL}::pool_kind
    WHERE s.festival_id = ${festival.id} AND s.id = ANY(${uuidArray(ids)})`,
  );
  return found.map((r) => {
    const available = Math.max(0, r.seats_left === null ? r.pool_left : Math.min(r.pool_left, r.seats_left));
    const saleState = computeSaleState(
      {
        status: r.status,
        startsAt: new Date(r.starts_at),
        onSaleAt: r.on_sale_at ? new Date(r.on_sale_at) : null,
        offSaleAt: r.off_sale_at ? new Date(r.off_sale_at) : null,
        available,
        capacity: r.capacity,
      },
      now,
    );
    return { id: r.id, saleState, available };
  });
}

export async function getScreeningSummary(festival: FestivalSummary, id: string, now = new Date()): Promise<ScreeningSummary | null> {
  const [row] = await listScreenings(festival, { ids: [id] }, now);
  return row ?? null;
}

export interface SeatMapSeat extends Seat {
  state: SeatState;
}

export interface ScreeningDetail extends ScreeningSummary {
  venueDetail: {
    slug: string;
    name: string;
    addressLine: string;
    city: string;
    postalCode: string | null;
    accessibilityInfo: string;
    stepFree: boolean;
    hearingLoop: boolean;
  };
  filmDetails: {
    slug: string;
    title: string;
    logline: string;
    posterPath: string | null;
    runtimeMinutes: number | null;
    year: number | null;
    countries: string[];
    languages: string[];
    subtitles: string | null;
    directors: string[];
    ageRestriction: string;
    contentAdvisories: string[];
  }[];
  ticketTypes: { code: string; name: string; description: string | null; priceCents: number; available: number }[];
  allocations: { scheme: AccessScheme; quantity: number; remaining: number }[];
  seatMap: SeatMapSeat[] | null;
}

/** Everything the screening page and `GET /api/v1/screenings/{id}` show. */
export async function getScreeningDetail(festival: FestivalSummary, id: string, now = new Date()): Promise<ScreeningDetail | null> {
  if (!isUuid(id)) return null;
  const summary = await getScreeningSummary(festival, id, now);
  if (!summary) return null;
  const db = getDb();
  const [venueRows, filmRows, typeRows, allocationRows, seatRows] = await Promise.all([
    rows<Pick<ColumnsOf<typeof venues>, 'slug' | 'name' | 'address_line' | 'city' | 'postal_code' | 'accessibility_info' | 'step_free' | 'hearing_loop'>>(
      db,
      sql`SELECT v.slug, v.name, v.address_line, v.city, v.postal_code, v.accessibility_info, v.step_free, v.hearing_loop
           FROM venues v JOIN screenings s ON s.venue_id = v.id WHERE s.id = ${id}`,
    ),
    rows<
      Pick<
        ColumnsOf<typeof films>,
        | 'slug'
        | 'title'
        | 'logline'
        | 'poster_path'
        | 'runtime_minutes'
        | 'year'
        | 'countries'
        | 'languages'
        | 'subtitles'
        | 'age_restriction'
        | 'content_advisories'
      > & { directors: string[] | null }
    >(
      db,
      sql`SELECT f.slug, f.title, f.logline, f.poster_path, f.runtime_minutes, f.year, f.countries, f.languages, f.subtitles,
                  f.age_restriction, f.content_advisories,
                  (SELECT array_agg(p.name ORDER BY fc.position) FROM film_credits fc JOIN people p ON p.id = fc.person_id
                    WHERE fc.film_id = f.id AND fc.role = 'director') AS directors
           FROM screening_films sf JOIN films f ON f.id = sf.film_id WHERE sf.screening_id = ${id} ORDER BY sf.position`,
    ),
    rows<Pick<ColumnsOf<typeof ticketTypes>, 'code' | 'name' | 'description' | 'price_cents'>>(
      db,
      sql`SELECT code, name, description, price_cents FROM ticket_types WHERE screening_id = ${id} AND active AND scheme IS NULL ORDER BY position`,
    ),
    db.execute<{ scheme: AccessScheme; quantity: number; remaining: number }>(
      sql`SELECT a.scheme, a.quantity, coalesce(p.capacity - p.held - p.sold + ${expiredHeldPlaces(sql`a.screening_id`, sql`p.kind`)}, 0) AS remaining
          FROM access_allocations a LEFT JOIN inventory_pools p ON p.screening_id = a.screening_id AND p.kind::text = a.scheme::text
          WHERE a.screening_id = ${id} ORDER BY a.scheme`,
    ),
    summary.venue.seating === 'reserved'
      ? rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'kind' | 'x' | 'y'> & { section: string; state: SeatState }>(
          db,
          sql`SELECT st.id, sec.name AS section, st.row_label, st.seat_number, st.kind, st.x, st.y, ${shownSeatState(sql`ss`)} AS state
              FROM screening_seats ss JOIN seats st ON st.id = ss.seat_id JOIN seat_sections sec ON sec.id = st.section_id
              WHERE ss.screening_id = ${id} ORDER BY st.y, st.x`,
        )
      : Promise.resolve(null),
  ]);
  const venue = venueRows[0];
  if (!venue) return null;
  const selling = summary.saleState === 'on_sale' || summary.saleState === 'few_left';
  return {
    ...summary,
    venueDetail: {
      slug: venue.slug,
      name: venue.name,
      addressLine: venue.address_line,
      city: venue.city,
      postalCode: venue.postal_code,
      accessibilityInfo: venue.accessibility_info,
      stepFree: venue.step_free,
      hearingLoop: venue.hearing_loop,
    },
    filmDetails: filmRows.map((f) => ({
      slug: f.slug,
      title: f.title,
      logline: f.logline,
      posterPath: f.poster_path,
      runtimeMinutes: f.runtime_minutes,
      year: f.year,
      countries: f.countries,
      languages: f.languages,
      subtitles: f.subtitles,
      directors: f.directors ?? [],
      ageRestriction: f.age_restriction,
      contentAdvisories: f.content_advisories,
    })),
    // Every ticket type draws on the same standard places.
    ticketTypes: typeRows.map((t) => ({
      code: t.code,
      name: t.name,
      description: t.description,
      priceCents: t.price_cents,
      available: selling ? summary.available : 0,
    })),
    allocations: allocationRows.map((a) => ({ scheme: a.scheme, quantity: a.quantity, remaining: a.remaining })),
    seatMap: seatRows
      ? seatRows.map((s) => ({ id: s.id, section: s.section, row: s.row_label, number: s.seat_number, kind: s.kind, x: s.x, y: s.y, state: s.state }))
      : null,
  };
}

export interface AccessAvailability {
  scheme: AccessScheme;
  /** Places the scheme holds back now (after a cut-off, only what was claimed). */
  allocated: number;
  /** Places that can still be claimed now: not sold, not held by a live hold, not granted to a partner. */
  available: number;
  /** The cut-off has passed and the unclaimed places are back on general sale. */
  released: boolean;
  /** When unclaimed places go back on general sale. */
  cutOffAt: Date;
}

/**
 * What each access scheme can really give at these screenings, by the same rule as general sale's figures (run-out
 * holds do not count), with the scheme's cut-off. Partners' allotments are theirs: not claimable by anyone else.
 */
export async function listAccessAvailability(screeningIds: readonly string[]): Promise<Map<string, AccessAvailability[]>> {
  const ids = screeningIds.filter(isUuid);
  const result = new Map<string, AccessAvailability[]>();
  if (ids.length === 0) return result;
  const found = await rows<{ screening_id: string; scheme: AccessScheme; capacity: number; live: number; allotted: number; released: boolean; cut_off_at: Date }>(
    getDb(),
    sql`SELECT a.screening_id, a.scheme, p.capacity, p.allotted, a.released_at IS NOT NULL AS released, ${cutOffAtSql()} AS cut_off_at,
               p.held + p.sold - ${expiredHeldPlaces(sql`a.screening_id`, sql`p.kind`)} AS live
        FROM access_allocations a JOIN screenings s ON s.id = a.screening_id
        JOIN inventory_pools p ON p.screening_id = a.screening_id AND p.kind::text = a.scheme::text
        ${SETTINGS_JOIN}
        WHERE a.screening_id = ANY(${uuidArray(ids)}) ORDER BY a.screening_id, a.scheme`,
  );
  for (const r of found) {
    const list = result.get(r.screening_id) ?? [];
    list.push({
      scheme: r.scheme,
      allocated: r.capacity,
      available: r.released ? 0 : Math.max(0, r.capacity - Math.max(r.live, r.allotted)),
      released: r.released,
      cutOffAt: new Date(r.cut_off_at),
    });
    result.set(r.screening_id, list);
  }
  return result;
}

export async function getAccessAvailability(screeningId: string): Promise<AccessAvailability[]> {
  return (await listAccessAvailability([screeningId])).get(screeningId) ?? [];
}
