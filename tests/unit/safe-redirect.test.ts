import { describe, expect, it } from 'vitest';
import { safeRedirectFromUrl, safeRedirectPath } from '@/domain/accounts/redirect';

const SITE = 'https://festival.example';

/** What a browser does with a Location header: resolve it against the page it is on. */
function landsOn(location: string): URL {
  return new URL(location, `${SITE}/signin`);
}

const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '////evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  '/.//evil.example',
  '/./\\evil',
  '/..//evil.example',
  '/foo/..//evil.example',
  '/foo/../..//evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '/%5C%5Cevil.example',
  '/%5c/evil.example',
  '%2F%2Fevil.example',
  '%2f%2fevil.example',
  'https://evil.example',
  'https://evil.example/account',
  'HTTPS://evil.example',
  'http:/evil.example',
  'http:evil.example',
  '//festival.example@evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '\t//evil.example',
  ' //evil.example',
  ' /account',
  '/\u0000/evil.example',
  'evil.example',
  './/evil.example',
  '/.\\evil.example',
  '/\u3000/evil.example',
  '',
];

describe('safeRedirectPath: only same-origin paths survive', () => {
  it.each(HOSTILE)('%j never leaves the site', (value) => {
    const result = safeRedirectPath(value);
    expect(landsOn(result).origin).toBe(SITE);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(result).not.toMatch(/\\/);
    // Refused values fall back; a percent-encoded value may only stay as a local path.
    if (!/^\/(%|\u3000)/.test(value)) expect(result).toBe('/account');
  });

  it('encoded slashes are refused or stay a local path even after another decoding', () => {
    for (const v of ['/%2F%2Fevil.example', '/%2f/evil.example', '/%5C%5Cevil.example']) {
      const result = safeRedirectPath(v);
      expect(landsOn(decodeURIComponent(result)).origin).toBe(SITE);
    }
  });

  it.each([
    ['/account', '/account'],
    ['/admin/users', '/admin/users'],
    ['/invite/abc_DEF-123', '/invite/abc_DEF-123'],
    ['/orders/1?token=x#tickets', '/orders/1?token=x#tickets'],
    ['/films/./l-etranger', '/films/l-etranger'],
    ['/account/../partner', '/partner'],
  ])('keeps the local path %j', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it('refuses what is not a string and uses the given fallback', () => {
    expect(safeRedirectPath(undefined)).toBe('/account');
    expect(safeRedirectPath(null, '/')).toBe('/');
    expect(safeRedirectPath(['/admin'])).toBe('/account');
    expect(safeRedirectPath('/x'.repeat(2000))).toBe('/account');
  });
});

describe("safeRedirectFromUrl: Auth.js's redirect callback", () => {
  const allowed = [SITE, 'http://127.0.0.1:3000'];
  it.each([...HOSTILE, `${SITE}//evil.example`, `${SITE}/.//evil.example`, 'https://festival.example.evil.example/', 'http://festival.example/account'])(
    '%j never leaves the site',
    (value) => {
      const result = safeRedirectFromUrl(value, allowed);
      expect(landsOn(result).origin).toBe(SITE);
      expect(result.startsWith('//')).toBe(false);
    },
  );

  it('reduces same-origin URLs to their path', () => {
    expect(safeRedirectFromUrl(`${SITE}/admin/users?x=1`, allowed)).toBe('/admin/users?x=1');
    expect(safeRedirectFromUrl('http://127.0.0.1:3000/account', allowed)).toBe('/account');
    expect(safeRedirectFromUrl(SITE, allowed)).toBe('/');
    expect(safeRedirectFromUrl('/account', allowed)).toBe('/account');
  });
});
