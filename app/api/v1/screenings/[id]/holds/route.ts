import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { HoldRequest, holdSeats } from '@/domain/booking/holds';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { clientKey } from '@/web/api/client';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { failureResponse } from '@/web/api/failures';
import { Uuid } from '@/web/api/schemas';
import type { HoldCreated } from '@/web/api/openapi/schemas';
import { getEnv } from '@/platform/env';

export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const env = getEnv();
  const key = clientKey(request);
  const limit = await hitRateLimit(getDb(), `holds:${key}`, env.HOLD_RATE_LIMIT_PER_MINUTE);
  if (!limit.ok) return failureResponse(limit);
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "items": [{ "ticketType": "adult", "quantity": 2 }] }');
  const parsed = HoldRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);

  const result = await holdSeats(getDb(), id, parsed.data, key, { holdMinutes: env.HOLD_MINUTES, maxPerOrder: env.MAX_TICKETS_PER_ORDER });
  if (!result.ok) return failureResponse(result);
  return NextResponse.json<HoldCreated>(
    { holdId: result.holdId, holdToken: result.holdToken, seats: result.seats, quantity: result.quantity, expiresAt: result.expiresAt.toISOString(), totalCents: result.totalCents },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
