import { getEnv } from '@/platform/env';
import { clientAddress } from './api/client';
import { isLoopbackAddress, isLoopbackHost, runningServer } from '@/platform/server/client-identity';

/**
 * The dev outbox shows every email, sign-in links included: it exists only
 * in local mode, without SMTP, under Marquee's own loopback-only server, and
 * only for a request from this machine addressed to a loopback host name
 * (which also defeats DNS rebinding from a web page).
 */
export function devOutboxEnabled(headers: Headers): boolean {
  const env = getEnv();
  if (env.MARQUEE_MODE !== 'local' || env.SMTP_URL || runningServer()?.mode !== 'local') return false;
  return isLoopbackAddress(clientAddress(headers)) && isLoopbackHost(hostOnly(headers.get('host') ?? ''));
}

function hostOnly(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}
