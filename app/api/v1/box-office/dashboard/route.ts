import { NextResponse } from 'next/server';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getDashboard } from '@/domain/reports/dashboard';
import { withErrors } from '@/web/api/respond';
import { serializeDashboard, type DashboardBody } from '@/web/api/serialize-dashboard';
import { apiUserWith } from '@/web/api/session';

/** The dashboard's figures for its poll (every ~10 s): staff's own data, so never cached anywhere. */
export const GET = withErrors(async () => {
  const caller = await apiUserWith('reports.read');
  if ('response' in caller) return caller.response;
  const festival = await requireCurrentFestival();
  const dashboard = await getDashboard(festival);
  return NextResponse.json<DashboardBody>(serializeDashboard(dashboard), { headers: { 'Cache-Control': 'private, no-store' } });
});
