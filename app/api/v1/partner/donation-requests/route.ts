import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { can } from '@/domain/accounts/permissions';
import { listOwnDonationRequests } from '@/domain/donation-requests/queries';
import { DonationRequestInput, submitDonationRequest } from '@/domain/donation-requests/requests';
import { serializeDonationRequest, type DonationRequestCreated, type DonationRequestList } from '@/web/api/donation-requests';
import { requestFailureResponse } from '@/web/api/failures';
import { apiError, badRequest, withErrors } from '@/web/api/respond';
import { getCurrentUser } from '@/web/auth/guards';
import { getEnv } from '@/platform/env';

async function partnerOrRefusal() {
  const user = await getCurrentUser();
  if (!user) return { refusal: apiError(401, 'unauthorized', 'Sign in with a partner account.') } as const;
  if (!can(user, 'partner.portal') || !user.organisationId) return { refusal: apiError(403, 'forbidden', 'Only partner organisations ask for donated tickets.') } as const;
  return { user } as const;
}

/** The signed-in partner's organisation's donation requests, newest first, with the tickets issued for each. */
export const GET = withErrors(async () => {
  const who = await partnerOrRefusal();
  if (who.refusal) return who.refusal;
  const requests = await listOwnDonationRequests(who.user);
  const baseUrl = getEnv().PUBLIC_BASE_URL;
  return NextResponse.json<DonationRequestList>(
    { count: requests.length, requests: requests.map((r) => serializeDonationRequest(r, baseUrl)) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});

/** A partner of a verified organisation asks for donated tickets. */
export const POST = withErrors(async (request: NextRequest) => {
  const who = await partnerOrRefusal();
  if (who.refusal) return who.refusal;
  const body: unknown = await request.json().catch(() => undefined);
  if (body === undefined) return apiError(400, 'bad_request', 'The body must be JSON: { "screeningIds": ["…"], "quantity": 4, "audience": "…", "contactName": "…", "contactEmail": "…" }');
  const parsed = DonationRequestInput.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.issues);
  const festival = await requireCurrentFestival();
  const result = await submitDonationRequest(getDb(), who.user, festival.id, parsed.data);
  if (!result.ok) return requestFailureResponse(result);
  return NextResponse.json<DonationRequestCreated>({ id: result.requestId, status: 'submitted' }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
