import { encode } from '@auth/core/jwt';
import type { Database } from '@/db/client';
import { createAuthSession } from '@/domain/accounts/auth';

/**
 * A session cookie as Auth.js would set it at sign-in: a JWT naming the
 * user and a server-side session row (a JWT without its row signs nobody in).
 */
export async function sessionCookie(db: Database, user: { id: string; email: string }, secret: string): Promise<{ cookie: string; sessionId: string }> {
  const sessionId = await createAuthSession(db, user.id, 24 * 60 * 60);
  const token = await encode({ token: { sub: user.id, email: user.email, sid: sessionId }, secret, salt: 'authjs.session-token' });
  return { cookie: `authjs.session-token=${token}`, sessionId };
}
