import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getPublicFundFigures } from '@/domain/access-fund/reports';
import { notFound, ok, withErrors } from '@/web/api/respond';
import { serializeAccessFund, type AccessFundBody } from '@/web/api/serialize-access-fund';

/** Public and anonymous by design: totals only. Cached briefly at the edge (ok()), which is what "live" needs. */
export const GET = withErrors(async () => {
  const festival = await requireCurrentFestival();
  const figures = await getPublicFundFigures(festival.id);
  if (!figures) return notFound('Festival');
  return ok<AccessFundBody>(serializeAccessFund(festival, figures));
});
