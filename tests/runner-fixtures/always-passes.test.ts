import { expect, it } from 'vitest';

// The runner check's control: the same command on a passing test must exit 0.
it('passes', () => {
  expect(1 + 1).toBe(2);
});
