import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { FestivalSummary } from './festival';
import { listScreenings, type ScreeningSummary } from './screenings';

export interface VenueSummary {
  slug: string;
  name: string;
  addressLine: string;
  city: string;
  postalCode: string | null;
  description: string;
  accessibilityInfo: string;
  stepFree: boolean;
  hearingLoop: boolean;
  seating: 'reserved' | 'general_admission';
  /** Seats for a reserved house, the capacity for general admission. */
  capacity: number;
  wheelchairSpaces: number;
}

interface VenueRow extends Record<string, unknown> {
  slug: string;
  name: string;
  address_line: string;
  city: string;
  postal_code: string | null;
  description: string;
  accessibility_info: string;
  step_free: boolean;
  hearing_loop: boolean;
  seating: 'reserved' | 'general_admission';
  capacity: number;
  wheelchair_spaces: number;
}

function toVenue(r: VenueRow): VenueSummary {
  return {
    slug: r.slug,
    name: r.name,
    addressLine: r.address_line,
    city: r.city,
    postalCode: r.postal_code,
    description: r.description,
    accessibilityInfo: r.accessibility_info,
    stepFree: r.step_free,
    hearingLoop: r.hearing_loop,
    seating: r.seating,
    capacity: r.capacity,
    wheelchairSpaces: r.wheelchair_spaces,
  };
}

const VENUE_SELECT = sql`
  SELECT v.slug, v.name, v.address_line, v.city, v.postal_code, v.description, v.accessibility_info, v.step_free,
         v.hearing_loop, v.seating,
         coalesce(v.capacity, (SELECT count(*)::int FROM seats st WHERE st.venue_id = v.id)) AS capacity,
         (SELECT count(*)::int FROM seats st WHERE st.venue_id = v.id AND st.kind = 'wheelchair') AS wheelchair_spaces
  FROM venues v`;

export async function listVenues(festival: FestivalSummary): Promise<VenueSummary[]> {
  const rows = await getDb().execute<VenueRow>(sql`${VENUE_SELECT} WHERE v.festival_id = ${festival.id} ORDER BY v.name`);
  return rows.map(toVenue);
}

export async function getVenueBySlug(
  festival: FestivalSummary,
  slug: string,
  now = new Date(),
): Promise<(VenueSummary & { screenings: ScreeningSummary[] }) | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return null;
  const [row] = await getDb().execute<VenueRow>(sql`${VENUE_SELECT} WHERE v.festival_id = ${festival.id} AND v.slug = ${slug}`);
  if (!row) return null;
  const screenings = await listScreenings(festival, { venue: slug, upcomingAfter: now }, now);
  return { ...toVenue(row), screenings };
}
