import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import type { seats, venues } from '@/db/schema';
import { firstRow, rows, uuidArray, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { recordAudit, type AuditFields } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import type { LayoutSeat } from '@/lib/seat-layout';
import { listScreeningsToFollow, lockScreeningInventory, resizePaidPools } from './screening-inventory';

/**
 * Venues as staff edit them (the public reads are domain/catalogue/venues.ts). Creating and editing a venue is one
 * command each, audited; an edit that changes how many places a venue has (its seating, its unreserved capacity)
 * carries the screenings that have not started with it, as the seat map editor does (save-layout.ts).
 */

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const VenueInput = z
  .object({
    name: z.string().trim().min(1, 'Give the venue a name.').max(120),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'The web address may use lower-case letters, digits and single hyphens.')
      .max(80),
    addressLine: z.string().trim().min(1, 'Give the street address.').max(200),
    city: z.string().trim().min(1, 'Give the city.').max(100),
    postalCode: optionalText(20),
    description: optionalText(4000),
    accessibilityInfo: optionalText(4000),
    stepFree: z.boolean().default(false),
    hearingLoop: z.boolean().default(false),
    seating: z.enum(['reserved', 'general_admission']),
    capacity: z.number({ error: 'The capacity is a whole number.' }).int().min(1, 'Unreserved seating needs a capacity of at least 1.').max(100_000).nullable().default(null),
    changeoverMinutes: z.number({ error: 'Changeover is 0 to 240 minutes.' }).int().min(0, 'Changeover is 0 to 240 minutes.').max(240, 'Changeover is 0 to 240 minutes.').default(15),
  })
  .refine((v) => v.seating === 'reserved' || v.capacity !== null, { message: 'Unreserved seating needs a capacity.', path: ['capacity'] });
export type VenueInput = z.input<typeof VenueInput>;

export type VenueFailure =
  | { ok: false; reason: 'invalid_input'; message: string; fields: Record<string, string> }
  | { ok: false; reason: 'venue_not_found' | 'slug_taken' | 'seating_locked' | 'changeover_overlap' | 'capacity_below_sold'; message: string };
export type CreateVenueResult = { ok: true; venueId: string; slug: string } | VenueFailure;
export type UpdateVenueResult = { ok: true; venueId: string; slug: string; screeningsUpdated: number } | VenueFailure;

function invalid(error: z.ZodError): VenueFailure {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message;
  }
  return { ok: false, reason: 'invalid_input', message: Object.values(fields).join(' '), fields };
}

const UNIQUE_VIOLATION = '23505';
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

type Parsed = z.output<typeof VenueInput>;
function auditFields(v: Parsed): AuditFields {
  return {
    name: v.name,
    slug: v.slug,
    address_line: v.addressLine,
    city: v.city,
    postal_code: v.postalCode || null,
    step_free: v.stepFree,
    hearing_loop: v.hearingLoop,
    seating: v.seating,
    capacity: v.seating === 'reserved' ? null : v.capacity,
    changeover_minutes: v.changeoverMinutes,
    description_length: v.description.length,
    accessibility_info_length: v.accessibilityInfo.length,
  };
}

export async function createVenue(db: Database, actor: { id: string }, festivalId: string, raw: VenueInput): Promise<CreateVenueResult> {
  const parsed = VenueInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  try {
    return await transact<CreateVenueResult, CreateVenueResult>(db, async (tx) => {
      const created = await firstRow<{ id: string }>(tx, sql`
        INSERT INTO venues (festival_id, slug, name, address_line, city, postal_code, description, accessibility_info, step_free, hearing_loop, seating, capacity, changeover_minutes)
        VALUES (${festivalId}, ${v.slug}, ${v.name}, ${v.addressLine}, ${v.city}, ${v.postalCode || null}, ${v.description}, ${v.accessibilityInfo},
                ${v.stepFree}, ${v.hearingLoop}, ${v.seating}::seating_mode, ${v.seating === 'reserved' ? null : v.capacity}, ${v.changeoverMinutes})
        RETURNING id`);
      await recordAudit(tx, actor, { action: 'createVenue', subjectKind: 'venue', subjectId: created!.id, after: auditFields(v) });
      return { ok: true, venueId: created!.id, slug: v.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'slug_taken', message: `Another venue already has the web address "${v.slug}".` };
    throw error;
  }
}

type VenueRow = Pick<
  ColumnsOf<typeof venues>,
  'festival_id' | 'slug' | 'name' | 'address_line' | 'city' | 'postal_code' | 'description' | 'accessibility_info' | 'step_free' | 'hearing_loop' | 'seating' | 'capacity' | 'changeover_minutes'
>;

function fromRow(r: VenueRow): Parsed {
  return {
    name: r.name,
    slug: r.slug,
    addressLine: r.address_line,
    city: r.city,
    postalCode: r.postal_code ?? '',
    description: r.description,
    accessibilityInfo: r.accessibility_info,
    stepFree: r.step_free,
    hearingLoop: r.hearing_loop,
    seating: r.seating,
    capacity: r.capacity,
    changeoverMinutes: r.changeover_minutes,
  };
}

/**
 * Edits a venue. Its seating mode changes only while no screening of it has a valid ticket or a live hold (their
 * places are seats, or not); the screenings that have not started are then rebuilt for the new mode. A new unreserved
 * capacity resizes their paid pools, never below what is sold or held. A longer changeover is refused when it would make
 * two of the venue's screenings overlap.
 */
export async function updateVenue(db: Database, actor: { id: string }, venueId: string, raw: VenueInput, now = new Date()): Promise<UpdateVenueResult> {
  const parsed = VenueInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  try {
    return await transact<UpdateVenueResult, UpdateVenueResult>(db, async (tx, refuse) => {
      const row = await firstRow<VenueRow & { time_zone: string }>(tx, sql`
        SELECT v.festival_id, v.slug, v.name, v.address_line, v.city, v.postal_code, v.description, v.accessibility_info, v.step_free,
               v.hearing_loop, v.seating, v.capacity, v.changeover_minutes, f.time_zone
        FROM venues v JOIN festivals f ON f.id = v.festival_id WHERE v.id = ${venueId} FOR UPDATE OF v`);
      if (!row) return { ok: false, reason: 'venue_not_found', message: 'No such venue.' };
      const before = fromRow(row);
      const capacity = v.seating === 'reserved' ? null : v.capacity;
      const seatingChanges = before.seating !== v.seating;
      const capacityChanges = !seatingChanges && v.seating === 'general_admission' && before.capacity !== capacity;

      const following = seatingChanges || capacityChanges ? await listScreeningsToFollow(tx, venueId, now) : [];
      await lockScreeningInventory(
        tx,
        following.map((s) => s.id),
      );

      if (seatingChanges) {
        const used = await firstRow<{ n: number }>(tx, sql`
          SELECT count(*)::int AS n FROM screenings s WHERE s.venue_id = ${venueId} AND (
            EXISTS (SELECT 1 FROM tickets t WHERE t.screening_id = s.id AND t.status = 'valid')
            OR EXISTS (SELECT 1 FROM holds h WHERE h.screening_id = s.id AND h.status IN ('active', 'checkout')))`);
        if (used!.n > 0) {
          return refuse({
            ok: false,
            reason: 'seating_locked',
            message: `The seating cannot change: ${used!.n} screening${used!.n === 1 ? ' has' : 's have'} tickets or held places at this venue.`,
          });
        }
        const ids = following.map((s) => s.id);
        if (ids.length > 0) {
          await tx.execute(sql`DELETE FROM screening_seats WHERE screening_id = ANY(${uuidArray(ids)})`);
          if (v.seating === 'reserved') {
            await tx.execute(sql`
              INSERT INTO screening_seats (screening_id, seat_id, state)
              SELECT s.id, st.id, CASE WHEN st.blocked THEN 'blocked'::seat_state ELSE 'available'::seat_state END
              FROM screenings s JOIN seats st ON st.venue_id = s.venue_id WHERE s.id = ANY(${uuidArray(ids)})`);
          }
        }
      }
      if (seatingChanges || capacityChanges) {
        const house =
          v.seating === 'reserved'
            ? (id: string) => sql`SELECT count(*) FROM screening_seats WHERE screening_id = ${id} AND state <> 'blocked'`
            : () => sql`SELECT ${capacity}::int`;
        const shortfalls = await resizePaidPools(tx, following, house, row.time_zone);
        if (shortfalls.length > 0) {
          return refuse({ ok: false, reason: 'capacity_below_sold', message: `${shortfalls.map((s) => s.message).join(' ')} Nothing was saved.` });
        }
      }

      if (v.changeoverMinutes > before.changeoverMinutes) {
        const clash = await firstRow<{ a: string; b: string }>(tx, sql`
          SELECT to_json(a.starts_at) #>> '{}' AS a, to_json(b.starts_at) #>> '{}' AS b FROM screenings a JOIN screenings b
            ON b.venue_id = a.venue_id AND b.id <> a.id AND b.starts_at >= a.starts_at
           AND b.starts_at < a.ends_at + make_interval(mins => ${v.changeoverMinutes})
          WHERE a.venue_id = ${venueId} AND a.status <> 'cancelled' AND b.status <> 'cancelled' AND a.ends_at > ${now.toISOString()}::timestamptz
          LIMIT 1`);
        if (clash) {
          return refuse({
            ok: false,
            reason: 'changeover_overlap',
            message: `A changeover of ${v.changeoverMinutes} minutes would leave too little time between two screenings here. Move one first, or keep a shorter changeover.`,
          });
        }
      }

      await tx.execute(sql`
        UPDATE venues SET slug = ${v.slug}, name = ${v.name}, address_line = ${v.addressLine}, city = ${v.city}, postal_code = ${v.postalCode || null},
               description = ${v.description}, accessibility_info = ${v.accessibilityInfo}, step_free = ${v.stepFree}, hearing_loop = ${v.hearingLoop},
               seating = ${v.seating}::seating_mode, capacity = ${capacity}, changeover_minutes = ${v.changeoverMinutes}
        WHERE id = ${venueId}`);

      const was = auditFields(before);
      const now_ = auditFields({ ...v, capacity });
      const changedKeys = Object.keys(now_).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now_[k]));
      if (changedKeys.length > 0) {
        await recordAudit(tx, actor, {
          action: 'updateVenue',
          subjectKind: 'venue',
          subjectId: venueId,
          before: Object.fromEntries(changedKeys.map((k) => [k, was[k] ?? null])),
          after: Object.fromEntries(changedKeys.map((k) => [k, now_[k] ?? null])),
        });
      }
      return { ok: true, venueId, slug: v.slug, screeningsUpdated: following.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'slug_taken', message: `Another venue already has the web address "${v.slug}".` };
    throw error;
  }
}

export interface StaffVenueSummary {
  id: string;
  slug: string;
  name: string;
  city: string;
  seating: 'reserved' | 'general_admission';
  places: number;
  seats: number;
  blocked: number;
  wheelchair: number;
  upcomingScreenings: number;
}

/** The festival's venues for the console's list. */
export async function listVenuesForStaff(festivalId: string, db: SqlRunner = getDb(), now = new Date()): Promise<StaffVenueSummary[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof venues>, 'id' | 'slug' | 'name' | 'city' | 'seating' | 'capacity'> & { seats: number; blocked: number; wheelchair: number; upcoming: number }
  >(db, sql`
    SELECT v.id, v.slug, v.name, v.city, v.seating, v.capacity,
           (SELECT count(*)::int FROM seats st WHERE st.venue_id = v.id) AS seats,
           (SELECT count(*)::int FROM seats st WHERE st.venue_id = v.id AND st.blocked) AS blocked,
           (SELECT count(*)::int FROM seats st WHERE st.venue_id = v.id AND st.kind = 'wheelchair') AS wheelchair,
           (SELECT count(*)::int FROM screenings s WHERE s.venue_id = v.id AND s.status <> 'cancelled' AND s.starts_at > ${now.toISOString()}::timestamptz) AS upcoming
    FROM venues v WHERE v.festival_id = ${festivalId} ORDER BY lower(v.name), v.id`);
  return found.map((v) => ({
    id: v.id,
    slug: v.slug,
    name: v.name,
    city: v.city,
    seating: v.seating,
    places: v.seating === 'reserved' ? v.seats - v.blocked : (v.capacity ?? 0),
    seats: v.seats,
    blocked: v.blocked,
    wheelchair: v.wheelchair,
    upcomingScreenings: v.upcoming,
  }));
}

export type VenueForEditing = Parsed & { id: string; festivalId: string; upcomingScreenings: number };

/** One venue of the festival, as its edit form fills in; null when it is not this festival's. */
export async function getVenueForEditing(festivalId: string, venueId: string, db: SqlRunner = getDb(), now = new Date()): Promise<VenueForEditing | null> {
  if (!z.guid().safeParse(venueId).success) return null;
  const row = await firstRow<VenueRow & { upcoming: number }>(db, sql`
    SELECT v.festival_id, v.slug, v.name, v.address_line, v.city, v.postal_code, v.description, v.accessibility_info, v.step_free,
           v.hearing_loop, v.seating, v.capacity, v.changeover_minutes,
           (SELECT count(*)::int FROM screenings s WHERE s.venue_id = v.id AND s.status <> 'cancelled' AND s.starts_at > ${now.toISOString()}::timestamptz) AS upcoming
    FROM venues v WHERE v.id = ${venueId} AND v.festival_id = ${festivalId}`);
  if (!row) return null;
  return { ...fromRow(row), id: venueId, festivalId: row.festival_id, upcomingScreenings: row.upcoming };
}

/** A venue's seats as the editor and the export read them, front to back, left to right. */
export async function getSeatLayout(venueId: string, db: SqlRunner = getDb()): Promise<LayoutSeat[]> {
  const found = await rows<Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'x' | 'y' | 'kind' | 'blocked'> & { section: string }>(db, sql`
    SELECT st.id, sec.name AS section, st.row_label, st.seat_number, st.x, st.y, st.kind, st.blocked
    FROM seats st JOIN seat_sections sec ON sec.id = st.section_id WHERE st.venue_id = ${venueId} ORDER BY st.y, st.x`);
  return found.map((s) => ({ id: s.id, section: s.section, row: s.row_label, number: s.seat_number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked }));
}
