import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '@/lib/ids';
import { hashToken, newToken, sameHash } from '@/platform/tokens';
import type { Database, Transaction } from '@/db/client';
import { endLiveHolds, reclaimExpiredHolds } from '@/domain/inventory/inventory';
import { claimBestSeats, claimNamedSeats, CompanionRule, Conflict, type HeldSeat } from './claim-seats';
import { PAID_TICKETS_POOL, placesLeft, poolUpdate, type PoolKind } from '@/domain/inventory/pools';
import { firstRow, intArray, textArray, uuidArray, type ColumnsOf } from '@/db/sql';
import type { holds, ticketTypes } from '@/db/schema';
import { hitRateLimit, rateLimitHit, type RateLimitResult } from '@/domain/limits/rate-limits';
import { sellingNowSql } from '@/domain/inventory/availability-sql';

export const HoldRequest = z.object({
  items: z
    .array(
      z.object({
        // No control characters: PostgreSQL refuses a NUL in text, which would fail the one statement (rate limit included).
        ticketType: z.string().trim().min(1).max(40).regex(/^[^\u0000-\u001f\u007f]+$/, 'a ticket type is a code such as "adult"'),
        quantity: z.number().int().min(0).max(50),
      }),
    )
    .min(1, 'choose at least one ticket')
    .max(10),
  seats: z.array(z.string().uuid('seat ids are UUIDs')).max(50).optional(),
});
export type HoldRequest = z.infer<typeof HoldRequest>;

export interface HoldSettings {
  holdMinutes: number;
  /** The most places in one hold, and the most one client may hold at once on one screening. */
  maxPerOrder: number;
}

export type HoldResult =
  | { ok: true; holdId: string; holdToken: string; seats: HeldSeat[]; expiresAt: Date; totalCents: number; quantity: number }
  | { ok: false; reason: 'screening_not_found'; message: string }
  | { ok: false; reason: 'not_on_sale'; message: string }
  | { ok: false; reason: 'invalid_request'; message: string }
  | { ok: false; reason: 'not_enough_seats'; message: string; available: number }
  | { ok: false; reason: 'seats_unavailable'; message: string; seats: string[] }
  | { ok: false; reason: 'too_many_held'; message: string };

/** Raised by marquee_hold_within_cap (migration 0005) when a client would hold more than the cap on a screening. */
const TOO_MANY_HELD = 'MQ429';

/** The SQLSTATE of a database error, through drizzle's wrapper. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** A hold request over its client's rate limit: refused before anything else is read. */
export type RateLimitedHold = Extract<RateLimitResult, { ok: false }>;

/** The rate limit a hold request counts against (the request is counted whether it is granted or not). */
export interface HoldRateLimit {
  key: string;
  /** Requests per window; one more is refused. */
  limit: number;
  windowSeconds?: number;
}

/**
 * Holds places for a buyer: reclaims expired holds of the screening when they
 * keep places it needs, takes the places with a conditional write on the pool
 * (`held + sold + n <= capacity`) and, in a reserved house, claims the seats
 * by key, all or nothing. Nothing is decided by reading first.
 *
 * One client (the rate limit's key) may hold at most `maxPerOrder` places of
 * a screening at once, counting its live holds: otherwise a patient client
 * could hold a whole screening. The cap is checked after the pool row is
 * locked (see marquee_client_live_places, migration 0011).
 *
 * The places come from `pool` (the paid tickets' pool unless an access
 * scheme's claim names its own), and the hold records it: every later move
 * of these places (checkout, fulfilment, refund, release) reads it there.
 */
export async function holdSeats(
  db: Database,
  screeningId: string,
  request: HoldRequest,
  clientKey: string,
  settings: HoldSettings,
  pool: PoolKind = PAID_TICKETS_POOL,
): Promise<HoldResult> {
  return takeHold(db, screeningId, request, clientKey, settings, pool, null);
}

/**
 * `holdSeats` for a buyer's request (the hold API, the booking form): the
 * request also counts against `rateLimit`, in the same round trip as the hold
 * itself. A request refused for any other reason still counts.
 */
export async function holdSeatsWithinRateLimit(
  db: Database,
  screeningId: string,
  request: HoldRequest,
  clientKey: string,
  settings: HoldSettings,
  rateLimit: HoldRateLimit,
): Promise<HoldResult | RateLimitedHold> {
  return takeHold(db, screeningId, request, clientKey, settings, PAID_TICKETS_POOL, rateLimit);
}

/** What marquee_take_hold (migration 0011) answers, as JSON. */
type TakeOutcome =
  | { outcome: 'rate_limited' | 'screening_not_found' | 'not_on_sale' | 'seats_named' | 'too_many_held' }
  | { outcome: 'unknown_ticket_type'; code: string }
  | { outcome: 'reserved'; types: TakenType[]; width: number | null; depth: number | null }
  | { outcome: 'not_enough_seats'; types: TakenType[]; left: number; expired: boolean }
  | { outcome: 'held'; types: TakenType[]; expires_at: string };
type TakenType = Pick<ColumnsOf<typeof ticketTypes>, 'id' | 'code' | 'price_cents'> & { quantity: number };

function takeHold(db: Database, screeningId: string, request: HoldRequest, clientKey: string, settings: HoldSettings, pool: PoolKind, rateLimit: null): Promise<HoldResult>;
function takeHold(
  db: Database,
  screeningId: string,
  request: HoldRequest,
  clientKey: string,
  settings: HoldSettings,
  pool: PoolKind,
  rateLimit: HoldRateLimit,
): Promise<HoldResult | RateLimitedHold>;
async function takeHold(
  db: Database,
  screeningId: string,
  request: HoldRequest,
  clientKey: string,
  settings: HoldSettings,
  pool: PoolKind,
  rateLimit: HoldRateLimit | null,
): Promise<HoldResult | RateLimitedHold> {
  const wanted = request.items.filter((i) => i.quantity > 0);
  const quantity = wanted.reduce((sum, i) => sum + i.quantity, 0);
  const named = request.seats ?? [];
  const invalid = (message: string) => ({ ok: false, reason: 'invalid_request', message }) as const;
  // Refused before the database is asked: a rate-limited request still counts (a rare extra round trip).
  const refuseEarly = async (message: string) => {
    if (rateLimit) {
      const limit = await hitRateLimit(db, rateLimit.key, rateLimit.limit, rateLimit.windowSeconds);
      if (!limit.ok) return limit;
    }
    return invalid(message);
  };
  if (quantity === 0) return refuseEarly('Choose at least one ticket.');
  if (quantity > settings.maxPerOrder) return refuseEarly(`At most ${settings.maxPerOrder} tickets per order.`);
  if (new Set(wanted.map((i) => i.ticketType)).size !== wanted.length) return refuseEarly('Each ticket type may appear once.');

  const holdId = randomUUID();
  const holdToken = newToken();
  const tokenHash = hashToken(holdToken);

  // The hot path is this one statement (one round trip): the rate-limit count, the on-sale rule, the ticket types
  // and, in general admission, the places, the cap and the hold (marquee_take_hold, migration 0011).
  const take = (allowed: SQL) => sql`
    marquee_take_hold(${allowed},
      (SELECT ${sellingNowSql(sql`s`)} FROM screenings s WHERE s.id = ${screeningId}),
      ${screeningId}, ${pool}::pool_kind, ${textArray(wanted.map((w) => w.ticketType))}, ${intArray(wanted.map((w) => w.quantity))},
      ${named.length > 0}, ${clientKey}, ${settings.maxPerOrder}, ${holdId}, ${tokenHash}, ${settings.holdMinutes * 60}::float8)`;
  const window = rateLimit?.windowSeconds ?? 60;
  const first = await firstRow<{ count: number | null; retry_after: number | null; result: TakeOutcome }>(
    db,
    rateLimit
      ? sql`WITH hit AS (${rateLimitHit(rateLimit.key, window)})
            SELECT hit.count, hit.retry_after, ${take(sql`hit.count <= ${rateLimit.limit}`)} AS result FROM hit`
      : sql`SELECT NULL::int AS count, NULL::int AS retry_after, ${take(sql`true`)} AS result`,
  );
  const taken = first!.result;
  switch (taken.outcome) {
    case 'rate_limited':
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, first!.retry_after ?? window) };
    case 'screening_not_found':
      return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
    case 'not_on_sale':
      return { ok: false, reason: 'not_on_sale', message: 'This screening is not on sale.' };
    case 'unknown_ticket_type':
      return invalid(`Unknown ticket type "${taken.code}".`);
    case 'seats_named':
      return invalid('This screening has unreserved seating: do not name seats.');
    case 'too_many_held':
      return tooManyHeld(settings);
    case 'held':
      return { ok: true, holdId, holdToken, seats: [], expiresAt: new Date(taken.expires_at), totalCents: totalOf(taken.types), quantity };
    case 'not_enough_seats':
      // Refused while expired holds keep places: give those back, then try once more (rare, several round trips).
      if (!taken.expired) return notEnoughSeats(taken.left);
      return retryInTransaction(db, { screeningId, pool, quantity, clientKey, settings, holdId, holdToken, tokenHash, types: taken.types, named, house: null });
    case 'reserved':
      if (named.length > 0 && (named.length !== quantity || new Set(named).size !== named.length)) {
        return invalid(`Choose exactly ${quantity} different seats.`);
      }
      return retryInTransaction(db, { screeningId, pool, quantity, clientKey, settings, holdId, holdToken, tokenHash, types: taken.types, named, house: taken });
  }
}

const totalOf = (types: TakenType[]) => types.reduce((sum, t) => sum + t.price_cents * t.quantity, 0);

function notEnoughSeats(available: number) {
  return {
    ok: false,
    reason: 'not_enough_seats',
    message: available === 0 ? 'Sold out.' : `Only ${available} place${available === 1 ? '' : 's'} left.`,
    available,
  } as const;
}

function tooManyHeld(settings: HoldSettings) {
  return {
    ok: false,
    reason: 'too_many_held',
    message: `You already hold places for this screening: at most ${settings.maxPerOrder} at a time. Complete or release your other booking first.`,
  } as const;
}

interface TakeInTransaction {
  screeningId: string;
  pool: PoolKind;
  quantity: number;
  clientKey: string;
  settings: HoldSettings;
  holdId: string;
  holdToken: string;
  tokenHash: string;
  types: TakenType[];
  named: string[];
  /** The reserved house to claim seats in; null in general admission. */
  house: { width: number | null; depth: number | null } | null;
}

/**
 * The hold in a transaction: a reserved house (the places and the seats, all or nothing), or general
 * admission refused while expired holds kept places (reclaim them, then take again).
 */
async function retryInTransaction(db: Database, t: TakeInTransaction): Promise<HoldResult> {
  const { screeningId, pool, quantity, clientKey, settings, holdId, holdToken, named, house } = t;
  // One statement: take the places with a conditional write on the pool and record the hold and its items only
  // if that write succeeded. A refusal comes back with what is left and whether expired holds are keeping places
  // (the pool row as it was before this statement, which for a refusal is unchanged).
  const takeAndRecord = async (tx: Transaction) => {
    const row = await firstRow<{ expires_at: string | null; left: number; expired: boolean }>(tx, sql`
      WITH pool AS (
        ${poolUpdate.hold(screeningId, pool, quantity)}
        RETURNING screening_id),
      hold AS (
        INSERT INTO holds (id, screening_id, pool_kind, quantity, token_hash, client_key, expires_at)
        SELECT ${holdId}, marquee_hold_within_cap(pool.screening_id, ${clientKey}, ${quantity}, ${settings.maxPerOrder}),
               ${pool}::pool_kind, ${quantity}, ${t.tokenHash}, ${clientKey},
               now() + make_interval(secs => ${settings.holdMinutes * 60})
        FROM pool RETURNING id, expires_at),
      items AS (
        INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents)
        SELECT hold.id, x.type_id, x.quantity, x.price FROM hold,
               unnest(${uuidArray(t.types.map((x) => x.id))}, ${intArray(t.types.map((x) => x.quantity))}, ${intArray(t.types.map((x) => x.price_cents))}) AS x(type_id, quantity, price)
        RETURNING 1)
      SELECT (SELECT to_json(expires_at) FROM hold) AS expires_at,
             (SELECT count(*) FROM items) AS items,
             ${placesLeft(screeningId, pool)} AS left,
             EXISTS (SELECT 1 FROM holds WHERE screening_id = ${screeningId} AND pool_kind = ${pool}::pool_kind AND status = 'active' AND expires_at <= now()) AS expired`);
    return row!;
  };
  // The statement's own read predates a competitor's commit that made its update fail; when it
  // contradicts the refusal (it saw room), read again so the 409 reports what is really left.
  const leftAfterRefusal = async (tx: Transaction, seen: number) => {
    if (seen < quantity) return seen;
    const row = await firstRow<{ left: number | null }>(tx, sql`SELECT ${placesLeft(screeningId, pool)} AS left`);
    return row?.left ?? 0;
  };

  try {
    return await db.transaction(async (tx) => {
      // The seat map shows seats of run-out holds as free (domain/catalogue/screenings.ts): a buyer who picks one gets it.
      if (named.length > 0) await reclaimExpiredHolds(tx, screeningId);
      // General admission comes here only after a refusal while expired holds kept places.
      let taken = house ? await takeAndRecord(tx) : null;
      if ((!taken || (!taken.expires_at && taken.expired)) && (await reclaimExpiredHolds(tx, screeningId)) > 0) {
        taken = await takeAndRecord(tx);
      }
      if (!taken) taken = await takeAndRecord(tx);
      if (!taken.expires_at) return notEnoughSeats(await leftAfterRefusal(tx, taken.left));
      const seats = house ? (named.length > 0 ? await claimNamedSeats(tx, screeningId, holdId, named) : await claimBestSeats(tx, screeningId, holdId, quantity, house)) : [];
      return { ok: true, holdId, holdToken, seats, expiresAt: new Date(taken.expires_at), totalCents: totalOf(t.types), quantity } as const;
    });
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, reason: 'seats_unavailable', message: error.message, seats: named };
    if (error instanceof CompanionRule) return { ok: false, reason: 'invalid_request', message: error.message };
    if (sqlState(error) === TOO_MANY_HELD) return tooManyHeld(settings);
    throw error;
  }
}

export type HoldAccess =
  | { ok: true; holdId: string; status: string; expired: boolean }
  | { ok: false; reason: 'not_found' | 'forbidden' };

/** Checks a hold token; unknown hold and wrong token are told apart only as 404 vs 403. */
export async function checkHoldToken(db: Database | Transaction, holdId: string, token: string | null): Promise<HoldAccess> {
  if (!isUuid(holdId)) return { ok: false, reason: 'not_found' };
  const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'token_hash' | 'status'> & { expired: boolean }>(db, sql`
    SELECT token_hash, status, expires_at <= now() AS expired FROM holds WHERE id = ${holdId}`);
  if (!hold) return { ok: false, reason: 'not_found' };
  if (!token || !sameHash(hold.token_hash, hashToken(token))) return { ok: false, reason: 'forbidden' };
  return { ok: true, holdId, status: hold.status, expired: hold.expired };
}

export type ReleaseResult = { ok: true; released: boolean } | { ok: false; reason: 'payment_pending' | 'not_found' | 'forbidden' };

/** Gives an active hold's places back at once. A hold in checkout must go through Stripe first. */
export async function releaseHold(db: Database, holdId: string, token: string | null): Promise<ReleaseResult> {
  return db.transaction(async (tx) => {
    const access = await checkHoldToken(tx, holdId, token);
    if (!access.ok) return access;
    if (access.status === 'checkout') return { ok: false, reason: 'payment_pending' } as const;
    const ended = await endLiveHolds(tx, [holdId], 'released');
    return { ok: true, released: ended.length > 0 } as const;
  });
}
