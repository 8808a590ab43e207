import { describe, expect, it } from 'vitest';
import { describeRequestFailure, requestFailureResponse, type DonationRequestFailure } from '@/web/api/failures';

/** The donation requests' refusals: the API's statuses and codes (OpenAPI) and the words the site's banners show. */
describe('donation request failures', () => {
  it('map every reason to a 4xx status and a published code', () => {
    const cases: [DonationRequestFailure, number, string][] = [
      [{ ok: false, reason: 'forbidden', message: 'x' }, 403, 'forbidden'],
      [{ ok: false, reason: 'organisation_not_verified', message: 'x' }, 403, 'organisation_not_verified'],
      [{ ok: false, reason: 'not_found' }, 404, 'not_found'],
      [{ ok: false, reason: 'screening_not_found', message: 'x' }, 404, 'not_found'],
      [{ ok: false, reason: 'not_withdrawable' }, 409, 'not_withdrawable'],
      [{ ok: false, reason: 'not_decidable', message: 'x' }, 409, 'already_decided'],
      [{ ok: false, reason: 'nothing_to_draw', message: 'x' }, 409, 'nothing_to_draw'],
      [{ ok: false, reason: 'screening_closed', message: 'x' }, 409, 'screening_closed'],
      [{ ok: false, reason: 'not_enough_places', message: 'x' }, 409, 'not_enough_places'],
      [{ ok: false, reason: 'seats_unavailable', message: 'x' }, 409, 'seats_unavailable'],
      [{ ok: false, reason: 'insufficient_funds', message: 'x', balanceCents: 0, neededCents: 1500 }, 409, 'insufficient_funds'],
      [{ ok: false, reason: 'invalid_request', message: 'x' }, 422, 'unprocessable'],
    ];
    for (const [failure, status, code] of cases) expect(describeRequestFailure(failure), failure.reason).toMatchObject({ status, code });
  });

  it("tell an API client the fund's balance and what was needed", async () => {
    const res = requestFailureResponse({ ok: false, reason: 'insufficient_funds', message: 'The access fund holds $10.00; these tickets need $30.00.', balanceCents: 1000, neededCents: 3000 });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'insufficient_funds', message: 'The access fund holds $10.00; these tickets need $30.00.', balanceCents: 1000, neededCents: 3000 });
  });
});
