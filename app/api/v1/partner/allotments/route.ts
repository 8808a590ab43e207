import { NextResponse } from 'next/server';
import { getPartnerAllotments } from '@/domain/partners/queries';
import type { AllotmentList } from '@/web/api/partners';
import { withErrors } from '@/web/api/respond';
import { apiUserWith } from '@/web/api/session';

/** The signed-in partner's own allotments. */
export const GET = withErrors(async () => {
  const auth = await apiUserWith('partner.portal');
  if ('response' in auth) return auth.response;
  const allotments = (await getPartnerAllotments(auth.user)) ?? [];
  return NextResponse.json<AllotmentList>(
    {
      count: allotments.length,
      allotments: allotments.map((a) => ({
        id: a.id,
        screeningId: a.screeningId,
        title: a.title,
        startsAt: a.startsAt.toISOString(),
        status: a.status,
        requestedQuantity: a.requestedQuantity,
        quantity: a.quantity,
        used: a.used,
        left: a.quantity - a.used,
        deadline: a.cutOff.toISOString(),
        open: a.open,
      })),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
});
