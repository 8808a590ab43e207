import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { holds, users, waitlistEntries } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { issueFreeTickets, type FreeTicketsResult } from '@/domain/access/issue-tickets';
import { returnLatePlacesToGeneralSale, voidAccessTickets } from '@/domain/access/return-places';
import { getSchemeSettings } from '@/domain/access/settings';
import { claimBestSeats, Conflict } from '@/domain/booking/claim-seats';
import { sellingNowSql } from '@/domain/inventory/availability-sql';
import { endLiveHolds, reclaimExpiredHolds } from '@/domain/inventory/inventory';
import { poolUpdate } from '@/domain/inventory/pools';
import { queueEmail } from '@/domain/notifications/emails';
import type { OrderSettings } from '@/domain/payments/orders';
import { transact } from '@/domain/shared/refusal';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { seatLabel, type SeatKind } from '@/lib/seats';
import { DEFAULT_SCHEME_SETTINGS } from '@/domain/access/settings';
import { renderWaitlistOffer } from '@/platform/email/waitlist-offer';
import { hashToken, newToken, sameHash } from '@/platform/tokens';
import { formNumber } from '@/domain/shared/form-number';

/*
 * Indigenous Access: free tickets for people who self-identify, with nothing stored beyond the fact of the claim
 * (the order's scheme). Per-person limits are counted under a lock on the person's users row, so two claims by one
 * person at the same moment are serialised and the second sees the first's tickets; the places themselves come from
 * the scheme's pool through issueFreeTickets' conditional write, so the allocation is never overdrawn.
 */

const SCHEME = 'indigenous_access' as const;

/** The acting person, as the guards give them. */
export interface Claimant {
  id: string;
  name: string | null;
  email: string;
}

export const IndigenousClaimRequest = z.object({
  quantity: formNumber(z.number({ error: 'quantity must be a number' }).int('quantity must be a whole number').min(1, 'choose at least 1 ticket').max(10, 'at most 10 tickets')),
  seats: z.array(z.guid('seat ids are UUIDs')).max(10).optional(),
  // The one question asked: no proof, no Nation or ancestry question.
  selfIdentified: z.literal(true, { error: 'please confirm that you are First Nations, Métis or Inuit' }),
});
export type IndigenousClaimRequest = z.infer<typeof IndigenousClaimRequest>;

export const WaitlistRequest = z.object({
  quantity: formNumber(z.number({ error: 'quantity must be a number' }).int('quantity must be a whole number').min(1, 'choose at least 1 ticket').max(10, 'at most 10 tickets')),
});

type FreeTicketsFailure = Extract<FreeTicketsResult, { ok: false }>;

export type ClaimIndigenousResult =
  | { ok: true; orderId: string; orderNumber: string; tickets: { id: string; code: string; seat: string | null }[] }
  | FreeTicketsFailure
  | { ok: false; reason: 'not_on_sale' | 'claims_closed' | 'limit_reached'; message: string };

interface ScreeningForClaims {
  festival_id: string;
  selling: boolean;
  started: boolean;
  released: boolean;
  cut_off: string;
  before_cut_off: boolean;
  reserved: boolean;
  width: number | null;
  depth: number | null;
  type_id: string | null;
}

/** The facts a claim or an offer needs about a screening, with the scheme's cut-off (release_hours_before). */
async function screeningForClaims(db: SqlRunner, screeningId: string): Promise<ScreeningForClaims | null> {
  return firstRow<ScreeningForClaims>(db, sql`
    WITH cfg AS (
      SELECT s.id, s.starts_at - make_interval(hours => coalesce(
               (SELECT release_hours_before FROM access_scheme_settings WHERE festival_id = s.festival_id AND scheme = ${SCHEME}::access_scheme),
               ${defaultReleaseHours()})) AS cut_off
      FROM screenings s WHERE s.id = ${screeningId})
    SELECT s.festival_id, ${sellingNowSql(sql`s`)} AS selling, s.starts_at <= now() AS started,
           coalesce((SELECT released_at IS NOT NULL FROM access_allocations WHERE screening_id = s.id AND scheme = ${SCHEME}::access_scheme), true) AS released,
           to_json(cfg.cut_off) AS cut_off, cfg.cut_off > now() AS before_cut_off,
           v.seating = 'reserved' AS reserved,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(x) + 1 FROM seats WHERE venue_id = v.id) END AS width,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(y) + 1 FROM seats WHERE venue_id = v.id) END AS depth,
           (SELECT t.id FROM ticket_types t WHERE t.screening_id = s.id AND t.scheme = ${SCHEME}::access_scheme) AS type_id
    FROM screenings s JOIN cfg ON cfg.id = s.id JOIN venues v ON v.id = s.venue_id`);
}

function defaultReleaseHours(): number {
  return DEFAULT_SCHEME_SETTINGS[SCHEME].releaseHoursBefore;
}

/**
 * The person's Indigenous Access places that count against their limits: valid tickets and live offers, at this
 * screening and across the festival. `ticketsOnly` leaves the offers out: claiming an offer counts the person's tickets
 * and that offer alone, because every offer was made only when it fitted beside their tickets and other offers
 * (offerAtScreening), and a direct claim counts live offers, so the offers a person holds can always all be claimed.
 */
async function placesOfPerson(tx: SqlRunner, userId: string, screeningId: string, festivalId: string, ticketsOnly = false) {
  const except = ticketsOnly ? sql`AND false` : sql``;
  return (await firstRow<{ here: number; festival: number }>(tx, sql`
    WITH mine AS (
      SELECT t.screening_id, 1 AS n FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE o.user_id = ${userId} AND o.scheme = ${SCHEME}::access_scheme AND t.status = 'valid'
      UNION ALL
      SELECT w.screening_id, w.quantity FROM waitlist_entries w JOIN holds h ON h.id = w.offer_hold_id
      WHERE w.user_id = ${userId} AND w.scheme = ${SCHEME}::access_scheme AND w.status = 'offered' AND h.status = 'active' ${except})
    SELECT coalesce(sum(n) FILTER (WHERE mine.screening_id = ${screeningId}), 0)::int AS here,
           coalesce(sum(n), 0)::int AS festival
    FROM mine JOIN screenings s ON s.id = mine.screening_id WHERE s.festival_id = ${festivalId}`))!;
}

/** Refuses when `quantity` more places would take the person past the festival's per-screening or per-festival limit. */
async function checkLimits(
  tx: SqlRunner,
  userId: string,
  screeningId: string,
  festivalId: string,
  quantity: number,
  ticketsOnly = false,
): Promise<{ ok: true } | { ok: false; reason: 'limit_reached'; message: string }> {
  const limits = await getSchemeSettings(tx, festivalId, SCHEME);
  const mine = await placesOfPerson(tx, userId, screeningId, festivalId, ticketsOnly);
  if (limits.perScreeningLimit !== null && mine.here + quantity > limits.perScreeningLimit) {
    const left = Math.max(0, limits.perScreeningLimit - mine.here);
    return {
      ok: false,
      reason: 'limit_reached',
      message:
        left === 0
          ? `You already have the ${limits.perScreeningLimit} Indigenous Access tickets one person may claim for this screening.`
          : `One person may claim ${limits.perScreeningLimit} tickets for this screening: you can claim ${left} more.`,
    };
  }
  if (limits.perFestivalLimit !== null && mine.festival + quantity > limits.perFestivalLimit) {
    const left = Math.max(0, limits.perFestivalLimit - mine.festival);
    return {
      ok: false,
      reason: 'limit_reached',
      message:
        left === 0
          ? `You already have the ${limits.perFestivalLimit} Indigenous Access tickets one person may claim for this festival.`
          : `One person may claim ${limits.perFestivalLimit} tickets across the festival: you can claim ${left} more.`,
    };
  }
  return { ok: true };
}

/** Serialises one person's claims, offers and list entries: every command below takes this lock first. */
async function lockPerson(tx: Transaction, userId: string): Promise<boolean> {
  const row = await firstRow<Pick<ColumnsOf<typeof users>, 'id'>>(tx, sql`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`);
  return row !== null;
}

function claimsOpen(s: ScreeningForClaims): { ok: true } | { ok: false; reason: 'not_on_sale' | 'claims_closed'; message: string } {
  if (!s.selling) return { ok: false, reason: 'not_on_sale', message: 'This screening is not open for tickets.' };
  if (s.released || !s.before_cut_off) {
    return { ok: false, reason: 'claims_closed', message: 'Indigenous Access claims for this screening have closed; its remaining places are now on general sale.' };
  }
  return { ok: true };
}

/**
 * Claims 1..limit free Indigenous Access tickets for the signed-in person, confirmed at once: a $0 order, e-tickets
 * emailed like paid ones. One transaction: the person's row lock, their limits, the screening's state, then the places.
 */
export async function claimIndigenousTickets(
  db: Database,
  user: Claimant,
  input: { screeningId: string; quantity: number; seatIds?: string[]; selfIdentified: true },
  settings: OrderSettings,
): Promise<ClaimIndigenousResult> {
  if (input.selfIdentified !== true) return { ok: false, reason: 'invalid_request', message: 'Please confirm that you are First Nations, Métis or Inuit.' };
  return transact<ClaimIndigenousResult, ClaimIndigenousResult>(db, async (tx, refuse) => {
    if (!(await lockPerson(tx, user.id))) refuse({ ok: false, reason: 'invalid_request', message: 'Please sign in again.' });
    const s = await screeningForClaims(tx, input.screeningId);
    if (!s || !s.type_id) refuse({ ok: false, reason: 'screening_not_found', message: 'No such screening.' });
    const open = claimsOpen(s!);
    if (!open.ok) refuse(open);
    const limit = await checkLimits(tx, user.id, input.screeningId, s!.festival_id, input.quantity);
    if (!limit.ok) refuse(limit);
    const issued = await issueFreeTickets(
      tx,
      {
        screeningId: input.screeningId,
        scheme: SCHEME,
        pool: SCHEME,
        quantity: input.quantity,
        seatIds: input.seatIds,
        buyer: { name: user.name?.trim() || user.email, email: user.email, userId: user.id },
      },
      settings,
    );
    if (!issued.ok) refuse(issued);
    // A person who was waiting for this screening has what they waited for: they leave the line.
    await tx.execute(sql`UPDATE waitlist_entries SET status = 'claimed', ended_at = now()
      WHERE screening_id = ${input.screeningId} AND scheme = ${SCHEME}::access_scheme AND user_id = ${user.id} AND status = 'waiting'`);
    return issued as Extract<ClaimIndigenousResult, { ok: true }>;
  });
}

export type CancelIndigenousResult =
  | { ok: true; voided: number; orderCancelled: boolean; screeningId: string }
  | { ok: false; reason: 'order_not_found' | 'nothing_to_void' | 'screening_started' };

/**
 * Gives back the person's own Indigenous Access tickets (all, or the ones named): their places return to the
 * allocation (or to general sale after the cut-off), then the waiting list is offered them. Someone else's order
 * looks exactly like a missing one.
 */
export async function cancelIndigenousClaim(db: Database, user: Claimant, orderId: string, settings: OrderSettings, ticketIds?: string[]): Promise<CancelIndigenousResult> {
  const result = await transact<CancelIndigenousResult, CancelIndigenousResult>(db, async (tx, refuse) => {
    await lockPerson(tx, user.id);
    const order = await firstRow<{ screening_id: string; started: boolean }>(tx, sql`
      SELECT o.screening_id, s.starts_at <= now() AS started FROM orders o JOIN screenings s ON s.id = o.screening_id
      WHERE o.id = ${orderId} AND o.user_id = ${user.id} AND o.scheme = ${SCHEME}::access_scheme`);
    if (!order) refuse({ ok: false, reason: 'order_not_found' });
    if (order!.started) refuse({ ok: false, reason: 'screening_started' });
    const voided = await voidAccessTickets(tx, orderId, ticketIds);
    if (!voided.ok) refuse({ ok: false, reason: voided.reason === 'nothing_to_void' ? 'nothing_to_void' : 'order_not_found' });
    if (!voided.ok) throw new Error('unreachable');
    return { ok: true, voided: voided.voided, orderCancelled: voided.orderCancelled, screeningId: order!.screening_id } as const;
  });
  // The returned places go to the first people in line straight away (the worker would otherwise within a minute).
  if (result.ok) await offerReturnedPlaces(db, settings, result.screeningId);
  return result;
}

export type JoinWaitlistResult =
  | { ok: true; entryId: string }
  | { ok: false; reason: 'screening_not_found' | 'not_on_sale' | 'claims_closed' | 'limit_reached' | 'already_waiting' | 'invalid_request'; message: string };

/** "Tell me if places come back": joins the line for a screening, once per person, for what their limits still allow. */
export async function joinWaitlist(db: Database, user: Claimant, input: { screeningId: string; quantity: number }): Promise<JoinWaitlistResult> {
  return transact<JoinWaitlistResult, JoinWaitlistResult>(db, async (tx, refuse) => {
    await lockPerson(tx, user.id);
    const s = await screeningForClaims(tx, input.screeningId);
    if (!s || !s.type_id) refuse({ ok: false, reason: 'screening_not_found', message: 'No such screening.' });
    const open = claimsOpen(s!);
    if (!open.ok) refuse(open);
    const limit = await checkLimits(tx, user.id, input.screeningId, s!.festival_id, input.quantity);
    if (!limit.ok) refuse(limit);
    // The partial unique index (one live entry per person, screening and scheme) is the backstop against a double submit.
    const entry = await firstRow<Pick<ColumnsOf<typeof waitlistEntries>, 'id'>>(tx, sql`
      INSERT INTO waitlist_entries (screening_id, scheme, user_id, quantity)
      VALUES (${input.screeningId}, ${SCHEME}::access_scheme, ${user.id}, ${input.quantity})
      ON CONFLICT (screening_id, scheme, user_id) WHERE status IN ('waiting', 'offered') DO NOTHING
      RETURNING id`);
    if (!entry) refuse({ ok: false, reason: 'already_waiting', message: 'You are already on the waiting list for this screening.' });
    return { ok: true, entryId: entry!.id } as const;
  });
}

export type LeaveWaitlistResult = { ok: true; left: number } | { ok: false; reason: 'entry_not_found' };

/** Leaves the line for a screening (or one entry); an open offer's places go to the next person. */
export async function leaveWaitlist(db: Database, user: Claimant, target: { screeningId?: string; entryId?: string }, settings: OrderSettings): Promise<LeaveWaitlistResult> {
  if (!target.screeningId && !target.entryId) return { ok: false, reason: 'entry_not_found' };
  const which = target.entryId ? sql`id = ${target.entryId}` : sql`screening_id = ${target.screeningId!}`;
  const left = await db.transaction(async (tx) => {
    await lockPerson(tx, user.id);
    const ended = await rows<Pick<ColumnsOf<typeof waitlistEntries>, 'screening_id' | 'offer_hold_id'>>(tx, sql`
      UPDATE waitlist_entries SET status = 'withdrawn', ended_at = now()
      WHERE ${which} AND user_id = ${user.id} AND scheme = ${SCHEME}::access_scheme AND status IN ('waiting', 'offered')
      RETURNING screening_id, offer_hold_id`);
    const offerHolds = ended.map((e) => e.offer_hold_id).filter((h): h is string => h !== null);
    const endedHolds = await endLiveHolds(tx, offerHolds, 'released');
    // After the cut-off an offer's places follow the rest of the allocation to general sale, as a cancellation's do.
    if (endedHolds.length > 0) {
      const back = await rows<{ screening_id: string; quantity: number }>(tx, sql`
        SELECT h.screening_id, h.quantity FROM holds h WHERE h.id = ANY(${uuidArray(endedHolds)})`);
      for (const b of back) await returnLatePlacesToGeneralSale(tx, b.screening_id, SCHEME, b.quantity);
    }
    return { count: ended.length, screenings: [...new Set(ended.filter((e) => e.offer_hold_id).map((e) => e.screening_id))] };
  });
  if (left.count === 0) return { ok: false, reason: 'entry_not_found' };
  for (const screeningId of left.screenings) await offerReturnedPlaces(db, settings, screeningId);
  return { ok: true, left: left.count };
}

export interface OfferRunReport {
  offered: number;
  lapsed: number;
  movedToGeneralSale: number;
}

/**
 * Offers returned places to the waiting list, in line order: each offer is a hold on the scheme's pool (seats claimed
 * in a reserved house) that lasts offer_minutes, never past the cut-off, and an email with a claim link. Lapsed offers
 * are closed first, and after the cut-off their places follow the allocation to general sale. The scheme's pool row is
 * locked before the line is read, so two runs at once never offer the same places twice.
 */
export async function offerReturnedPlaces(db: Database, settings: OrderSettings, screeningId?: string): Promise<OfferRunReport> {
  const only = screeningId ? sql`AND w.screening_id = ${screeningId}` : sql``;
  const report: OfferRunReport = { offered: 0, lapsed: 0, movedToGeneralSale: 0 };

  // 1. Offers whose time is up: the entry first, then its hold, then the pool (the claim's lock order).
  const due = await rows<Pick<ColumnsOf<typeof waitlistEntries>, 'id'>>(db, sql`
    SELECT w.id FROM waitlist_entries w LEFT JOIN holds h ON h.id = w.offer_hold_id
    WHERE w.scheme = ${SCHEME}::access_scheme AND w.status = 'offered' ${only}
      AND (w.offer_expires_at <= now() OR h.status IS DISTINCT FROM 'active' OR h.expires_at <= now())
    ORDER BY w.offer_expires_at LIMIT 200`);
  for (const d of due) {
    await db.transaction(async (tx) => {
      const entry = await firstRow<Pick<ColumnsOf<typeof waitlistEntries>, 'screening_id' | 'offer_hold_id' | 'quantity'>>(tx, sql`
        UPDATE waitlist_entries w SET status = 'lapsed', ended_at = now()
        FROM (SELECT id FROM waitlist_entries WHERE id = ${d.id} AND status = 'offered' FOR UPDATE SKIP LOCKED) x
        WHERE w.id = x.id RETURNING w.screening_id, w.offer_hold_id, w.quantity`);
      if (!entry) return;
      if (entry.offer_hold_id) await endLiveHolds(tx, [entry.offer_hold_id], 'expired');
      report.lapsed += 1;
      report.movedToGeneralSale += await returnLatePlacesToGeneralSale(tx, entry.screening_id, SCHEME, entry.quantity);
    });
  }

  // 2. Screenings with people waiting and places free in the scheme's pool.
  const candidates = await rows<{ screening_id: string }>(db, sql`
    SELECT DISTINCT w.screening_id FROM waitlist_entries w
    JOIN inventory_pools p ON p.screening_id = w.screening_id AND p.kind = ${SCHEME}::pool_kind
    WHERE w.scheme = ${SCHEME}::access_scheme AND w.status = 'waiting' ${only} AND p.capacity - p.held - p.sold > 0
    LIMIT 200`);
  for (const c of candidates) report.offered += await offerAtScreening(db, settings, c.screening_id);
  return report;
}

async function offerAtScreening(db: Database, settings: OrderSettings, screeningId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const s = await screeningForClaims(tx, screeningId);
    if (!s || !s.type_id || !claimsOpen(s).ok) return 0;
    await reclaimExpiredHolds(tx, screeningId);
    // The lock that serialises offer runs for this screening: a second run waits here and then sees the first's offers.
    const pool = await firstRow<{ free: number }>(tx, sql`
      SELECT capacity - held - sold AS free FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = ${SCHEME}::pool_kind FOR UPDATE`);
    let free = pool?.free ?? 0;
    if (free <= 0) return 0;
    const line = await rows<Pick<ColumnsOf<typeof waitlistEntries>, 'id' | 'user_id' | 'quantity'> & { email: string; name: string | null; title: string; minutes: number }>(tx, sql`
      SELECT w.id, w.user_id, w.quantity, u.email, u.name, ${offerTitleSql()} AS title,
             coalesce((SELECT offer_minutes FROM access_scheme_settings WHERE festival_id = ${s.festival_id} AND scheme = ${SCHEME}::access_scheme),
                      ${DEFAULT_SCHEME_SETTINGS[SCHEME].offerMinutes}) AS minutes
      FROM waitlist_entries w JOIN users u ON u.id = w.user_id
      WHERE w.screening_id = ${screeningId} AND w.scheme = ${SCHEME}::access_scheme AND w.status = 'waiting'
      ORDER BY w.created_at, w.id FOR UPDATE OF w`);
    let offered = 0;
    for (const entry of line) {
      // Strictly in line order: the first person whose request does not fit waits for more places, and so does everyone behind them.
      if (entry.quantity > free) break;
      // An offer the person could not take (it would pass their limits beside their tickets and other offers) would only
      // keep places from the people behind them: they stay in line, and are offered once it fits.
      if (!(await checkLimits(tx, entry.user_id, screeningId, s.festival_id, entry.quantity)).ok) continue;
      const holdId = randomUUID();
      const token = newToken();
      const made = await tx
        .transaction(async (sp) => {
          const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'expires_at'>>(sp, sql`
            INSERT INTO holds (id, screening_id, pool_kind, status, quantity, token_hash, client_key, expires_at)
            VALUES (${holdId}, ${screeningId}, ${SCHEME}::pool_kind, 'active', ${entry.quantity}, ${hashToken(newToken())}, ${`waitlist:${entry.id}`},
                    least(now() + make_interval(mins => ${entry.minutes}), ${s.cut_off}::timestamptz))
            RETURNING to_json(expires_at) AS expires_at`);
          await sp.execute(sql`INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents) VALUES (${holdId}, ${s.type_id}, ${entry.quantity}, 0)`);
          const taken = await sp.execute(sql`${poolUpdate.hold(screeningId, SCHEME, entry.quantity)} RETURNING 1`);
          if (taken.length === 0) throw new Conflict('no places');
          if (s.reserved) await claimBestSeats(sp, screeningId, holdId, entry.quantity, s);
          await sp.execute(sql`UPDATE waitlist_entries SET status = 'offered', offer_hold_id = ${holdId}, offer_token_hash = ${hashToken(token)},
                                 offer_expires_at = ${hold!.expires_at}::timestamptz WHERE id = ${entry.id}`);
          const email = renderWaitlistOffer({
            name: entry.name,
            title: entry.title,
            quantity: entry.quantity,
            claimUrl: `${settings.baseUrl}/access/indigenous/offers/${entry.id}?token=${token}`,
            expiresAt: new Date(hold!.expires_at),
            timeZone: await festivalZone(sp, s.festival_id),
          });
          await queueEmail(sp, entry.email, email, settings.emailStatus);
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof Conflict) return false;
          throw error;
        });
      if (!made) break;
      free -= entry.quantity;
      offered += 1;
    }
    return offered;
  });
}

function offerTitleSql() {
  return sql`(SELECT ${screeningTitleSql(sql`ts`)} FROM screenings ts WHERE ts.id = w.screening_id)`;
}

async function festivalZone(db: SqlRunner, festivalId: string): Promise<string> {
  return (await firstRow<{ time_zone: string }>(db, sql`SELECT time_zone FROM festivals WHERE id = ${festivalId}`))!.time_zone;
}

export type ClaimOfferResult =
  | { ok: true; orderId: string; orderNumber: string }
  | FreeTicketsFailure
  | { ok: false; reason: 'offer_not_found' | 'offer_expired' | 'limit_reached'; message: string };

/** Takes up a waiting-list offer: the signed-in person it was made to, with the link's token, before it lapses. */
export async function claimIndigenousOffer(db: Database, user: Claimant, entryId: string, token: string, settings: OrderSettings): Promise<ClaimOfferResult> {
  return transact<ClaimOfferResult, ClaimOfferResult>(db, async (tx, refuse) => {
    await lockPerson(tx, user.id);
    const entry = await firstRow<
      Pick<ColumnsOf<typeof waitlistEntries>, 'screening_id' | 'quantity' | 'status' | 'offer_hold_id' | 'offer_token_hash'> & { live: boolean; festival_id: string }
    >(tx, sql`
      SELECT w.screening_id, w.quantity, w.status, w.offer_hold_id, w.offer_token_hash, s.festival_id,
             (w.offer_expires_at > now() AND h.status = 'active' AND h.expires_at > now()) AS live
      FROM waitlist_entries w JOIN screenings s ON s.id = w.screening_id LEFT JOIN holds h ON h.id = w.offer_hold_id
      WHERE w.id = ${entryId} AND w.user_id = ${user.id} AND w.scheme = ${SCHEME}::access_scheme
      FOR UPDATE OF w`);
    if (!entry || !entry.offer_token_hash || !sameHash(hashToken(token), entry.offer_token_hash)) {
      refuse({ ok: false, reason: 'offer_not_found', message: 'This offer link is not valid for your account.' });
    }
    if (entry!.status !== 'offered' || !entry!.live) {
      refuse({ ok: false, reason: 'offer_expired', message: 'This offer has ended, and its places have gone to the next person in line.' });
    }
    const limit = await checkLimits(tx, user.id, entry!.screening_id, entry!.festival_id, entry!.quantity, true);
    if (!limit.ok) refuse(limit);
    const issued = await issueFreeTickets(
      tx,
      {
        screeningId: entry!.screening_id,
        scheme: SCHEME,
        pool: SCHEME,
        quantity: entry!.quantity,
        fromHoldId: entry!.offer_hold_id!,
        buyer: { name: user.name?.trim() || user.email, email: user.email, userId: user.id },
      },
      settings,
    );
    if (!issued.ok) refuse(issued);
    if (!issued.ok) throw new Error('unreachable');
    await tx.execute(sql`UPDATE waitlist_entries SET status = 'claimed', ended_at = now() WHERE id = ${entryId}`);
    return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber } as const;
  });
}

export interface OfferView {
  id: string;
  screeningId: string;
  title: string;
  startsAt: Date;
  venueName: string;
  quantity: number;
  status: 'waiting' | 'offered' | 'claimed' | 'lapsed' | 'withdrawn';
  expiresAt: Date | null;
  live: boolean;
}

/** One of the person's own waiting-list entries (null for someone else's, as for a missing one). */
export async function getMyOffer(db: SqlRunner, user: Claimant, entryId: string): Promise<OfferView | null> {
  const found = await listEntries(db, user, sql`AND w.id = ${entryId}`);
  return found[0] ?? null;
}

/** The person's live waiting-list entries (waiting or offered), soonest screening first. */
export async function listMyWaitlistEntries(db: SqlRunner, user: Claimant): Promise<OfferView[]> {
  return listEntries(db, user, sql`AND w.status IN ('waiting', 'offered') AND s.starts_at > now()`);
}

async function listEntries(db: SqlRunner, user: Claimant, where: ReturnType<typeof sql>): Promise<OfferView[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof waitlistEntries>, 'id' | 'screening_id' | 'quantity' | 'status'> & { title: string; starts_at: string; venue_name: string; expires_at: string | null; live: boolean }
  >(db, sql`
    SELECT w.id, w.screening_id, w.quantity, w.status, ${offerTitleSql()} AS title, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           to_json(w.offer_expires_at) AS expires_at,
           (w.status = 'offered' AND w.offer_expires_at > now() AND h.status = 'active' AND h.expires_at > now()) IS TRUE AS live
    FROM waitlist_entries w JOIN screenings s ON s.id = w.screening_id JOIN venues v ON v.id = s.venue_id
    LEFT JOIN holds h ON h.id = w.offer_hold_id
    WHERE w.user_id = ${user.id} AND w.scheme = ${SCHEME}::access_scheme ${where}
    ORDER BY s.starts_at, w.created_at`);
  return found.map((r) => ({
    id: r.id,
    screeningId: r.screening_id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    venueName: r.venue_name,
    quantity: r.quantity,
    status: r.status,
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    live: r.live,
  }));
}

export interface MyIndigenousClaim {
  orderId: string;
  number: string;
  screeningId: string;
  title: string;
  startsAt: Date;
  venueName: string;
  started: boolean;
  tickets: { id: string; code: string; seat: string | null }[];
}

/** The person's Indigenous Access orders with valid tickets, soonest first. */
export async function listMyIndigenousClaims(db: SqlRunner, user: Claimant): Promise<MyIndigenousClaim[]> {
  const found = await rows<{
    id: string;
    number: string;
    screening_id: string;
    title: string;
    starts_at: string;
    venue_name: string;
    started: boolean;
    tickets: { id: string; code: string; row_label: string | null; seat_number: number | null; kind: SeatKind | null }[];
  }>(db, sql`
    SELECT o.id, o.number, o.screening_id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           s.starts_at <= now() AS started,
           (SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'row_label', st.row_label, 'seat_number', st.seat_number, 'kind', st.kind) ORDER BY t.created_at, t.id)
              FROM tickets t LEFT JOIN seats st ON st.id = t.seat_id WHERE t.order_id = o.id AND t.status = 'valid') AS tickets
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN venues v ON v.id = s.venue_id
    WHERE o.user_id = ${user.id} AND o.scheme = ${SCHEME}::access_scheme AND o.status = 'paid'
    ORDER BY s.starts_at, o.created_at`);
  return found.map((r) => ({
    orderId: r.id,
    number: r.number,
    screeningId: r.screening_id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    venueName: r.venue_name,
    started: r.started,
    tickets: (r.tickets ?? []).map((t) => ({ id: t.id, code: t.code, seat: t.row_label && t.seat_number !== null && t.kind ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind }) : null })),
  }));
}

export interface ClaimAllowance {
  open: boolean;
  /** Why claims are closed, in words for the person. */
  closedMessage: string | null;
  perScreeningLimit: number | null;
  /** How many more tickets this person may claim here now (their per-screening and per-festival limits). */
  mayClaim: number;
  /** Free places in the allocation (run-out holds counted as free, as the sweep will free them). */
  placesLeft: number;
  cutOff: Date | null;
}

/** What the claim page offers this person at this screening; null for a screening without Indigenous Access. */
export async function getClaimAllowance(db: SqlRunner, userId: string, screeningId: string): Promise<ClaimAllowance | null> {
  const s = await screeningForClaims(db, screeningId);
  if (!s || !s.type_id) return null;
  const open = claimsOpen(s);
  const limits = await getSchemeSettings(db, s.festival_id, SCHEME);
  const mine = await placesOfPerson(db, userId, screeningId, s.festival_id);
  const byScreening = limits.perScreeningLimit === null ? 10 : limits.perScreeningLimit - mine.here;
  const byFestival = limits.perFestivalLimit === null ? 10 : limits.perFestivalLimit - mine.festival;
  const left = await firstRow<{ left: number }>(db, sql`
    SELECT greatest(p.capacity - p.held - p.sold + (SELECT coalesce(sum(h.quantity), 0)::int FROM holds h
             WHERE h.screening_id = p.screening_id AND h.pool_kind = p.kind AND h.status = 'active' AND h.expires_at <= now()), 0) AS left
    FROM inventory_pools p WHERE p.screening_id = ${screeningId} AND p.kind = ${SCHEME}::pool_kind`);
  return {
    open: open.ok,
    closedMessage: open.ok ? null : open.message,
    perScreeningLimit: limits.perScreeningLimit,
    mayClaim: Math.max(0, Math.min(byScreening, byFestival, 10)),
    placesLeft: left?.left ?? 0,
    cutOff: new Date(s.cut_off),
  };
}

export interface IndigenousScreening {
  id: string;
  title: string;
  startsAt: Date;
  venueName: string;
  placesLeft: number;
  open: boolean;
}

/**
 * Upcoming screenings of the festival with an Indigenous Access allocation (optionally one film's), soonest first and
 * bounded: what the scheme's page lists with a Claim link each.
 */
/** The most screenings the Indigenous Access page lists at once (choose a day or a film for the rest). */
export const INDIGENOUS_LIST_LIMIT = 60;

export async function listIndigenousScreenings(
  db: SqlRunner,
  festivalId: string,
  filmSlug?: string,
  limit = INDIGENOUS_LIST_LIMIT,
  /** One festival day, as an instant range (lib/time.ts localDayRange): the list stays short at a festival's size. */
  day?: { start: Date; end: Date },
): Promise<IndigenousScreening[]> {
  const film = filmSlug
    ? sql`AND EXISTS (SELECT 1 FROM screening_films sf JOIN films fm ON fm.id = sf.film_id WHERE sf.screening_id = s.id AND fm.slug = ${filmSlug})`
    : sql``;
  const onDay = day ? sql`AND s.starts_at >= ${day.start.toISOString()}::timestamptz AND s.starts_at < ${day.end.toISOString()}::timestamptz` : sql``;
  const found = await rows<{ id: string; title: string; starts_at: string; venue_name: string; left: number; open: boolean }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           greatest(p.capacity - p.held - p.sold + (SELECT coalesce(sum(h.quantity), 0)::int FROM holds h
             WHERE h.screening_id = s.id AND h.pool_kind = p.kind AND h.status = 'active' AND h.expires_at <= now()), 0) AS left,
           (${sellingNowSql(sql`s`)} AND a.released_at IS NULL AND s.starts_at - make_interval(hours => coalesce(
              (SELECT release_hours_before FROM access_scheme_settings WHERE festival_id = s.festival_id AND scheme = ${SCHEME}::access_scheme),
              ${defaultReleaseHours()})) > now()) AS open
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    JOIN access_allocations a ON a.screening_id = s.id AND a.scheme = ${SCHEME}::access_scheme
    JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = ${SCHEME}::pool_kind
    WHERE s.festival_id = ${festivalId} AND s.starts_at > now() AND s.status <> 'cancelled' AND a.quantity > 0 ${film} ${onDay}
    ORDER BY s.starts_at, s.id LIMIT ${limit}`);
  return found.map((r) => ({ id: r.id, title: r.title, startsAt: new Date(r.starts_at), venueName: r.venue_name, placesLeft: r.left, open: r.open }));
}
