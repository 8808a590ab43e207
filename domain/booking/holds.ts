import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '@/lib/ids';
import { hashToken, newToken, sameHash } from '@/platform/tokens';
import type { Database, Transaction } from '@/db/client';
import { endLiveHolds, reclaimExpiredHolds } from '@/domain/inventory/inventory';
import { claimBestSeats, claimNamedSeats, CompanionRule, Conflict, type HeldSeat } from './claim-seats';
import { PAID_TICKETS_POOL, placesLeft, poolUpdate, type PoolKind } from '@/domain/inventory/pools';
import { firstRow, intArray, uuidArray, type ColumnsOf } from '@/db/sql';
import type { holds, ticketTypes, venues } from '@/db/schema';
import { sellingNowSql } from '@/domain/inventory/availability-sql';

export const HoldRequest = z.object({
  items: z
    .array(z.object({ ticketType: z.string().trim().min(1).max(40), quantity: z.number().int().min(0).max(50) }))
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

/**
 * Holds places for a buyer in one transaction: reclaims expired holds of the
 * screening, then takes the places with a conditional write on the pool
 * (`held + sold + n <= capacity`) and, in a reserved house, claims the seats
 * by key, all or nothing. Nothing is decided by reading first.
 *
 * One client (the rate limit's key) may hold at most `maxPerOrder` places of
 * a screening at once, counting its live holds: otherwise a patient client
 * could hold a whole screening. The cap is checked in the same statement,
 * after the pool row is locked (see marquee_hold_within_cap).
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
  const wanted = request.items.filter((i) => i.quantity > 0);
  const quantity = wanted.reduce((sum, i) => sum + i.quantity, 0);
  if (quantity === 0) return { ok: false, reason: 'invalid_request', message: 'Choose at least one ticket.' };
  if (quantity > settings.maxPerOrder) {
    return { ok: false, reason: 'invalid_request', message: `At most ${settings.maxPerOrder} tickets per order.` };
  }
  if (new Set(wanted.map((i) => i.ticketType)).size !== wanted.length) {
    return { ok: false, reason: 'invalid_request', message: 'Each ticket type may appear once.' };
  }

  const screening = await firstRow<
    Pick<ColumnsOf<typeof venues>, 'seating'> & {
      selling: boolean;
      width: number | null;
      depth: number | null;
      types: Pick<ColumnsOf<typeof ticketTypes>, 'id' | 'code' | 'price_cents'>[];
    }
  >(db, sql`
    SELECT v.seating,
           ${sellingNowSql(sql`s`)} AS selling,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(x) + 1 FROM seats WHERE venue_id = v.id) END AS width,
           CASE WHEN v.seating = 'reserved' THEN (SELECT max(y) + 1 FROM seats WHERE venue_id = v.id) END AS depth,
           coalesce((SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'price_cents', t.price_cents))
                     FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL), '[]'::json) AS types
    FROM screenings s JOIN venues v ON v.id = s.venue_id WHERE s.id = ${screeningId}`);
  if (!screening) return { ok: false, reason: 'screening_not_found', message: 'No such screening.' };
  if (!screening.selling) return { ok: false, reason: 'not_on_sale', message: 'This screening is not on sale.' };

  const items = [];
  for (const w of wanted) {
    const type = screening.types.find((t) => t.code === w.ticketType);
    if (!type) return { ok: false, reason: 'invalid_request', message: `Unknown ticket type "${w.ticketType}".` };
    items.push({ type, quantity: w.quantity });
  }
  const reserved = screening.seating === 'reserved';
  const named = request.seats ?? [];
  if (!reserved && named.length > 0) {
    return { ok: false, reason: 'invalid_request', message: 'This screening has unreserved seating: do not name seats.' };
  }
  if (named.length > 0 && (named.length !== quantity || new Set(named).size !== named.length)) {
    return { ok: false, reason: 'invalid_request', message: `Choose exactly ${quantity} different seats.` };
  }

  const holdId = randomUUID();
  const holdToken = newToken();
  const totalCents = items.reduce((sum, i) => sum + i.type.price_cents * i.quantity, 0);
  const typeIds = items.map((i) => i.type.id);
  const quantities = items.map((i) => i.quantity);
  const prices = items.map((i) => i.type.price_cents);

  // The hot path is one statement: take the places with a conditional write on
  // the pool and record the hold and its items only if that write succeeded.
  // A refusal comes back from the same statement with what is left and
  // whether expired holds are keeping places (the pool row is read as it was
  // before this statement, which for a refusal is unchanged).
  const takeAndRecord = async (runner: Database | Transaction) => {
    const row = await firstRow<{ expires_at: string | null; left: number; expired: boolean }>(runner, sql`
      WITH pool AS (
        ${poolUpdate.hold(screeningId, pool, quantity)}
        RETURNING screening_id),
      hold AS (
        INSERT INTO holds (id, screening_id, pool_kind, quantity, token_hash, client_key, expires_at)
        SELECT ${holdId}, marquee_hold_within_cap(pool.screening_id, ${clientKey}, ${quantity}, ${settings.maxPerOrder}),
               ${pool}::pool_kind, ${quantity}, ${hashToken(holdToken)}, ${clientKey},
               now() + make_interval(secs => ${settings.holdMinutes * 60})
        FROM pool RETURNING id, expires_at),
      items AS (
        INSERT INTO hold_items (hold_id, ticket_type_id, quantity, unit_price_cents)
        SELECT hold.id, x.type_id, x.quantity, x.price FROM hold,
               unnest(${uuidArray(typeIds)}, ${intArray(quantities)}, ${intArray(prices)}) AS x(type_id, quantity, price)
        RETURNING 1)
      SELECT (SELECT to_json(expires_at) FROM hold) AS expires_at,
             (SELECT count(*) FROM items) AS items,
             ${placesLeft(screeningId, pool)} AS left,
             EXISTS (SELECT 1 FROM holds WHERE screening_id = ${screeningId} AND pool_kind = ${pool}::pool_kind AND status = 'active' AND expires_at <= now()) AS expired`);
    return row!;
  };
  const refusal = (available: number) =>
    ({
      ok: false,
      reason: 'not_enough_seats',
      message: available === 0 ? 'Sold out.' : `Only ${available} place${available === 1 ? '' : 's'} left.`,
      available,
    }) as const;

  // The statement's own read predates a competitor's commit that made its update fail; when it
  // contradicts the refusal (it saw room), read again so the 409 reports what is really left.
  const leftAfterRefusal = async (runner: Database | Transaction, seen: number) => {
    if (seen < quantity) return seen;
    const row = await firstRow<{ left: number | null }>(runner, sql`SELECT ${placesLeft(screeningId, pool)} AS left`);
    return row?.left ?? 0;
  };

  const tooManyHeld = {
    ok: false,
    reason: 'too_many_held',
    message: `You already hold places for this screening: at most ${settings.maxPerOrder} at a time. Complete or release your other booking first.`,
  } as const;

  let first: Awaited<ReturnType<typeof takeAndRecord>> | null = null;
  if (!reserved) {
    // General admission needs nothing else: the statement is atomic on its own, no transaction round trips.
    try {
      first = await takeAndRecord(db);
    } catch (error) {
      if (sqlState(error) === TOO_MANY_HELD) return tooManyHeld;
      throw error;
    }
    if (first.expires_at) return { ok: true, holdId, holdToken, seats: [], expiresAt: new Date(first.expires_at), totalCents, quantity };
    if (!first.expired) return refusal(await leftAfterRefusal(db, first.left));
  }
  try {
    return await db.transaction(async (tx) => {
      // The seat map shows seats of run-out holds as free (domain/catalogue/screenings.ts): a buyer who picks one gets it.
      if (named.length > 0) await reclaimExpiredHolds(tx, screeningId);
      let taken = reserved ? await takeAndRecord(tx) : null;
      // Refused while expired holds keep places: give those back, then try once more.
      if ((!taken || !taken.expires_at) && (taken?.expired ?? first?.expired) && (await reclaimExpiredHolds(tx, screeningId)) > 0) {
        taken = await takeAndRecord(tx);
      }
      if (!taken?.expires_at) return refusal(await leftAfterRefusal(tx, taken?.left ?? first?.left ?? 0));
      let seats: HeldSeat[] = [];
      if (reserved) {
        seats = named.length > 0 ? await claimNamedSeats(tx, screeningId, holdId, named) : await claimBestSeats(tx, screeningId, holdId, quantity, screening);
      }
      return { ok: true, holdId, holdToken, seats, expiresAt: new Date(taken.expires_at), totalCents, quantity } as const;
    });
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, reason: 'seats_unavailable', message: error.message, seats: request.seats ?? [] };
    if (error instanceof CompanionRule) return { ok: false, reason: 'invalid_request', message: error.message };
    if (sqlState(error) === TOO_MANY_HELD) return tooManyHeld;
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
