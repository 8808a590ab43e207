import { NextResponse, type NextRequest } from 'next/server';
import { holdTokenFrom } from '@/web/api/client';
import { apiError, withErrors } from '@/web/api/respond';
import type { HoldReleased } from '@/web/api/openapi/schemas';
import { releaseHoldAnywhere } from '@/domain/payments/checkout';

/** Releases a hold. Only the holder of its token (header X-Hold-Token, or the site's cookie) may. */
export const DELETE = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const result = await releaseHoldAnywhere(id, holdTokenFrom(request, id));
  if (!result.ok) {
    if (result.reason === 'not_found') return apiError(404, 'not_found', 'Hold not found');
    if (result.reason === 'forbidden') return apiError(403, 'forbidden', 'This hold belongs to someone else (wrong or missing hold token).');
    return apiError(409, 'payment_pending', 'A payment for this hold is in progress; it will be released if the payment does not complete.');
  }
  return NextResponse.json<HoldReleased>({ released: result.released });
});
