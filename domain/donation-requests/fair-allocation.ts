import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { FairAllocationOutcome } from '@/db/schema/donation-requests';
import { firstRow } from '@/db/sql';
import { getFaceValueCents } from '@/domain/access-fund/face-value';
import { can } from '@/domain/accounts/permissions';
import { placesLeft } from '@/domain/inventory/pools';
import type { OrderSettings } from '@/domain/payments/orders';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { runLottery } from './lottery';
import { internals, type Actor, type DecisionFailure } from './requests';

export const FairAllocationInput = z.object({
  screeningId: z.guid(),
  /**
   * Tests name it to pin an outcome; the box office never does (its action leaves it out), so the server draws it at
   * random. No quotes, so a recorded seed can be pasted into a shell to re-run the draw.
   */
  seed: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w .:,/#+-]*$/, 'use letters, digits, spaces and . : , / # + - only')
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type FairAllocationInput = z.input<typeof FairAllocationInput>;

export type FairAllocationResult =
  | { ok: true; allocationId: string; seed: string; places: number; outcome: FairAllocationOutcome[] }
  | DecisionFailure
  | { ok: false; reason: 'nothing_to_draw'; message: string };

/**
 * The fair allocation of one screening's Donated places among the submitted requests that ask for that screening
 * alone (a request naming several screenings, or a date range, is decided by hand). The places are the Donated
 * pool's free places, or as many tickets as the fund can pay for at the screening's face value, whichever is fewer.
 * The seeded lottery (lottery.ts) orders the requests; each is approved whole (the same path as a staff approval:
 * tickets, fund debits, email) or declined with the seed named in its reason. The seed, the places and the outcome
 * are recorded, so anyone can re-run `runLottery(seed, places, requests)` and get the same answer.
 *
 * One transaction, with the requests' rows locked (in id order), then the fund's, then the pool's: a staff approval
 * of one of them at the same moment either happens first (and the request is no longer in the draw) or waits.
 */
export async function runFairAllocation(db: Database, staff: Actor, input: FairAllocationInput, settings: OrderSettings): Promise<FairAllocationResult> {
  if (!can(staff, 'access.review')) return { ok: false, reason: 'forbidden', message: 'Only festival staff run a fair allocation.' };
  const parsed = FairAllocationInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join('; ') };
  const { screeningId } = parsed.data;
  const seed = parsed.data.seed ?? randomBytes(16).toString('hex');
  return transact<FairAllocationResult, DecisionFailure | { ok: false; reason: 'nothing_to_draw'; message: string }>(db, async (tx, refuse) => {
    const screening = await firstRow<{ festival_id: string; open: boolean }>(tx, sql`
      SELECT festival_id, (status <> 'cancelled' AND starts_at > now()) AS open FROM screenings WHERE id = ${screeningId}`);
    if (!screening) return refuse({ ok: false, reason: 'screening_not_found', message: 'No such screening.' });
    if (!screening.open) return refuse({ ok: false, reason: 'screening_closed', message: 'This screening has started or was cancelled.' });
    const requests = await internals.lockRequest(tx, '', screeningId);
    if (requests.length === 0) return refuse({ ok: false, reason: 'nothing_to_draw', message: 'No submitted request asks for this screening alone.' });
    const balance = await internals.lockFund(tx, screening.festival_id);
    const face = (await getFaceValueCents(tx, screeningId)) ?? 0;
    const free = (await firstRow<{ left: number | null }>(tx, sql`SELECT ${placesLeft(screeningId, 'donated')} AS left`))?.left ?? 0;
    const places = face > 0 ? Math.min(free, Math.floor(balance / face)) : free;

    const outcome = runLottery(
      seed,
      places,
      requests.map((r) => ({ requestId: r.id, quantity: r.quantity })),
    );
    const recorded = await firstRow<{ id: string }>(tx, sql`
      INSERT INTO fair_allocations (screening_id, seed, places, outcome, run_by)
      VALUES (${screeningId}, ${seed}, ${places}, ${JSON.stringify(outcome)}::jsonb, ${staff.id}) RETURNING id`);
    const byId = new Map(requests.map((r) => [r.id, r]));
    for (const o of outcome) {
      const request = byId.get(o.requestId)!;
      if (o.granted) {
        await internals.issueForRequest(tx, staff, request, [{ screeningId, quantity: o.quantity, source: 'donated' }], null, settings, refuse);
      } else {
        await internals.declineLocked(tx, staff, request, `Not drawn in the fair allocation (seed ${seed}): when your request came up in the draw, the places left could not cover it whole.`, settings, refuse);
      }
    }
    await recordAudit(tx, staff, {
      action: 'runFairAllocation', subjectKind: 'screening', subjectId: screeningId, screeningId,
      after: { seed, places, granted: outcome.filter((o) => o.granted).length, declined: outcome.filter((o) => !o.granted).length },
    });
    return { ok: true, allocationId: recorded!.id, seed, places, outcome };
  });
}
