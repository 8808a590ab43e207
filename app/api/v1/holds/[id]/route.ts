import { NextResponse, type NextRequest } from 'next/server';
import { holdTokenFrom } from '@/web/api/client';
import { withErrors } from '@/web/api/respond';
import { failureResponse } from '@/web/api/failures';
import type { HoldReleased } from '@/web/api/openapi/schemas';
import { releaseHoldAnywhere } from '@/domain/payments/checkout';

/** Releases a hold. Only the holder of its token (header X-Hold-Token, or the site's cookie) may. */
export const DELETE = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const result = await releaseHoldAnywhere(id, holdTokenFrom(request, id));
  if (!result.ok) return failureResponse(result);
  return NextResponse.json<HoldReleased>({ released: result.released });
});
