import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getAccessAvailability, getScreeningDetail } from '@/domain/catalogue/screenings';
import { apiError, notFound, ok, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { serializeScreeningDetail } from '@/web/api/serialize';

export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const festival = await requireCurrentFestival();
  const screening = await getScreeningDetail(festival, id);
  if (!screening) return notFound('Screening');
  return ok(serializeScreeningDetail(screening, festival.timeZone, await getAccessAvailability(id)));
});
