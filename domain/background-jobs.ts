import { getDb } from '@/db/client';
import { LOCKOUT } from '@/domain/accounts/auth';
import { pruneBuckets } from '@/domain/limits/rate-limits';
import { sendPendingEmails } from '@/domain/notifications/mailer';
import { getOrderSettings, sweep } from '@/domain/payments/checkout';
import { offerReturnedPlaces } from '@/domain/access/indigenous';
import { getEnv } from '@/platform/env';

/**
 * The background worker's jobs (platform/worker.ts schedules them; it is
 * handed these by instrumentation-node.ts and never imports the domain).
 */
export async function sweepJob(): Promise<void> {
  const env = getEnv();
  const report = await sweep();
  if (env.SMTP_URL) await sendPendingEmails(env.SMTP_URL, env.MAIL_FROM);
  const busy = report.expiredHolds + report.refunded + Object.values(report.settled).reduce((a, b) => a + b, 0);
  if (busy > 0) console.log('[worker] sweep', JSON.stringify(report));
}

export async function pruneJob(): Promise<void> {
  const pruned = await pruneBuckets(getDb(), LOCKOUT.windowMinutes);
  if (pruned.rateLimitBuckets + pruned.signInFailures > 0) console.log('[worker] pruned', JSON.stringify(pruned));
}

/** Indigenous Access waiting lists: close lapsed offers, then offer returned places to the next people in line. */
export async function waitlistOffersJob(): Promise<void> {
  const report = await offerReturnedPlaces(getDb(), getOrderSettings());
  if (report.offered + report.lapsed > 0) console.log('[worker] waiting-list offers', JSON.stringify(report));
}
