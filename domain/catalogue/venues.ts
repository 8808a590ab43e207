import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { venues } from '@/db/schema/venues';
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

/** A venue's page and card; its seat counts come from its seat map (a reserved house) or its stated capacity. */
function selectVenues() {
  return getDb()
    .select({
      slug: venues.slug,
      name: venues.name,
      addressLine: venues.addressLine,
      city: venues.city,
      postalCode: venues.postalCode,
      description: venues.description,
      accessibilityInfo: venues.accessibilityInfo,
      stepFree: venues.stepFree,
      hearingLoop: venues.hearingLoop,
      seating: venues.seating,
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id" would be the seat's.
      // Blocked seats (a broken seat, a camera position) are never sold: they are not counted.
      capacity: sql<number>`coalesce(venues.capacity, (SELECT count(*)::int FROM seats st WHERE st.venue_id = venues.id AND NOT st.blocked))`,
      wheelchairSpaces: sql<number>`(SELECT count(*)::int FROM seats st WHERE st.venue_id = venues.id AND st.kind = 'wheelchair' AND NOT st.blocked)`,
    })
    .from(venues);
}

export async function listVenues(festival: FestivalSummary): Promise<VenueSummary[]> {
  return selectVenues().where(eq(venues.festivalId, festival.id)).orderBy(asc(venues.name));
}

export async function getVenueBySlug(
  festival: FestivalSummary,
  slug: string,
  now = new Date(),
): Promise<(VenueSummary & { screenings: ScreeningSummary[] }) | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return null;
  const [venue] = await selectVenues().where(and(eq(venues.festivalId, festival.id), eq(venues.slug, slug)));
  if (!venue) return null;
  const screenings = await listScreenings(festival, { venue: slug, upcomingAfter: now }, now);
  return { ...venue, screenings };
}
