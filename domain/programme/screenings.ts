import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import {
  accessAllocations,
  accessibilityFeature,
  films,
  holds,
  inventoryPools,
  orders,
  screeningFilms,
  screenings,
  screeningSeats,
  venues,
} from '@/db/schema';
import type { AccessScheme } from '@/db/schema/screenings';
import { recordAudit } from '@/domain/audit/audit-log';
import { createScreening, createScreeningInventory, houseOf } from '@/domain/catalogue/screening-commands';
import { screeningTitle } from '@/domain/catalogue/screening-title';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { transact } from '@/domain/shared/refusal';
import { localDate, zonedTimeToUtc } from '@/lib/time';
import { auditFields, changedFields, issuesMessage, OPTIONAL_TEXT, PAGE_SIZE, type ProgrammeRefusal } from './shared';

/** Statuses staff set here; cancelling is its own journey (every holder offered a refund), at /box-office/cancellations. */
export const EDITABLE_STATUSES = ['scheduled', 'on_sale', 'off_sale'] as const;

const TicketTypeLine = z.object({
  code: z.string().trim().toLowerCase().regex(/^[a-z0-9_]+$/, 'A ticket type code is lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(80),
  priceCents: z.number().int().min(0).max(1_000_000),
});

export const ScreeningInput = z
  .object({
    filmIds: z.array(z.guid()).min(1, 'Choose at least one film').max(20),
    programmeTitle: OPTIONAL_TEXT(200),
    venueId: z.guid('Choose a venue'),
    startsAt: z.date({ error: 'Give a valid start date and time' }),
    /** Null: the films' runtimes, plus 30 minutes for a Q&A. */
    endsAt: z.date().nullable().default(null),
    hasQa: z.boolean().default(false),
    guestNote: OPTIONAL_TEXT(500),
    features: z.array(z.enum(accessibilityFeature.enumValues)).default([]),
    onSaleAt: z.date().nullable().default(null),
    offSaleAt: z.date().nullable().default(null),
    status: z.enum(EDITABLE_STATUSES).default('scheduled'),
    /** Create only: the first price list (later edited on the price list page). */
    ticketTypes: z.array(TicketTypeLine).max(20).optional(),
    /** Edit only: the general-sale places (the paid pool's capacity); never below what is sold or held. */
    generalCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
  })
  .refine((v) => v.filmIds.length === 1 || v.programmeTitle, { message: 'A programme of several films needs a title', path: ['programmeTitle'] })
  .refine((v) => !v.endsAt || v.endsAt > v.startsAt, { message: 'A screening must end after it starts', path: ['endsAt'] })
  .refine((v) => !v.offSaleAt || v.offSaleAt <= v.startsAt, { message: 'Online sales must stop at or before the start', path: ['offSaleAt'] })
  .refine((v) => !v.onSaleAt || !v.offSaleAt || v.onSaleAt < v.offSaleAt, { message: 'The on-sale time must come before the off-sale time', path: ['onSaleAt'] });
export type ScreeningInput = z.input<typeof ScreeningInput>;
type ScreeningValues = z.output<typeof ScreeningInput>;

export const DEFAULT_PRICE_LIST = [{ code: 'adult', name: 'Adult', priceCents: 1500 }];
/** Minutes added to the films' runtimes for the default end: trailers and introductions, and a Q&A. */
const INTRO_MINUTES = 10;
const QA_MINUTES = 30;

export type ScreeningRefusal = ProgrammeRefusal<
  | 'invalid_input'
  | 'not_found'
  | 'venue_not_found'
  | 'film_not_found'
  | 'no_runtime'
  | 'venue_busy'
  | 'capacity_below_sold'
  | 'capacity_above_house'
  | 'allocations_exceed_capacity'
  | 'venue_in_use'
  | 'cancelled'
  | 'has_orders'
>;
export type SaveScreeningResult = { ok: true; screeningId: string } | ScreeningRefusal;

/** "2026-11-25T19:30" (an <input type="datetime-local">) in the festival's zone; null when blank or malformed. */
export function parseLocalDateTime(value: unknown, timeZone: string): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, date, time] = m as unknown as [string, string, string];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  if (hh > 23 || mm > 59) return null;
  const d = zonedTimeToUtc(date, time, timeZone);
  // zonedTimeToUtc accepts 2026-02-31; a date that does not round-trip is not a date.
  return Number.isNaN(d.getTime()) || localDate(d, timeZone) !== date ? null : d;
}

interface VenueLocked {
  id: string;
  festivalId: string;
  name: string;
  seating: 'reserved' | 'general_admission';
  capacity: number | null;
  changeoverMinutes: number;
}

/**
 * Locks the venue's row: every create or move of a screening in a venue takes it before reading the venue's other
 * screenings, so two at once are checked one after the other and cannot both pass the overlap check.
 */
async function lockVenue(tx: Transaction, venueId: string): Promise<VenueLocked | null> {
  const [venue] = await tx
    .select({ id: venues.id, festivalId: venues.festivalId, name: venues.name, seating: venues.seating, capacity: venues.capacity, changeoverMinutes: venues.changeoverMinutes })
    .from(venues)
    .where(eq(venues.id, venueId))
    .for('update');
  return venue ?? null;
}

/** A non-cancelled screening of the venue within the changeover of [startsAt, endsAt), if any (the venue row is locked). */
export async function findVenueClash(
  tx: Transaction | Database,
  venue: Pick<VenueLocked, 'id' | 'changeoverMinutes'>,
  startsAt: Date,
  endsAt: Date,
  exceptId: string | null,
): Promise<{ id: string; title: string; startsAt: Date; endsAt: Date } | null> {
  const gap = venue.changeoverMinutes;
  const row = await firstRow<{ id: string; programme_title: string | null; films: { slug: string; title: string }[]; starts_at: string; ends_at: string }>(tx, sql`
    SELECT s.id, s.programme_title, to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at,
           coalesce((SELECT json_agg(json_build_object('slug', f.slug, 'title', f.title) ORDER BY sf.position)
                     FROM screening_films sf JOIN films f ON f.id = sf.film_id WHERE sf.screening_id = s.id), '[]'::json) AS films
    FROM screenings s
    WHERE s.venue_id = ${venue.id} AND s.status <> 'cancelled' AND s.id IS DISTINCT FROM ${exceptId}::uuid
      AND s.starts_at < ${endsAt.toISOString()}::timestamptz + make_interval(mins => ${gap})
      AND ${startsAt.toISOString()}::timestamptz < s.ends_at + make_interval(mins => ${gap})
    ORDER BY s.starts_at LIMIT 1`);
  if (!row) return null;
  return { id: row.id, title: screeningTitle(row.programme_title, row.films), startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) };
}

function busy(venue: VenueLocked, clash: { title: string; startsAt: Date; endsAt: Date }, timeZone: string): ScreeningRefusal {
  const fmt = (d: Date) => d.toLocaleString('en-CA', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return {
    ok: false,
    reason: 'venue_busy',
    message: `${venue.name} is busy: “${clash.title}” runs ${fmt(clash.startsAt)} – ${fmt(clash.endsAt)}, and the venue needs ${venue.changeoverMinutes} minutes between screenings.`,
  };
}

async function defaultEnd(tx: Transaction | Database, filmIds: string[], startsAt: Date, hasQa: boolean): Promise<Date | null> {
  const found = await tx.select({ runtime: films.runtimeMinutes }).from(films).where(inArray(films.id, filmIds));
  if (found.length === 0 || found.some((f) => f.runtime === null)) return null;
  const minutes = found.reduce((sum, f) => sum + (f.runtime ?? 0), 0) + INTRO_MINUTES + (hasQa ? QA_MINUTES : 0);
  return new Date(startsAt.getTime() + minutes * 60_000);
}

async function festivalZone(tx: Transaction | Database, festivalId: string): Promise<string> {
  const row = await firstRow<{ time_zone: string }>(tx, sql`SELECT time_zone FROM festivals WHERE id = ${festivalId}`);
  return row?.time_zone ?? 'UTC';
}

/**
 * Schedules a screening: the venue locked, the overlap (changeover included) checked under that lock, then the
 * screening with its inventory made by createScreening (the seed's own way), all in the caller's one transaction.
 * `tx` lets the programme import schedule many screenings in one transaction.
 */
export async function insertScreening(
  tx: Transaction,
  actor: { id: string },
  festivalId: string,
  values: ScreeningValues,
  refuse: (r: ScreeningRefusal) => never,
): Promise<string> {
  const venue = await lockVenue(tx, values.venueId);
  if (!venue || venue.festivalId !== festivalId) return refuse({ ok: false, reason: 'venue_not_found', message: 'No such venue in this festival.' });
  const endsAt = values.endsAt ?? (await defaultEnd(tx, values.filmIds, values.startsAt, values.hasQa));
  if (!endsAt) return refuse({ ok: false, reason: 'no_runtime', message: 'A film has no runtime: give the end time.' });
  const clash = await findVenueClash(tx, venue, values.startsAt, endsAt, null);
  if (clash) return refuse(busy(venue, clash, await festivalZone(tx, festivalId)));
  const created = await createScreening(tx, {
    festivalId,
    venueId: venue.id,
    filmIds: values.filmIds,
    programmeTitle: values.programmeTitle ?? undefined,
    startsAt: values.startsAt,
    endsAt,
    status: values.status,
    onSaleAt: values.onSaleAt,
    offSaleAt: values.offSaleAt,
    hasQa: values.hasQa,
    guestNote: values.guestNote ?? undefined,
    features: values.features,
    ticketTypes: values.ticketTypes && values.ticketTypes.length > 0 ? values.ticketTypes : DEFAULT_PRICE_LIST,
  });
  if (!created.ok) {
    const reason = created.reason === 'invalid_input' ? 'invalid_input' : created.reason;
    refuse({ ok: false, reason, message: created.message });
  }
  await recordAudit(tx, actor, {
    action: 'screening.create',
    subjectKind: 'screening',
    subjectId: created.screeningId,
    screeningId: created.screeningId,
    after: auditFields({ ...values, endsAt }),
  });
  return created.screeningId;
}

export async function scheduleScreening(db: Database, actor: { id: string }, festivalId: string, raw: ScreeningInput): Promise<SaveScreeningResult> {
  const parsed = ScreeningInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  return transact<SaveScreeningResult, ScreeningRefusal>(db, async (tx, refuse) => {
    const screeningId = await insertScreening(tx, actor, festivalId, parsed.data, refuse);
    return { ok: true, screeningId };
  });
}

/**
 * Edits a screening. Moving it (venue or times) is checked for overlaps under the venue's row lock; a new venue is
 * possible only while nothing is sold or held (its seats are another house's). The general-sale capacity moves with a
 * conditional write that never goes below what is sold or held, nor past the house.
 */
export async function updateScreening(db: Database, actor: { id: string }, screeningId: string, raw: ScreeningInput): Promise<SaveScreeningResult> {
  const parsed = ScreeningInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  return transact<SaveScreeningResult, ScreeningRefusal>(db, async (tx, refuse) => {
    const [peek] = await tx.select({ venueId: screenings.venueId }).from(screenings).where(eq(screenings.id, screeningId));
    if (!peek) return refuse({ ok: false, reason: 'not_found', message: 'No such screening.' });
    // Venues first (in id order, so two moves between the same venues cannot deadlock), then the screening.
    const venueIds = [...new Set([peek.venueId, values.venueId])].sort();
    const locked = new Map<string, VenueLocked>();
    for (const id of venueIds) {
      const v = await lockVenue(tx, id);
      if (v) locked.set(id, v);
    }
    const [current] = await tx.select().from(screenings).where(eq(screenings.id, screeningId)).for('update');
    if (!current) return refuse({ ok: false, reason: 'not_found', message: 'No such screening.' });
    const venue = locked.get(values.venueId);
    if (!venue || venue.festivalId !== current.festivalId) return refuse({ ok: false, reason: 'venue_not_found', message: 'No such venue in this festival.' });
    if (current.status === 'cancelled') {
      refuse({ ok: false, reason: 'cancelled', message: 'This screening is cancelled: it no longer changes.' });
    }
    const found = await tx.select({ id: films.id, festivalId: films.festivalId }).from(films).where(inArray(films.id, values.filmIds));
    if (found.length !== new Set(values.filmIds).size || found.some((f) => f.festivalId !== current.festivalId)) {
      refuse({ ok: false, reason: 'film_not_found', message: 'No such film in this festival.' });
    }
    const endsAt = values.endsAt ?? (await defaultEnd(tx, values.filmIds, values.startsAt, values.hasQa));
    if (!endsAt) return refuse({ ok: false, reason: 'no_runtime', message: 'A film has no runtime: give the end time.' });
    const clash = await findVenueClash(tx, venue, values.startsAt, endsAt, screeningId);
    if (clash) return refuse(busy(venue, clash, await festivalZone(tx, current.festivalId)));

    if (venue.id !== current.venueId) await moveToVenue(tx, screeningId, venue, refuse);

    const row = {
      venueId: venue.id,
      programmeTitle: values.programmeTitle,
      startsAt: values.startsAt,
      endsAt,
      status: values.status,
      onSaleAt: values.onSaleAt,
      offSaleAt: values.offSaleAt,
      hasQa: values.hasQa,
      guestNote: values.guestNote,
      features: values.features,
    };
    await tx.update(screenings).set(row).where(eq(screenings.id, screeningId));
    const filmsBefore = (
      await tx.select({ filmId: screeningFilms.filmId }).from(screeningFilms).where(eq(screeningFilms.screeningId, screeningId)).orderBy(asc(screeningFilms.position))
    ).map((f) => f.filmId);
    if (filmsBefore.join() !== values.filmIds.join()) {
      await tx.delete(screeningFilms).where(eq(screeningFilms.screeningId, screeningId));
      await tx.insert(screeningFilms).values(values.filmIds.map((filmId, position) => ({ screeningId, filmId, position })));
    }
    const capacity = values.generalCapacity === undefined || values.generalCapacity === null ? null : await setGeneralCapacity(tx, screeningId, venue, values.generalCapacity, refuse);

    const diff = changedFields({ ...current, filmIds: filmsBefore } as Record<string, unknown>, { ...row, filmIds: values.filmIds });
    if (capacity && capacity.before !== capacity.after) {
      diff.before.generalCapacity = capacity.before;
      diff.after.generalCapacity = capacity.after;
    }
    await recordAudit(tx, actor, {
      action: 'screening.update',
      subjectKind: 'screening',
      subjectId: screeningId,
      screeningId,
      before: auditFields(diff.before),
      after: auditFields(diff.after),
    });
    return { ok: true, screeningId };
  });
}

/**
 * The paid pool's capacity set to `places`: one conditional write under the pool row's lock. The pools' own CHECK
 * (held + sold <= capacity) is the last word; the WHERE turns it into a refusal that says why.
 */
async function setGeneralCapacity(
  tx: Transaction,
  screeningId: string,
  venue: VenueLocked,
  places: number,
  refuse: (r: ScreeningRefusal) => never,
): Promise<{ before: number; after: number }> {
  const house = await houseOf(tx, venue);
  const pool = await firstRow<{ capacity: number; taken: number; others: number }>(tx, sql`
    SELECT p.capacity, p.held + p.sold AS taken,
           (SELECT coalesce(sum(o.capacity), 0)::int FROM inventory_pools o WHERE o.screening_id = p.screening_id AND o.kind <> p.kind) AS others
    FROM inventory_pools p WHERE p.screening_id = ${screeningId} AND p.kind = ${PAID_TICKETS_POOL}::pool_kind FOR UPDATE`);
  if (!pool) throw new Error(`screening ${screeningId} has no paid pool`);
  if (places === pool.capacity) return { before: pool.capacity, after: places };
  if (places < pool.taken) {
    refuse({ ok: false, reason: 'capacity_below_sold', message: `General sale cannot go below the ${pool.taken} places already sold or held.` });
  }
  if (places + pool.others > house) {
    refuse({
      ok: false,
      reason: 'capacity_above_house',
      message: `General sale can be at most ${house - pool.others} places: the house is ${house}, and the access schemes hold ${pool.others}.`,
    });
  }
  const updated = await tx
    .update(inventoryPools)
    .set({ capacity: places })
    .where(and(eq(inventoryPools.screeningId, screeningId), eq(inventoryPools.kind, PAID_TICKETS_POOL), sql`${inventoryPools.held} + ${inventoryPools.sold} <= ${places}`))
    .returning({ capacity: inventoryPools.capacity });
  if (updated.length === 0) return refuse({ ok: false, reason: 'capacity_below_sold', message: 'General sale cannot go below the places already sold or held.' });
  return { before: pool.capacity, after: places };
}

/** A screening moved to another venue, only while none of its places is sold or held: its inventory is made again. */
async function moveToVenue(tx: Transaction, screeningId: string, venue: VenueLocked, refuse: (r: ScreeningRefusal) => never): Promise<void> {
  const taken = await firstRow<{ n: number }>(tx, sql`
    SELECT (SELECT coalesce(sum(held + sold), 0) FROM (SELECT held, sold FROM inventory_pools WHERE screening_id = ${screeningId} FOR UPDATE) p)::int
         + (SELECT count(*) FROM orders WHERE screening_id = ${screeningId})::int AS n`);
  if ((taken?.n ?? 0) > 0) {
    refuse({ ok: false, reason: 'venue_in_use', message: 'Places of this screening are sold or held: it cannot move to another venue. Cancel it and schedule a new one instead.' });
  }
  const allocations = await tx.select({ scheme: accessAllocations.scheme, quantity: accessAllocations.quantity }).from(accessAllocations).where(eq(accessAllocations.screeningId, screeningId));
  const bySheme = Object.fromEntries(allocations.map((a) => [a.scheme, a.quantity])) as Record<AccessScheme, number>;
  const house = await houseOf(tx, venue);
  const allocated = allocations.reduce((sum, a) => sum + a.quantity, 0);
  if (allocated > house) {
    refuse({ ok: false, reason: 'allocations_exceed_capacity', message: `The access allocations (${allocated}) exceed the new venue's house (${house}).` });
  }
  await tx.delete(holds).where(eq(holds.screeningId, screeningId));
  await tx.delete(screeningSeats).where(eq(screeningSeats.screeningId, screeningId));
  await tx.delete(inventoryPools).where(eq(inventoryPools.screeningId, screeningId));
  await tx.delete(accessAllocations).where(eq(accessAllocations.screeningId, screeningId));
  await createScreeningInventory(tx, screeningId, venue, bySheme);
}

export type DeleteScreeningResult = { ok: true } | ScreeningRefusal;

/**
 * Deletes a screening that never had an order. One with tickets (any order, paid, free or refunded) is cancelled
 * instead, so that every holder hears of it: the refusal says where.
 */
export async function deleteScreening(db: Database, actor: { id: string }, screeningId: string): Promise<DeleteScreeningResult> {
  if (!z.guid().safeParse(screeningId).success) return { ok: false, reason: 'not_found', message: 'No such screening.' };
  return transact<DeleteScreeningResult, ScreeningRefusal>(db, async (tx, refuse) => {
    // The row lock makes an order being written for it now wait (its foreign key check needs the row), then fail.
    const [current] = await tx.select().from(screenings).where(eq(screenings.id, screeningId)).for('update');
    if (!current) return refuse({ ok: false, reason: 'not_found', message: 'No such screening.' });
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.screeningId, screeningId)).limit(1);
    if (order) {
      refuse({
        ok: false,
        reason: 'has_orders',
        message: `This screening has orders, so it is never deleted: cancel it instead (/box-office/cancellations?screening=${screeningId}), which offers every holder a refund or an exchange.`,
      });
    }
    // Holds that never became orders (abandoned or run out) go with it.
    await tx.delete(holds).where(eq(holds.screeningId, screeningId));
    await tx.delete(screenings).where(eq(screenings.id, screeningId));
    await recordAudit(tx, actor, {
      action: 'screening.delete',
      subjectKind: 'screening',
      subjectId: screeningId,
      before: auditFields({ venueId: current.venueId, startsAt: current.startsAt, endsAt: current.endsAt, status: current.status }),
    });
    return { ok: true };
  });
}

export interface StaffScreeningRow {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  capacity: number;
  sold: number;
  held: number;
}

/** One page of the festival's screenings in time order, optionally one festival day (in the festival's zone). */
export async function listScreeningsPage(
  db: Database,
  festival: { id: string; timeZone: string },
  search: { day?: string; page?: number },
): Promise<{ screenings: StaffScreeningRow[]; hasMore: boolean; page: number }> {
  const page = Math.max(1, search.page ?? 1);
  const dayFilter =
    search.day && /^\d{4}-\d{2}-\d{2}$/.test(search.day)
      ? sql`AND s.starts_at >= ${zonedTimeToUtc(search.day, '00:00', festival.timeZone).toISOString()}::timestamptz
            AND s.starts_at < ${zonedTimeToUtc(search.day, '00:00', festival.timeZone).toISOString()}::timestamptz + interval '1 day'`
      : sql``;
  const found = await rows<{
    id: string;
    programme_title: string | null;
    films: { slug: string; title: string }[];
    venue: string;
    starts_at: string;
    ends_at: string;
    status: string;
    capacity: number;
    sold: number;
    held: number;
  }>(db, sql`
    SELECT s.id, s.programme_title, v.name AS venue, to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at, s.status,
           coalesce((SELECT json_agg(json_build_object('slug', f.slug, 'title', f.title) ORDER BY sf.position)
                     FROM screening_films sf JOIN films f ON f.id = sf.film_id WHERE sf.screening_id = s.id), '[]'::json) AS films,
           coalesce((SELECT sum(capacity) FROM inventory_pools p WHERE p.screening_id = s.id), 0)::int AS capacity,
           coalesce((SELECT sum(sold) FROM inventory_pools p WHERE p.screening_id = s.id), 0)::int AS sold,
           coalesce((SELECT sum(held) FROM inventory_pools p WHERE p.screening_id = s.id), 0)::int AS held
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festival.id} ${dayFilter}
    ORDER BY s.starts_at, v.name, s.id
    LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`);
  return {
    page,
    hasMore: found.length > PAGE_SIZE,
    screenings: found.slice(0, PAGE_SIZE).map((r) => ({
      id: r.id,
      title: screeningTitle(r.programme_title, r.films),
      venue: r.venue,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      status: r.status,
      capacity: r.capacity,
      sold: r.sold,
      held: r.held,
    })),
  };
}

export interface ScreeningForEdit {
  id: string;
  festivalId: string;
  title: string;
  venueId: string;
  filmIds: string[];
  programmeTitle: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
  onSaleAt: Date | null;
  offSaleAt: Date | null;
  hasQa: boolean;
  guestNote: string | null;
  features: string[];
  general: { capacity: number; sold: number; held: number };
  hasOrders: boolean;
}

export async function getScreeningForEdit(db: Database, screeningId: string): Promise<ScreeningForEdit | null> {
  if (!z.guid().safeParse(screeningId).success) return null;
  const [s] = await db.select().from(screenings).where(eq(screenings.id, screeningId));
  if (!s) return null;
  const shown = await db
    .select({ id: films.id, slug: films.slug, title: films.title })
    .from(screeningFilms)
    .innerJoin(films, eq(films.id, screeningFilms.filmId))
    .where(eq(screeningFilms.screeningId, screeningId))
    .orderBy(asc(screeningFilms.position));
  const [pool] = await db
    .select({ capacity: inventoryPools.capacity, sold: inventoryPools.sold, held: inventoryPools.held })
    .from(inventoryPools)
    .where(and(eq(inventoryPools.screeningId, screeningId), eq(inventoryPools.kind, PAID_TICKETS_POOL)));
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.screeningId, screeningId)).limit(1);
  return {
    id: s.id,
    festivalId: s.festivalId,
    title: screeningTitle(s.programmeTitle, shown),
    venueId: s.venueId,
    filmIds: shown.map((f) => f.id),
    programmeTitle: s.programmeTitle,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    status: s.status,
    onSaleAt: s.onSaleAt,
    offSaleAt: s.offSaleAt,
    hasQa: s.hasQa,
    guestNote: s.guestNote,
    features: s.features,
    general: pool ?? { capacity: 0, sold: 0, held: 0 },
    hasOrders: Boolean(order),
  };
}

/** Venues and films to choose from in the screening form (a festival has tens of each, not thousands). */
export async function listScreeningChoices(db: Database, festivalId: string) {
  const venueRows = await db
    .select({ id: venues.id, slug: venues.slug, name: venues.name, changeoverMinutes: venues.changeoverMinutes })
    .from(venues)
    .where(eq(venues.festivalId, festivalId))
    .orderBy(asc(venues.name));
  const filmRows = await db
    .select({ id: films.id, slug: films.slug, title: films.title, runtimeMinutes: films.runtimeMinutes })
    .from(films)
    .where(eq(films.festivalId, festivalId))
    .orderBy(asc(sql`lower(${films.title})`))
    .limit(1000);
  return { venues: venueRows, films: filmRows };
}


