import type { Env } from '@/platform/env';

/**
 * The origins a state-changing browser request may come from: the configured
 * public one and, in local mode, this machine's own names for the same port.
 * Never the request's Host header, which the client writes (and which an
 * internal proxy may rewrite).
 */
export function allowedOrigins(env: Env, port: number = env.PORT): Set<string> {
  const origins = new Set([new URL(env.PUBLIC_BASE_URL).origin]);
  if (env.MARQUEE_MODE === 'local') for (const host of ['localhost', '127.0.0.1', '[::1]']) origins.add(`http://${host}:${port}`);
  return origins;
}
