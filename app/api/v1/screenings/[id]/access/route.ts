import type { NextRequest } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getScreeningSummary, listAccessAvailability } from '@/domain/catalogue/screenings';
import { apiError, notFound, ok, withErrors } from '@/web/api/respond';
import { Uuid } from '@/web/api/schemas';
import { serializeAccessAvailability, type ScreeningAccessBody } from '@/web/api/serialize-access';

/** Live figures per access scheme, small enough to poll: the pages themselves stay cacheable. */
export const GET = withErrors(async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const festival = await requireCurrentFestival();
  const screening = await getScreeningSummary(festival, id);
  if (!screening) return notFound('Screening');
  const access = (await listAccessAvailability([id])).get(id) ?? [];
  return ok<ScreeningAccessBody>({ screeningId: id, access: access.map(serializeAccessAvailability) });
});
