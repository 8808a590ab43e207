import 'server-only';
import { z } from 'zod';
import { can } from '@/domain/accounts/permissions';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { layoutToCsv, layoutToJson, type LayoutFormat } from '@/domain/venues/layout-files';
import { getSeatLayout, getVenueForEditing } from '@/domain/venues/venues';
import { apiError } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';

/** A venue's seat map as a download (CSV or JSON, the import's own format), for staff who edit the programme. */
export async function seatMapDownload(venueIdParam: string, format: LayoutFormat): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to download seat maps.');
  if (!can(user, 'programme.edit')) return apiError(403, 'forbidden', 'You may not edit venues.');
  const id = z.guid().safeParse(venueIdParam);
  const festival = await requireCurrentFestival();
  const venue = id.success ? await getVenueForEditing(festival.id, id.data) : null;
  if (!venue) return apiError(404, 'not_found', 'No such venue.');
  const seats = await getSeatLayout(venue.id);
  const body = format === 'csv' ? layoutToCsv(seats) : layoutToJson(seats);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="seat-map-${venue.slug}.${format}"`,
      'Cache-Control': 'no-store',
    },
  });
}
