import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { HoldRequest, holdSeatsWithinRateLimit } from '@/domain/booking/holds';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { clientKey } from '@/web/api/client';
import { parseJson, readBodyText } from '@/web/api/body';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { failureResponse } from '@/web/api/failures';
import { Uuid } from '@/web/api/schemas';
import type { HoldCreated } from '@/web/api/openapi/schemas';
import { getEnv } from '@/platform/env';

/**
 * Its answers are a few hundred bytes, not worth compressing, yet Next would gzip them (a fresh zlib stream per
 * response, the largest single cost of this route under an on-sale rush): `no-transform` tells its compression to
 * leave them be. `no-store`: a hold is one buyer's.
 */
const UNCOMPRESSED_PRIVATE = 'no-store, no-transform';

/** A hold names at most 10 ticket types and 50 seats: a few kilobytes. Anything bigger is refused unread. */
const MAX_BODY_BYTES = 16 * 1024;

function lean(response: NextResponse): NextResponse {
  response.headers.set('Cache-Control', UNCOMPRESSED_PRIVATE);
  return response;
}

/**
 * The on-sale rush's endpoint, kept lean: one database round trip for a valid request (the rate limit, the checks
 * and the hold in one statement, holdSeatsWithinRateLimit). Bad input is refused before the database is asked,
 * but still counts against the rate limit, which answers first as it always has.
 */
export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const env = getEnv();
  const key = clientKey(request);
  const rateLimit = { key: `holds:${key}`, limit: env.HOLD_RATE_LIMIT_PER_MINUTE };
  const read = await readBodyText(request, MAX_BODY_BYTES);
  const body = read.ok ? parseJson(read.text) : undefined;
  const parsed = body === undefined ? undefined : HoldRequest.safeParse(body);
  if (!parsed?.success) {
    const limit = await hitRateLimit(getDb(), rateLimit.key, rateLimit.limit);
    if (!limit.ok) return failureResponse(limit);
    if (!read.ok) return apiError(400, 'bad_request', `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
    if (!parsed) return apiError(400, 'bad_request', 'The body must be JSON: { "items": [{ "ticketType": "adult", "quantity": 2 }] }');
    return badRequest(parsed.error.issues);
  }

  const result = await holdSeatsWithinRateLimit(getDb(), id, parsed.data, key, { holdMinutes: env.HOLD_MINUTES, maxPerOrder: env.MAX_TICKETS_PER_ORDER }, rateLimit);
  if (!result.ok) return lean(failureResponse(result));
  return NextResponse.json<HoldCreated>(
    { holdId: result.holdId, holdToken: result.holdToken, seats: result.seats, quantity: result.quantity, expiresAt: result.expiresAt.toISOString(), totalCents: result.totalCents },
    { status: 201, headers: { 'Cache-Control': UNCOMPRESSED_PRIVATE } },
  );
});
