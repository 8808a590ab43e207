/**
 * The one rule for "where to go after signing in", used by the server
 * actions, Auth.js's redirect callback and the pages: only a path on this
 * site. Browsers read `//host`, `/\host` and `\/host` as another site, and
 * WHATWG URL parsing turns `/.//host` into `//host`, strips tabs and
 * newlines and treats `\` as `/`; so the value is normalised first and the
 * result is checked, not the raw text.
 */
const DUMMY = 'https://marquee.invalid';

export function safeRedirectPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback;
  // Backslashes, control characters (tab, newline…) and spaces are never part of our own paths.
  if (/[\\\u0000-\u0020\u007f]/.test(value)) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(value, DUMMY);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  // A path that decodes to `//host` or `/\host` is refused too, in case anything downstream decodes it once more.
  if (/^\/(\/|\\)/.test(decodeOnce(url.pathname))) return fallback;
  return path;
}

/**
 * Auth.js hands its redirect callback absolute URLs (its own base URL) as
 * well as paths: same-origin absolute URLs are reduced to their path, then
 * checked like any path. Returning a path keeps the browser on the host
 * name it already uses, where its fresh session cookie applies.
 */
export function safeRedirectFromUrl(url: string, allowedOrigins: string[], fallback = '/'): string {
  if (url.startsWith('/')) return safeRedirectPath(url, fallback);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fallback;
  }
  if (!allowedOrigins.some((o) => originOf(o) === parsed.origin)) return fallback;
  return safeRedirectPath(`${parsed.pathname}${parsed.search}${parsed.hash}`, fallback);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function decodeOnce(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
