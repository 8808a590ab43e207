import { CredentialsSignin, CallbackRouteError, MissingCSRF, Verification } from '@auth/core/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authLogger } from '@/web/auth/logger';
import { LockedOut } from '@/domain/accounts/password-sign-in';

afterEach(() => vi.restoreAllMocks());

function capture() {
  const lines: string[] = [];
  const record = (...args: unknown[]) => lines.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
  vi.spyOn(console, 'error').mockImplementation(record);
  vi.spyOn(console, 'warn').mockImplementation(record);
  return () => lines.join('\n').split('\n');
}

describe('the Auth.js logger', () => {
  it.each([
    ['a wrong password', new CredentialsSignin(), '[auth] CredentialsSignin (credentials)'],
    ['a locked account', new LockedOut(), '[auth] CredentialsSignin (locked)'],
    ['a used or expired link', new Verification('Invalid token'), '[auth] Verification'],
    ['a form posted without its CSRF token', new MissingCSRF('no token'), '[auth] MissingCSRF'],
  ])('logs %s in one line', (_what, error, line) => {
    const lines = capture();
    authLogger.error(error);
    expect(lines()).toEqual([line]);
  });

  it('keeps the stack and the cause of anything unexpected', () => {
    const lines = capture();
    const cause = new Error('database is down');
    authLogger.error(new CallbackRouteError('callback failed', { cause: { err: cause, provider: 'password' } }));
    const out = lines();
    expect(out.length).toBeGreaterThan(3);
    expect(out.join('\n')).toContain('database is down');
    expect(out.join('\n')).toMatch(/\n\s+at /);
  });
});
