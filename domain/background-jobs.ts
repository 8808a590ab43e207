import { getDb } from '@/db/client';
import { releaseAtCutOff } from '@/domain/access/cut-off';
import { LOCKOUT } from '@/domain/accounts/auth';
import { pruneBuckets } from '@/domain/limits/rate-limits';
import { settleFulfilledDonationRequests } from '@/domain/donation-requests/requests';
import { sendPendingEmails } from '@/domain/notifications/mailer';
import { getOrderSettings, sweep } from '@/domain/payments/checkout';
import { offerReturnedPlaces } from '@/domain/access/indigenous';
import { runCancellationJob } from '@/domain/cancellations/job';
import { getEnv } from '@/platform/env';

/**
 * The background worker's jobs (platform/worker.ts schedules them; it is
 * handed these by instrumentation-node.ts and never imports the domain).
 */
export async function sweepJob(): Promise<void> {
  const env = getEnv();
  const report = await sweep();
  // Donation requests whose screenings have all started have nothing left to do: fulfilled.
  await settleFulfilledDonationRequests(getDb());
  if (env.SMTP_URL) await sendPendingEmails(env.SMTP_URL, env.MAIL_FROM);
  const busy = report.expiredHolds + report.refunded + Object.values(report.settled).reduce((a, b) => a + b, 0);
  if (busy > 0) console.log('[worker] sweep', JSON.stringify(report));
}

export async function pruneJob(): Promise<void> {
  const pruned = await pruneBuckets(getDb(), LOCKOUT.windowMinutes);
  if (pruned.rateLimitBuckets + pruned.signInFailures > 0) console.log('[worker] pruned', JSON.stringify(pruned));
}

/** Unclaimed access places back on general sale at each scheme's cut-off (domain/access/cut-off.ts). */
export async function releaseJob(): Promise<void> {
  const report = await releaseAtCutOff(getDb(), new Date());
  if (report.released + report.placesReleased + report.allotmentPlacesReturned + report.lapsed + report.retried > 0) {
    console.log('[worker] access cut-off', JSON.stringify(report));
  }
}

/** Indigenous Access waiting lists: close lapsed offers, then offer returned places to the next people in line. */
export async function waitlistOffersJob(): Promise<void> {
  const report = await offerReturnedPlaces(getDb(), getOrderSettings());
  if (report.offered + report.lapsed > 0) console.log('[worker] waiting-list offers', JSON.stringify(report));
}

/** Cancelled screenings: email holders, void free tickets, refund at the deadline or on request (domain/cancellations/job.ts). */
export async function cancellationsJob(): Promise<void> {
  const report = await runCancellationJob(getDb(), getOrderSettings());
  if (Object.values(report).some((n) => n > 0)) console.log('[worker] cancellations', JSON.stringify(report));
}
