import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { createAuthSession, deleteAuthSession } from '@/domain/accounts/auth';
import { authLogger } from '@/web/auth/logger';
import { authorizePassword } from '@/domain/accounts/password-sign-in';
import { safeRedirectFromUrl } from '@/domain/accounts/redirect';
import { sendSignInEmail } from '@/domain/accounts/sign-in';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/platform/env';

declare module 'next-auth' {
  interface Session {
    /** The server-side session row this cookie names (see createAuthSession). */
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
  }
}

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * Auth.js, configured per request (so `next build` never needs a database).
 * Audience members and partners sign in by email link; staff and admins by
 * password (argon2id) with lockout kept in PostgreSQL. Sessions are JWTs
 * that carry only the user id and the id of a server-side session row:
 * every guard reads the role from the database and checks the row, so
 * sign-out and role changes revoke a session everywhere.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  // Auth.js builds its own URLs (email links, redirects, the session endpoint)
  // from AUTH_URL when it is set, and from the request's Host and
  // X-Forwarded-Host otherwise (next-auth lib/env.js reqWithEnvURL, @auth/core
  // createActionURL): a forged Host must never choose them. next-auth reads
  // process.env after this function returns, on every call.
  process.env.AUTH_URL = `${new URL(env.PUBLIC_BASE_URL).origin}/api/auth`;
  return {
    adapter: DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    secret: env.APP_SECRET,
    basePath: '/api/auth',
    // The host is not trusted for anything: AUTH_URL above fixes every URL Auth.js builds.
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    logger: authLogger,
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: 15 * 60,
        sendVerificationRequest: ({ identifier, url, request }) => sendSignInEmail(identifier, url, request.headers),
      },
      Credentials({
        id: 'password',
        credentials: { email: {}, password: {} },
        // The client is the one the server sees, never a form field: the lockout key is not the caller's to choose.
        authorize: (credentials, request) => authorizePassword(credentials, request.headers),
      }),
    ],
    callbacks: {
      /** Only same-site destinations, returned as paths (domain/accounts/redirect.ts). */
      redirect: ({ url, baseUrl }) => safeRedirectFromUrl(url, [baseUrl, env.PUBLIC_BASE_URL], '/'),
      jwt: async ({ token, user }) => {
        // `user` is set once, at sign-in: that is when the server-side session row is made.
        if (user?.id) token.sid = await createAuthSession(getDb(), user.id, SESSION_MAX_AGE);
        return token;
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      signOut: async (message) => {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (sid) await deleteAuthSession(getDb(), sid);
      },
    },
  };
});
