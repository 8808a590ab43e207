import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/platform/env';
import { allowedOrigins } from '@/platform/server/origins';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Two things only, neither of them the security boundary (every page, action
 * and route checks the session itself):
 * - CSRF: a state-changing API request whose Origin is not the configured
 *   site's (platform/server/origins.ts) is refused. The Stripe webhook is exempt
 *   (it has its signature), so is Auth.js (its own CSRF token); server
 *   actions are checked by Marquee's HTTP server (scripts/lib/http-server.ts).
 * - Comfort: private areas send anonymous visitors to sign in straight away.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (UNSAFE.has(request.method) && pathname.startsWith('/api/') && !pathname.startsWith('/api/stripe/') && !pathname.startsWith('/api/auth/')) {
    const origin = request.headers.get('origin');
    if (origin && !allowedOrigins(getEnv()).has(origin)) {
      return NextResponse.json({ error: 'forbidden', message: 'Cross-site requests are refused.' }, { status: 403 });
    }
  }
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (!hasSession && /^\/(account|admin|partner)(\/|$)/.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  // Lets guards send people back where they were after signing in.
  const forwarded = new Headers(request.headers);
  forwarded.set('x-marquee-path', pathname + search);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|posters|stills|favicon.ico).*)'],
};
