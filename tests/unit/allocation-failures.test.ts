import { describe, expect, it } from 'vitest';
import type { AllocationFailure } from '@/domain/access/allocations';
import { describeAllocationFailure } from '@/web/api/failures';
import { failureQuery, refusalMessage } from '@/web/access/allocation-forms';

/** Every refusal of the allocation commands is a 4xx with words for people, and the page's notice says the same thing. */
describe('allocation failures', () => {
  const cases: [AllocationFailure, number][] = [
    [{ ok: false, reason: 'forbidden' }, 403],
    [{ ok: false, reason: 'invalid_input', message: 'Say why, in a few words' }, 400],
    [{ ok: false, reason: 'screening_not_found' }, 404],
    [{ ok: false, reason: 'screening_closed', message: 'x' }, 409],
    [{ ok: false, reason: 'allocation_released', message: 'x' }, 409],
    [{ ok: false, reason: 'below_claimed', message: 'x', minimum: 3 }, 409],
    [{ ok: false, reason: 'not_enough_general_sale', message: 'x', available: 2 }, 409],
    [{ ok: false, reason: 'not_enough_free', message: 'x', free: 1 }, 409],
  ];

  it('map to a 4xx with a message', () => {
    for (const [failure, status] of cases) {
      const described = describeAllocationFailure(failure);
      expect(described.status, failure.reason).toBe(status);
      expect(described.message.length, failure.reason).toBeGreaterThan(0);
    }
  });

  it('travel to the page as a code and a number, never as text someone chose', () => {
    for (const [failure] of cases) {
      const query = Object.fromEntries(new URLSearchParams(failureQuery(failure)));
      expect(Object.keys(query).every((k) => k === 'error' || k === 'n' || k === 'at')).toBe(true);
      expect(refusalMessage(query)).not.toBeNull();
    }
    expect(refusalMessage({ error: 'below_claimed', n: '4' })).toContain('(4 places)');
    expect(refusalMessage({ error: '<script>', n: 'lots' })).toBe('That did not work. Please try again.');
  });
});
