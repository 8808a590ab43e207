import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { joinWaitlist, leaveWaitlist, WaitlistRequest } from '@/domain/access/indigenous';
import { getOrderSettings } from '@/domain/payments/checkout';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { indigenousFailureResponse } from '@/web/api/failures';
import type { WaitlistJoined, WaitlistLeft } from '@/web/api/indigenous';
import { Uuid } from '@/web/api/schemas';
import { getCurrentUser } from '@/web/auth/guards';

type Context = { params: Promise<{ id: string }> };

/** Joins the screening's Indigenous Access waiting list ("tell me if places come back"). */
export const POST = withErrors(async (request: NextRequest, { params }: Context) => {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to join the waiting list.');
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "quantity": 1 }');
  const parsed = WaitlistRequest.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const result = await joinWaitlist(getDb(), user, { screeningId: id, quantity: parsed.data.quantity });
  if (!result.ok) return indigenousFailureResponse(result);
  return NextResponse.json<WaitlistJoined>({ entryId: result.entryId }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});

/** Leaves it; an open offer's places go to the next person in line. */
export const DELETE = withErrors(async (_request: NextRequest, { params }: Context) => {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return apiError(401, 'unauthorized', 'Sign in to leave the waiting list.');
  if (!Uuid.safeParse(id).success) return apiError(400, 'bad_request', 'id must be a screening UUID');
  const result = await leaveWaitlist(getDb(), user, { screeningId: id }, getOrderSettings());
  if (!result.ok) return indigenousFailureResponse(result);
  return NextResponse.json<WaitlistLeft>({ left: result.left }, { headers: { 'Cache-Control': 'no-store' } });
});
