import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { getDb } from '@/db/client';
import type { allocationChanges, inventoryPools, screenings } from '@/db/schema';
import { accessScheme, type AccessScheme } from '@/db/schema/screenings';
import type { AllocationChange } from '@/db/schema/allocation-changes';
import { firstRow, rows, uuidArray, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { can, type Principal } from '@/domain/accounts/permissions';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { localDayRange } from '@/lib/time';
import { movePlacesFromGeneralSale, movePlacesToGeneralSale, recordAllocationChange } from './return-places';
import { cutOffAtSql, SETTINGS_JOIN } from './cut-off-time';
import { defaultAllocation, listSchemeSettings, type SchemeSettings } from './settings';

/**
 * Staff's commands over the access allocations: how many places each scheme holds back at a screening. Every
 * place moves between a scheme's pool and general sale through the foundation's two moves (return-places.ts), so
 * the house (the sum of a screening's pools) never changes; each change writes its allocation_changes row in the
 * same transaction. The acting user is checked here too, not only by the page.
 */

export type Actor = Pick<Principal, 'role'> & { id: string };

export const Reason = z.string().trim().min(3, 'Say why, in a few words').max(300, 'Keep the reason under 300 characters');
const Scheme = z.enum(accessScheme.enumValues);
const Places = z.number().int('Whole places only').min(0, 'No fewer than 0 places').max(100_000, 'Too many places');

export const SetAllocationInput = z.object({ screeningId: z.guid(), scheme: Scheme, quantity: Places, reason: Reason });
export const MovePlacesInput = z.object({
  screeningId: z.guid(),
  scheme: Scheme,
  places: z.number().int('Whole places only').min(1, 'At least 1 place').max(100_000, 'Too many places'),
  reason: Reason,
});
export const BulkAllocationInput = z
  .object({
    festivalId: z.guid(),
    screeningIds: z.array(z.guid()).min(1, 'Choose at least one screening').max(200, 'At most 200 screenings at once'),
    scheme: Scheme,
    /** Either an exact number of places per screening… */
    quantity: Places.optional(),
    /** …or a share of each screening's house, in basis points (500 = 5%), rounded down. */
    shareBasisPoints: z.number().int().min(0).max(10_000, 'No more than 100%').optional(),
    reason: Reason,
  })
  .refine((v) => (v.quantity === undefined) !== (v.shareBasisPoints === undefined), {
    message: 'Give either a number of places or a share of the house',
    path: ['quantity'],
  });

export const SchemeSettingsInput = z.object({
  festivalId: z.guid(),
  scheme: Scheme,
  defaultShareBasisPoints: z.number().int().min(0, 'No less than 0%').max(10_000, 'No more than 100%'),
  releaseHoursBefore: z.number().int('Whole hours only').min(0, 'No less than 0 hours').max(24 * 30, 'No more than 30 days'),
  perScreeningLimit: z.number().int().min(1, 'At least 1, or leave empty for no limit').max(100).nullable(),
  perFestivalLimit: z.number().int().min(1, 'At least 1, or leave empty for no limit').max(1000).nullable(),
  offerMinutes: z.number().int('Whole minutes only').min(5, 'At least 5 minutes').max(7 * 24 * 60, 'No more than a week'),
});

export type AllocationFailure =
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid_input'; message: string }
  | { ok: false; reason: 'screening_not_found' }
  | { ok: false; reason: 'screening_closed'; message: string }
  | { ok: false; reason: 'allocation_released'; message: string }
  | { ok: false; reason: 'below_claimed'; message: string; minimum: number }
  | { ok: false; reason: 'not_enough_general_sale'; message: string; available: number }
  | { ok: false; reason: 'not_enough_free'; message: string; free: number };

export type AllocationChangeResult = { ok: true; quantity: number; delta: number } | AllocationFailure;
export type BulkAllocationResult =
  | { ok: true; changed: number; unchanged: number }
  | AllocationFailure
  | (Exclude<AllocationFailure, { reason: 'forbidden' | 'invalid_input' }> & { screeningId: string; title: string });

type Kind = AllocationChange['kind'];

const invalid = (error: z.ZodError) => ({ ok: false, reason: 'invalid_input', message: error.issues.map((i) => i.message).join('; ') }) as const;

interface LockedPool {
  capacity: number;
  held: number;
  sold: number;
  allotted: number;
  released: boolean;
  closed: boolean;
  title: string;
}

/**
 * Locks the scheme's pool row (the lock every move of its places takes first) and reads the screening around it.
 * Null when there is no such screening.
 */
async function lockSchemePool(tx: Transaction, screeningId: string, scheme: AccessScheme): Promise<LockedPool | null> {
  const pool = await firstRow<Pick<ColumnsOf<typeof inventoryPools>, 'capacity' | 'held' | 'sold' | 'allotted'>>(tx, sql`
    SELECT capacity, held, sold, allotted FROM inventory_pools
    WHERE screening_id = ${screeningId} AND kind = ${scheme}::pool_kind FOR UPDATE`);
  if (!pool) return null;
  const info = await firstRow<{ released: boolean; closed: boolean; title: string }>(tx, sql`
    SELECT a.released_at IS NOT NULL AS released, (s.status = 'cancelled' OR s.starts_at <= now()) AS closed,
           ${screeningTitleSql(sql`s`)} AS title
    FROM screenings s JOIN access_allocations a ON a.screening_id = s.id AND a.scheme = ${scheme}::access_scheme
    WHERE s.id = ${screeningId}`);
  if (!info) return null;
  return { ...pool, ...info };
}

/** What the scheme keeps whatever staff do: its sold and held places, and the places granted to partners. */
const committed = (p: LockedPool) => Math.max(p.held + p.sold, p.allotted);

async function recordChange(tx: Transaction, change: { screeningId: string; scheme: AccessScheme; kind: Kind; delta: number; actorId: string | null; reason: string }) {
  await recordAllocationChange(tx, change);
}

/**
 * Moves a scheme to exactly `target` places inside the caller's transaction. Returns the refusal instead of
 * throwing, so the single and the bulk command can each decide what a refusal undoes.
 */
async function applyExact(
  tx: Transaction,
  actor: Actor,
  screeningId: string,
  scheme: AccessScheme,
  target: number | ((house: number) => number),
  reason: string,
): Promise<{ ok: true; quantity: number; delta: number; title: string } | (Exclude<AllocationFailure, { reason: 'forbidden' | 'invalid_input' }> & { title?: string })> {
  const pool = await lockSchemePool(tx, screeningId, scheme);
  if (!pool) return { ok: false, reason: 'screening_not_found' };
  if (pool.closed) return { ok: false, reason: 'screening_closed', message: 'This screening has started or is cancelled: its allocations no longer change.', title: pool.title };
  const house = typeof target === 'function' ? await houseOf(tx, screeningId) : 0;
  const want = typeof target === 'function' ? target(house) : target;
  const delta = want - pool.capacity;
  if (delta === 0) return { ok: true, quantity: want, delta: 0, title: pool.title };
  if (delta > 0) {
    if (pool.released) return { ok: false, reason: 'allocation_released', message: released(scheme), title: pool.title };
    const moved = await movePlacesFromGeneralSale(tx, screeningId, scheme, delta);
    if (moved < delta) {
      return { ok: false, reason: 'not_enough_general_sale', available: moved, title: pool.title, message: `General sale has only ${moved} free ${plural(moved)} to give (${delta} asked).` };
    }
  } else {
    const minimum = committed(pool);
    if (want < minimum) {
      return { ok: false, reason: 'below_claimed', minimum, title: pool.title, message: `This scheme has ${minimum} ${plural(minimum)} claimed, held or granted to partners: it cannot go below that.` };
    }
    await movePlacesToGeneralSale(tx, screeningId, scheme, -delta);
  }
  await recordChange(tx, { screeningId, scheme, kind: 'set', delta, actorId: actor.id, reason });
  return { ok: true, quantity: want, delta, title: pool.title };
}

async function houseOf(tx: SqlRunner, screeningId: string): Promise<number> {
  const row = await firstRow<{ house: number }>(tx, sql`SELECT coalesce(sum(capacity), 0)::int AS house FROM inventory_pools WHERE screening_id = ${screeningId}`);
  return row?.house ?? 0;
}

const plural = (n: number) => (n === 1 ? 'place' : 'places');
const released = (scheme: AccessScheme) =>
  `The cut-off has passed: ${scheme === 'indigenous_access' ? 'Indigenous Access' : 'this scheme'}'s unclaimed places are back on general sale, so it takes no new places.`;

/** Sets one scheme's allocation at one screening to an exact number of places. */
export async function setAllocation(db: Database, actor: Actor, raw: z.input<typeof SetAllocationInput>): Promise<AllocationChangeResult> {
  if (!can(actor, 'allocations.manage')) return { ok: false, reason: 'forbidden' };
  const parsed = SetAllocationInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { screeningId, scheme, quantity, reason } = parsed.data;
  return transact<AllocationChangeResult, AllocationChangeResult>(db, async (tx, refuse) => {
    const result = await applyExact(tx, actor, screeningId, scheme, quantity, reason);
    if (!result.ok) {
      const { title: _title, ...failure } = result;
      return refuse(failure);
    }
    if (result.delta !== 0) {
      await recordAudit(tx, actor, {
        action: 'setAllocation', subjectKind: 'screening', subjectId: screeningId, screeningId,
        before: { scheme, places: result.quantity - result.delta }, after: { scheme, places: result.quantity }, reason,
      });
    }
    return { ok: true, quantity: result.quantity, delta: result.delta };
  });
}

/** Gives `places` of a scheme's free places to general sale by hand, all or none. */
export async function releasePlaces(db: Database, actor: Actor, raw: z.input<typeof MovePlacesInput>): Promise<AllocationChangeResult> {
  return movePlaces(db, actor, raw, 'release');
}

/** Takes `places` from general sale's free places into a scheme by hand, all or none. */
export async function topUpPlaces(db: Database, actor: Actor, raw: z.input<typeof MovePlacesInput>): Promise<AllocationChangeResult> {
  return movePlaces(db, actor, raw, 'top_up');
}

async function movePlaces(db: Database, actor: Actor, raw: z.input<typeof MovePlacesInput>, kind: 'release' | 'top_up'): Promise<AllocationChangeResult> {
  if (!can(actor, 'allocations.manage')) return { ok: false, reason: 'forbidden' };
  const parsed = MovePlacesInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { screeningId, scheme, places, reason } = parsed.data;
  return transact<AllocationChangeResult, AllocationChangeResult>(db, async (tx, refuse) => {
    const pool = await lockSchemePool(tx, screeningId, scheme);
    if (!pool) return refuse({ ok: false, reason: 'screening_not_found' });
    if (pool.closed) return refuse({ ok: false, reason: 'screening_closed', message: 'This screening has started or is cancelled: its allocations no longer change.' });
    let moved: number;
    if (kind === 'release') {
      moved = await movePlacesToGeneralSale(tx, screeningId, scheme, places);
      if (moved < places) {
        const free = Math.max(0, pool.capacity - committed(pool));
        return refuse({ ok: false, reason: 'not_enough_free', free, message: `This scheme has only ${free} free ${plural(free)} to release (${places} asked).` });
      }
    } else {
      if (pool.released) return refuse({ ok: false, reason: 'allocation_released', message: released(scheme) });
      moved = await movePlacesFromGeneralSale(tx, screeningId, scheme, places);
      if (moved < places) {
        return refuse({ ok: false, reason: 'not_enough_general_sale', available: moved, message: `General sale has only ${moved} free ${plural(moved)} to give (${places} asked).` });
      }
    }
    const delta = kind === 'release' ? -moved : moved;
    await recordChange(tx, { screeningId, scheme, kind, delta, actorId: actor.id, reason });
    await recordAudit(tx, actor, {
      action: kind === 'release' ? 'releasePlaces' : 'topUpPlaces', subjectKind: 'screening', subjectId: screeningId, screeningId,
      before: { scheme, places: pool.capacity }, after: { scheme, places: pool.capacity + delta }, reason,
    });
    return { ok: true, quantity: pool.capacity + delta, delta };
  });
}

/**
 * Sets one scheme at several screenings of a festival, all or nothing: if any screening refuses (places already
 * claimed, general sale too small), nothing changes and the refusal names that screening, so staff can fix it and
 * run the same edit again. Screenings are locked in id order, so two bulk edits never deadlock.
 */
export async function setAllocationsInBulk(db: Database, actor: Actor, raw: z.input<typeof BulkAllocationInput>): Promise<BulkAllocationResult> {
  if (!can(actor, 'allocations.manage')) return { ok: false, reason: 'forbidden' };
  const parsed = BulkAllocationInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { festivalId, scheme, quantity, shareBasisPoints, reason } = parsed.data;
  const ids = [...new Set(parsed.data.screeningIds)].sort();
  return transact<BulkAllocationResult, BulkAllocationResult>(db, async (tx, refuse) => {
    const found = await rows<Pick<ColumnsOf<typeof screenings>, 'id'>>(tx, sql`
      SELECT id FROM screenings WHERE id = ANY(${uuidArray(ids)}) AND festival_id = ${festivalId}`);
    if (found.length !== ids.length) return refuse({ ok: false, reason: 'screening_not_found' });
    let changed = 0;
    const before: Record<string, number> = {};
    const after: Record<string, number> = {};
    for (const screeningId of ids) {
      const target = quantity ?? ((house: number) => defaultAllocation(house, shareBasisPoints ?? 0));
      const result = await applyExact(tx, actor, screeningId, scheme, target, reason);
      if (!result.ok) return refuse({ ...result, screeningId, title: result.title ?? '' });
      if (result.delta !== 0) {
        changed++;
        before[screeningId] = result.quantity - result.delta;
        after[screeningId] = result.quantity;
      }
    }
    // One entry for the whole edit (its own rows in allocation_changes give each screening's history).
    if (changed > 0) {
      await recordAudit(tx, actor, {
        action: 'setAllocationsInBulk', subjectKind: 'festival', subjectId: festivalId,
        before: { scheme, places: before }, after: { scheme, places: after }, reason,
      });
    }
    return { ok: true, changed, unchanged: ids.length - changed };
  });
}

export type UpdateSchemeSettingsResult = { ok: true } | { ok: false; reason: 'forbidden' } | { ok: false; reason: 'invalid_input'; message: string };

/** A festival's defaults for one scheme: the share new screenings set aside, the cut-off, the limits, the offer time. */
export async function updateSchemeSettings(db: Database, actor: Actor, raw: z.input<typeof SchemeSettingsInput>): Promise<UpdateSchemeSettingsResult> {
  if (!can(actor, 'allocations.manage')) return { ok: false, reason: 'forbidden' };
  const parsed = SchemeSettingsInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const s = parsed.data;
  return transact<UpdateSchemeSettingsResult, UpdateSchemeSettingsResult>(db, async (tx, refuse) => {
    const festival = await firstRow<{ id: string }>(tx, sql`SELECT id FROM festivals WHERE id = ${s.festivalId}`);
    if (!festival) return refuse({ ok: false, reason: 'invalid_input', message: 'No such festival' });
    const old = await firstRow<{ default_share_basis_points: number; release_hours_before: number; per_screening_limit: number | null; per_festival_limit: number | null; offer_minutes: number }>(tx, sql`
      SELECT default_share_basis_points, release_hours_before, per_screening_limit, per_festival_limit, offer_minutes
      FROM access_scheme_settings WHERE festival_id = ${s.festivalId} AND scheme = ${s.scheme}::access_scheme FOR UPDATE`);
    await tx.execute(sql`
      INSERT INTO access_scheme_settings (festival_id, scheme, default_share_basis_points, release_hours_before, per_screening_limit, per_festival_limit, offer_minutes)
      VALUES (${s.festivalId}, ${s.scheme}::access_scheme, ${s.defaultShareBasisPoints}, ${s.releaseHoursBefore}, ${s.perScreeningLimit}, ${s.perFestivalLimit}, ${s.offerMinutes})
      ON CONFLICT (festival_id, scheme) DO UPDATE SET
        default_share_basis_points = EXCLUDED.default_share_basis_points, release_hours_before = EXCLUDED.release_hours_before,
        per_screening_limit = EXCLUDED.per_screening_limit, per_festival_limit = EXCLUDED.per_festival_limit, offer_minutes = EXCLUDED.offer_minutes`);
    const next = { defaultShareBasisPoints: s.defaultShareBasisPoints, releaseHoursBefore: s.releaseHoursBefore, perScreeningLimit: s.perScreeningLimit, perFestivalLimit: s.perFestivalLimit, offerMinutes: s.offerMinutes };
    const prev = old
      ? { defaultShareBasisPoints: old.default_share_basis_points, releaseHoursBefore: old.release_hours_before, perScreeningLimit: old.per_screening_limit, perFestivalLimit: old.per_festival_limit, offerMinutes: old.offer_minutes }
      : null;
    const changedKeys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !prev || prev[k] !== next[k]);
    if (changedKeys.length > 0) {
      await recordAudit(tx, actor, {
        action: 'updateSchemeSettings', subjectKind: 'festival', subjectId: s.festivalId,
        before: prev ? { scheme: s.scheme, ...Object.fromEntries(changedKeys.map((k) => [k, prev[k]])) } : null,
        after: { scheme: s.scheme, ...Object.fromEntries(changedKeys.map((k) => [k, next[k]])) },
      });
    }
    return { ok: true } as const;
  });
}

/* ------------------------------------------------------------------ queries */

export interface SchemeAllocation {
  scheme: AccessScheme;
  /** The scheme's places (its pool's capacity). */
  allocated: number;
  sold: number;
  held: number;
  allotted: number;
  /** What the scheme could still give: not sold, held or granted to partners. */
  free: number;
  cutOffAt: Date;
  releasedAt: Date | null;
}

export interface ScreeningAllocations {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  status: string;
  house: number;
  generalSale: { capacity: number; held: number; sold: number; free: number };
  schemes: SchemeAllocation[];
}

type AllocationRow = {
  screening_id: string;
  scheme: AccessScheme;
  capacity: number;
  held: number;
  sold: number;
  allotted: number;
  cut_off_at: Date;
  released_at: Date | null;
};

function allocationRowsSql(screeningIds: readonly string[]) {
  return sql`
    SELECT a.screening_id, a.scheme, p.capacity, p.held, p.sold, p.allotted, a.released_at,
           ${cutOffAtSql()} AS cut_off_at
    FROM access_allocations a
    JOIN screenings s ON s.id = a.screening_id
    JOIN inventory_pools p ON p.screening_id = a.screening_id AND p.kind::text = a.scheme::text
    ${SETTINGS_JOIN}
    WHERE a.screening_id = ANY(${uuidArray(screeningIds)})
    ORDER BY a.screening_id, a.scheme`;
}

const toScheme = (r: AllocationRow): SchemeAllocation => ({
  scheme: r.scheme,
  allocated: r.capacity,
  sold: r.sold,
  held: r.held,
  allotted: r.allotted,
  free: Math.max(0, r.capacity - Math.max(r.held + r.sold, r.allotted)),
  cutOffAt: new Date(r.cut_off_at),
  releasedAt: r.released_at ? new Date(r.released_at) : null,
});

type ScreeningRow = Pick<ColumnsOf<typeof screenings>, 'id' | 'starts_at' | 'status'> & {
  title: string;
  venue: string;
  house: number;
  std_capacity: number;
  std_held: number;
  std_sold: number;
};

const screeningColumns = sql`
  s.id, s.starts_at, s.status, ${screeningTitleSql(sql`s`)} AS title, v.name AS venue,
  (SELECT coalesce(sum(capacity), 0)::int FROM inventory_pools WHERE screening_id = s.id) AS house,
  std.capacity AS std_capacity, std.held AS std_held, std.sold AS std_sold`;
const screeningJoins = sql`
  JOIN venues v ON v.id = s.venue_id
  JOIN inventory_pools std ON std.screening_id = s.id AND std.kind = ${PAID_TICKETS_POOL}::pool_kind`;

async function withSchemes(db: SqlRunner, found: ScreeningRow[]): Promise<ScreeningAllocations[]> {
  if (found.length === 0) return [];
  const allocationRows = await rows<AllocationRow>(db, allocationRowsSql(found.map((s) => s.id)));
  return found.map((s) => ({
    id: s.id,
    title: s.title,
    startsAt: new Date(s.starts_at),
    venue: s.venue,
    status: s.status,
    house: s.house,
    generalSale: { capacity: s.std_capacity, held: s.std_held, sold: s.std_sold, free: Math.max(0, s.std_capacity - s.std_held - s.std_sold) },
    schemes: allocationRows.filter((r) => r.screening_id === s.id).map(toScheme),
  }));
}

/** One screening's allocations, scheme by scheme, with general sale beside them. */
export async function getScreeningAllocations(screeningId: string, db: SqlRunner = getDb()): Promise<ScreeningAllocations | null> {
  if (!z.guid().safeParse(screeningId).success) return null;
  const found = await rows<ScreeningRow>(db, sql`SELECT ${screeningColumns} FROM screenings s ${screeningJoins} WHERE s.id = ${screeningId}`);
  return (await withSchemes(db, found))[0] ?? null;
}

export const OVERVIEW_PAGE_SIZE = 25;

export interface AllocationOverviewFilters {
  /** YYYY-MM-DD in the festival's zone. */
  day?: string;
  venueSlug?: string;
}

/** The festival's screenings in start order with their allocations, a page at a time. */
export async function listAllocationOverview(
  festival: { id: string; timeZone: string },
  filters: AllocationOverviewFilters,
  page: number,
  db: SqlRunner = getDb(),
): Promise<{ screenings: ScreeningAllocations[]; total: number; page: number; pages: number }> {
  const conditions = [sql`s.festival_id = ${festival.id}`];
  if (filters.day) {
    const { start, end } = localDayRange(filters.day, festival.timeZone);
    conditions.push(sql`s.starts_at >= ${start.toISOString()} AND s.starts_at < ${end.toISOString()}`);
  }
  if (filters.venueSlug) conditions.push(sql`v.slug = ${filters.venueSlug}`);
  const where = sql.join(conditions, sql` AND `);
  const counted = await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM screenings s JOIN venues v ON v.id = s.venue_id WHERE ${where}`);
  const total = counted?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / OVERVIEW_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const found = await rows<ScreeningRow>(db, sql`
    SELECT ${screeningColumns} FROM screenings s ${screeningJoins}
    WHERE ${where} ORDER BY s.starts_at, s.id LIMIT ${OVERVIEW_PAGE_SIZE} OFFSET ${(current - 1) * OVERVIEW_PAGE_SIZE}`);
  return { screenings: await withSchemes(db, found), total, page: current, pages };
}

export interface AllocationChangeEntry {
  id: string;
  scheme: AccessScheme;
  kind: Kind;
  delta: number;
  quantityAfter: number;
  /** Who made it: a name or email, or null for the release job. */
  actor: string | null;
  reason: string;
  createdAt: Date;
}

/** A screening's allocation history, newest first (bounded: the latest 200). */
export async function listAllocationChanges(screeningId: string, db: SqlRunner = getDb()): Promise<AllocationChangeEntry[]> {
  if (!z.guid().safeParse(screeningId).success) return [];
  const found = await rows<Pick<ColumnsOf<typeof allocationChanges>, 'id' | 'scheme' | 'kind' | 'delta' | 'quantity_after' | 'reason' | 'created_at'> & { actor: string | null }>(
    db,
    sql`SELECT c.id, c.scheme, c.kind, c.delta, c.quantity_after, c.reason, c.created_at, coalesce(u.name, u.email) AS actor
        FROM allocation_changes c LEFT JOIN users u ON u.id = c.actor_id
        WHERE c.screening_id = ${screeningId} ORDER BY c.created_at DESC, c.id LIMIT 200`,
  );
  return found.map((c) => ({
    id: c.id,
    scheme: c.scheme,
    kind: c.kind,
    delta: c.delta,
    quantityAfter: c.quantity_after,
    actor: c.actor,
    reason: c.reason,
    createdAt: new Date(c.created_at),
  }));
}

/** The festival's settings for every scheme (its own rows over the defaults), for the allocations page. */
export async function listFestivalSchemeSettings(festivalId: string, db: SqlRunner = getDb()): Promise<SchemeSettings[]> {
  return listSchemeSettings(db, festivalId);
}
