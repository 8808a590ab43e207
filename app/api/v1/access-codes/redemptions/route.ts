import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { hitRateLimit } from '@/domain/limits/rate-limits';
import { AccessCodeRedemption, redeemAccessCode } from '@/domain/partners/access-codes';
import { getOrderSettings } from '@/domain/payments/checkout';
import { clientKey } from '@/web/api/client';
import { partnerFailureResponse } from '@/web/api/failures';
import type { RedemptionCreated } from '@/web/api/partners';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { getEnv } from '@/platform/env';

/** Same budget as the site's form: a few mistakes are fine, guessing is hopeless. */
const REDEMPTIONS_PER_MINUTE = 10;

/** Anyone with an access code: one $0 Community Access ticket at the code's screening. */
export const POST = withErrors(async (request: NextRequest) => {
  const limit = await hitRateLimit(getDb(), `access-code:${clientKey(request)}`, REDEMPTIONS_PER_MINUTE);
  if (!limit.ok) return partnerFailureResponse(limit);
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "code", "screeningId", "name", "email" }');
  const parsed = AccessCodeRedemption.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await redeemAccessCode(getDb(), parsed.data, getOrderSettings());
  if (!result.ok) return partnerFailureResponse(result);
  return NextResponse.json<RedemptionCreated>(
    {
      orderId: result.orderId,
      orderNumber: result.orderNumber,
      ticketCode: result.ticketCode,
      ticketUrl: `${getEnv().PUBLIC_BASE_URL}/tickets/${result.ticketCode}`,
      seat: result.seat,
    },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
