import { isIP } from 'node:net';
import type { Env } from '../../platform/env';
import { isLoopbackHost } from '../../platform/server/client-identity';

export class StartupRefused extends Error {}

/** Where to listen, or a refusal in words: local mode never listens beyond this machine. */
export function resolveBindAddress(env: Env, flag: string | undefined): { hostname: string; note?: string } {
  if (env.MARQUEE_MODE === 'production') return { hostname: flag ?? env.HOSTNAME ?? '0.0.0.0' };
  let note: string | undefined;
  let requested = flag;
  if (!requested && env.HOSTNAME) {
    // Containers export HOSTNAME as the machine's name; only an address or "localhost" is a request to bind.
    if (isIP(env.HOSTNAME) || env.HOSTNAME === 'localhost') requested = env.HOSTNAME;
    else note = `HOSTNAME=${env.HOSTNAME} is a machine name, not a bind address: ignored`;
  }
  const hostname = requested ?? '127.0.0.1';
  if (!isLoopbackHost(hostname)) {
    throw new StartupRefused(
      `Local mode listens on this machine only (loopback), so it refuses to bind ${hostname}: its dev outbox shows every sign-in link and ` +
        `its Stripe emulator accepts any card. To serve other machines, run in production mode (set PUBLIC_BASE_URL and the secrets listed in the README's Deploying section).`,
    );
  }
  return { hostname, ...(note ? { note } : {}) };
}

