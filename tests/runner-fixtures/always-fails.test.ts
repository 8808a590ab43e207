import { expect, it } from 'vitest';

// Fails on purpose: the runner check (scripts/test-all.ts runner) expects every test command to exit non-zero on it.
it('fails on purpose', () => {
  expect(1 + 1).toBe(3);
});
