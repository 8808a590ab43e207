import { describe, expect, it } from 'vitest';
import { describeFailure, failureResponse, type BookingFailure } from '@/web/api/failures';

/** The API's statuses and error codes are published (OpenAPI); the site's actions show the same messages. */
describe('booking failures', () => {
  it('map every reason to the published status and error code', () => {
    const cases: [BookingFailure, number, string][] = [
      [{ ok: false, reason: 'screening_not_found', message: 'No such screening.' }, 404, 'not_found'],
      [{ ok: false, reason: 'not_on_sale', message: 'x' }, 409, 'not_on_sale'],
      [{ ok: false, reason: 'not_enough_seats', message: 'x', available: 1 }, 409, 'not_enough_seats'],
      [{ ok: false, reason: 'seats_unavailable', message: 'x', seats: [] }, 409, 'seats_unavailable'],
      [{ ok: false, reason: 'too_many_held', message: 'x' }, 409, 'too_many_held'],
      [{ ok: false, reason: 'invalid_request', message: 'x' }, 422, 'unprocessable'],
      [{ ok: false, reason: 'rate_limited', retryAfterSeconds: 7 }, 429, 'rate_limited'],
      [{ ok: false, reason: 'not_found' }, 404, 'not_found'],
      [{ ok: false, reason: 'forbidden' }, 403, 'forbidden'],
      [{ ok: false, reason: 'hold_expired' }, 410, 'hold_expired'],
      [{ ok: false, reason: 'hold_ended' }, 409, 'hold_ended'],
      [{ ok: false, reason: 'payment_unavailable' }, 503, 'payment_unavailable'],
      [{ ok: false, reason: 'payment_pending' }, 409, 'payment_pending'],
    ];
    for (const [failure, status, code] of cases) expect(describeFailure(failure), failure.reason).toMatchObject({ status, code });
  });

  it('keep the refusal message the domain wrote for a hold', () => {
    expect(describeFailure({ ok: false, reason: 'not_enough_seats', message: 'Only 2 places left.', available: 2 }).message).toBe('Only 2 places left.');
  });

  it('answer the API with what a client needs to try again', async () => {
    const full = failureResponse({ ok: false, reason: 'not_enough_seats', message: 'Only 2 places left.', available: 2 });
    expect(full.status).toBe(409);
    expect(await full.json()).toEqual({ error: 'not_enough_seats', message: 'Only 2 places left.', available: 2 });
    const limited = failureResponse({ ok: false, reason: 'rate_limited', retryAfterSeconds: 7 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('7');
  });
});
