import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clearSignInFailures, recordSignInFailure, signInLockedFor } from '@/db/commands/auth';
import { findUserForSignIn, sendSignInEmail } from '@/lib/auth/sign-in';
import { verifyPassword } from '@/lib/auth/password';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/env';

class LockedOut extends CredentialsSignin {
  code = 'locked';
}

const Login = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

/**
 * Auth.js, configured per request (so `next build` never needs a database).
 * Audience members and partners sign in by email link; staff and admins by
 * password (argon2id) with lockout kept in PostgreSQL. Sessions are JWTs
 * that carry only the user id: every guard reads the role from the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    adapter: DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    secret: env.APP_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        maxAge: 15 * 60,
        sendVerificationRequest: ({ identifier, url }) => sendSignInEmail(identifier, url),
      },
      Credentials({
        id: 'password',
        credentials: { email: {}, password: {}, client: {} },
        authorize: async (raw) => {
          const parsed = Login.safeParse(raw);
          if (!parsed.success) return null;
          const db = getDb();
          const client = typeof raw.client === 'string' && raw.client ? raw.client : 'local';
          const keys = [`email:${parsed.data.email}`, `client:${client}`];
          if ((await signInLockedFor(db, keys)) > 0) throw new LockedOut();
          const user = await findUserForSignIn(parsed.data.email);
          const staff = user && (user.role === 'staff' || user.role === 'admin');
          // Always verify (against a dummy when there is no staff account) so timing reveals nothing.
          const ok = await verifyPassword(parsed.data.password, staff ? user.passwordHash : null);
          if (!ok || !staff) {
            await recordSignInFailure(db, keys);
            return null;
          }
          await clearSignInFailures(db, keys[0]!);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      /**
       * Only same-site destinations, returned as paths: the browser stays on
       * whatever host name it used (Auth.js may see another one behind the
       * server), so the session cookie it just got applies.
       */
      redirect: ({ url, baseUrl }) => {
        const target = new URL(url, baseUrl);
        const sameSite = [baseUrl, env.PUBLIC_BASE_URL].some((b) => new URL(b).origin === target.origin) || url.startsWith('/');
        return sameSite && !url.startsWith('//') ? `${target.pathname}${target.search}` : '/';
      },
      session: ({ session, token }) => {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
});
