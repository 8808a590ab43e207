import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { claimIndigenousTickets, IndigenousClaimRequest } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { indigenousFailureResponse } from '@/web/api/failures';
import type { IndigenousClaimCreated } from '@/web/api/indigenous';
import { Uuid } from '@/web/api/schemas';
import { getCurrentUser } from '@/web/auth/guards';

/** Claims free Indigenous Access tickets for the signed-in person (session cookie), confirmed at once. */
export const POST = withErrors(async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to claim Indigenous Access tickets.');
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "quantity": 1, "selfIdentified": true }');
  const parsed = IndigenousClaimRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await claimIndigenousTickets(
    getDb(),
    user,
    { screeningId: id, quantity: parsed.data.quantity, seatIds: parsed.data.seats, selfIdentified: true },
    getOrderSettings(),
  );
  if (!result.ok) return indigenousFailureResponse(result);
  return NextResponse.json<IndigenousClaimCreated>(
    { orderId: result.orderId, orderNumber: result.orderNumber, tickets: result.tickets },
    { status: 201, headers: { 'Cache-Control': 'no-store' } },
  );
});
