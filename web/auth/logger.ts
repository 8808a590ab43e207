import { AuthError } from '@auth/core/errors';

/**
 * Wrong passwords, used or expired links and forged form posts are the
 * normal life of a sign-in page: one line each. Anything else is a bug and
 * keeps its stack (and its cause).
 */
const EXPECTED = new Set(['CredentialsSignin', 'Verification', 'MissingCSRF', 'UnknownAction']);

export const authLogger = {
  error(error: Error): void {
    if (error instanceof AuthError && EXPECTED.has(error.type)) {
      const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
      console.warn(`[auth] ${error.type}${code}`);
      return;
    }
    const cause = error.cause;
    console.error('[auth][error]', error);
    if (cause instanceof Error) console.error('[auth][cause]', cause);
    else if (cause && typeof cause === 'object' && 'err' in cause && cause.err instanceof Error) console.error('[auth][cause]', cause.err);
  },
};
