import { NextResponse, type NextRequest } from 'next/server';

/**
 * Pages only, and not the security boundary (every page, action and route
 * checks the session itself):
 * - Comfort: private areas send anonymous visitors to sign in straight away.
 * - `x-marquee-path` for the guards' way back after signing in.
 * The API does not run it at all (see the matcher): it needs neither, and the
 * on-sale rush should not pay for them. CSRF, for the API and server actions
 * alike, is checked by Marquee's HTTP server (scripts/lib/http-server.ts)
 * before Next sees the request.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  matcher: ['/((?!api/|_next/static|_next/image|posters|stills|favicon.ico).*)'],
};
