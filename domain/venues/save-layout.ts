import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { seats, venues } from '@/db/schema';
import { firstRow, intArray, rows, textArray, uuidArray, type ColumnsOf } from '@/db/sql';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { labelKey, layoutSeatName, SEAT_KINDS, summariseLayout, validateLayout, type LayoutError, type LayoutSeat } from '@/lib/seat-layout';
import { listScreeningsToFollow, lockScreeningInventory, resizePaidPools } from './screening-inventory';

/**
 * Saving a reserved venue's whole seat layout, as one command in one transaction: the seats (kept seats keep their id,
 * so their tickets and holds still name them), the sections, and every screening that has not started following the
 * new layout (its seat rows and its paid pool). A seat that a valid ticket or a live hold names, at any screening, is
 * neither removed nor blocked: the command refuses and names it.
 */

export const LayoutSeatInput = z.object({
  id: z.guid().optional(),
  section: z.string().trim().max(60),
  row: z.string().trim().max(20),
  number: z.number().int(),
  x: z.number().int(),
  y: z.number().int(),
  kind: z.enum(SEAT_KINDS),
  blocked: z.boolean(),
});
export const LayoutInput = z.array(LayoutSeatInput).max(5000);

export type SaveLayoutResult =
  | { ok: true; added: number; removed: number; changed: number; screeningsUpdated: number }
  | { ok: false; reason: 'venue_not_found' | 'not_reserved'; message: string }
  | { ok: false; reason: 'invalid_layout'; message: string; errors: LayoutError[] }
  | { ok: false; reason: 'seats_in_use' | 'seats_have_history'; message: string; seats: string[] }
  | { ok: false; reason: 'capacity_below_sold'; message: string; screenings: string[] };

type ExistingSeat = Pick<ColumnsOf<typeof seats>, 'id' | 'row_label' | 'seat_number' | 'x' | 'y' | 'kind' | 'blocked'> & { section: string };

function asLayoutSeat(s: ExistingSeat): LayoutSeat {
  return { id: s.id, section: s.section, row: s.row_label, number: s.seat_number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked };
}

function sameSeat(a: LayoutSeat, b: LayoutSeat): boolean {
  return a.section === b.section && a.row === b.row && a.number === b.number && a.x === b.x && a.y === b.y && a.kind === b.kind && a.blocked === b.blocked;
}

/** Names for a message: at most a dozen, then how many more. */
function nameSeats(names: string[]): string {
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown} and ${names.length - 12} more` : shown;
}

export async function saveSeatLayout(db: Database, actor: { id: string }, venueId: string, layout: unknown, now = new Date()): Promise<SaveLayoutResult> {
  const parsed = LayoutInput.safeParse(layout);
  if (!parsed.success) return { ok: false, reason: 'invalid_layout', message: 'The layout is not a list of seats.', errors: [] };
  const wanted: LayoutSeat[] = parsed.data;
  const errors = validateLayout(wanted);
  if (errors.length > 0) return { ok: false, reason: 'invalid_layout', message: 'The layout has errors: nothing was saved.', errors };

  return transact<SaveLayoutResult, SaveLayoutResult>(db, async (tx, refuse) => {
    // The venue row first: two saves of one layout queue here, and each reads the seats the other left.
    const venue = await firstRow<Pick<ColumnsOf<typeof venues>, 'seating' | 'name'> & { time_zone: string }>(tx, sql`
      SELECT v.seating, v.name, f.time_zone FROM venues v JOIN festivals f ON f.id = v.festival_id WHERE v.id = ${venueId} FOR UPDATE OF v`);
    if (!venue) return { ok: false, reason: 'venue_not_found', message: 'No such venue.' };
    if (venue.seating !== 'reserved') {
      return { ok: false, reason: 'not_reserved', message: 'This venue has unreserved seating: it has no seat map. Change its seating first.' };
    }

    const existing = (
      await rows<ExistingSeat>(tx, sql`
        SELECT st.id, sec.name AS section, st.row_label, st.seat_number, st.x, st.y, st.kind, st.blocked
        FROM seats st JOIN seat_sections sec ON sec.id = st.section_id WHERE st.venue_id = ${venueId}`)
    ).map(asLayoutSeat);
    const byId = new Map(existing.map((s) => [s.id!, s]));
    const claimed = new Set<string>();
    for (const s of wanted) {
      if (!s.id) continue;
      if (!byId.has(s.id)) return refuse({ ok: false, reason: 'invalid_layout', message: 'The layout names a seat this venue does not have: reload the page and edit again.', errors: [] });
      claimed.add(s.id);
    }
    // A seat without an id (an imported file) is the existing seat with its label, if any: its tickets stay with it.
    const byLabel = new Map(existing.filter((s) => !claimed.has(s.id!)).map((s) => [labelKey(s), s]));
    const matched: LayoutSeat[] = wanted.map((s) => {
      if (s.id) return s;
      const same = byLabel.get(labelKey(s));
      if (!same) return s;
      byLabel.delete(labelKey(s));
      claimed.add(same.id!);
      return { ...s, id: same.id };
    });
    const removed = existing.filter((s) => !claimed.has(s.id!));
    const kept = matched.filter((s): s is LayoutSeat & { id: string } => s.id !== undefined);
    const added = matched.filter((s) => s.id === undefined);
    const changed = kept.filter((s) => !sameSeat(s, byId.get(s.id)!));
    const newlyBlocked = kept.filter((s) => s.blocked && !byId.get(s.id)!.blocked);
    const unblocked = kept.filter((s) => !s.blocked && byId.get(s.id)!.blocked);
    if (removed.length === 0 && added.length === 0 && changed.length === 0) {
      return { ok: true, added: 0, removed: 0, changed: 0, screeningsUpdated: 0 };
    }

    const following = await listScreeningsToFollow(tx, venueId, now);
    await lockScreeningInventory(
      tx,
      following.map((s) => s.id),
    );

    // Seats that may not go: a valid ticket or a live hold names them, at any screening (checked after the pool locks,
    // so a sale of these seats either committed before and is seen here, or waits and then finds them gone or blocked).
    const leaving = [...removed, ...newlyBlocked];
    const leavingIds = leaving.map((s) => s.id!);
    if (leavingIds.length > 0) {
      await tx.execute(sql`SELECT 1 FROM screening_seats WHERE seat_id = ANY(${uuidArray(leavingIds)}) ORDER BY screening_id, seat_id FOR UPDATE`);
      const inUse = await rows<{ seat_id: string }>(tx, sql`
        SELECT seat_id FROM tickets WHERE seat_id = ANY(${uuidArray(leavingIds)}) AND status = 'valid'
        UNION
        SELECT hs.seat_id FROM hold_seats hs JOIN holds h ON h.id = hs.hold_id
        WHERE hs.seat_id = ANY(${uuidArray(leavingIds)}) AND hs.live AND h.status IN ('active', 'checkout')
        UNION
        SELECT seat_id FROM screening_seats WHERE seat_id = ANY(${uuidArray(leavingIds)}) AND state IN ('held', 'sold')`);
      if (inUse.length > 0) {
        const taken = new Set(inUse.map((r) => r.seat_id));
        const names = leaving.filter((s) => taken.has(s.id!)).map((s) => layoutSeatName(byId.get(s.id!)!));
        return refuse({
          ok: false,
          reason: 'seats_in_use',
          message: `Sold or held seats can be neither removed nor blocked: ${nameSeats(names)}. Nothing was saved.`,
          seats: names,
        });
      }
    }

    // A removed seat that tickets or holds ever named stays in the database for their history (their foreign keys
    // name it): blocking it takes it off sale just as well.
    const removedIds = removed.map((s) => s.id!);
    if (removedIds.length > 0) {
      const history = await rows<{ seat_id: string }>(tx, sql`
        SELECT seat_id FROM tickets WHERE seat_id = ANY(${uuidArray(removedIds)})
        UNION SELECT seat_id FROM hold_seats WHERE seat_id = ANY(${uuidArray(removedIds)})`);
      if (history.length > 0) {
        const pinned = new Set(history.map((r) => r.seat_id));
        const names = removed.filter((s) => pinned.has(s.id!)).map(layoutSeatName);
        return refuse({
          ok: false,
          reason: 'seats_have_history',
          message: `These seats have been sold or held before, so they stay on record: block them instead of removing them: ${nameSeats(names)}. Nothing was saved.`,
          seats: names,
        });
      }
      // Empty seat rows only (checked above): every screening, past ones included, forgets the seat.
      await tx.execute(sql`DELETE FROM screening_seats WHERE seat_id = ANY(${uuidArray(removedIds)})`);
      await tx.execute(sql`DELETE FROM seats WHERE id = ANY(${uuidArray(removedIds)})`);
    }

    const sectionIds = await writeSections(tx, venueId, matched);
    const sectionOf = (s: LayoutSeat) => sectionIds.get(s.section.toLowerCase())!;

    if (changed.length > 0) {
      const ids = changed.map((s) => s.id);
      // Two steps, because the unique label and position indexes are checked row by row: seats that swap places or
      // numbers would collide half-way. First park them on labels and positions no real seat has (negative), then move.
      await tx.execute(sql`
        UPDATE seats SET seat_number = -p.i, x = -p.i, y = -1
        FROM unnest(${uuidArray(ids)}) WITH ORDINALITY AS p(id, i) WHERE seats.id = p.id`);
      await tx.execute(sql`
        UPDATE seats SET section_id = c.section_id, row_label = c.row_label, seat_number = c.seat_number, x = c.x, y = c.y,
                         kind = c.kind::seat_kind, blocked = c.blocked
        FROM unnest(${uuidArray(ids)}, ${uuidArray(changed.map(sectionOf))}, ${textArray(changed.map((s) => s.row))},
                    ${intArray(changed.map((s) => s.number))}, ${intArray(changed.map((s) => s.x))}, ${intArray(changed.map((s) => s.y))},
                    ${textArray(changed.map((s) => s.kind))}, ${boolArray(changed.map((s) => s.blocked))})
             AS c(id, section_id, row_label, seat_number, x, y, kind, blocked)
        WHERE seats.id = c.id`);
    }
    let addedIds: string[] = [];
    if (added.length > 0) {
      addedIds = (
        await rows<{ id: string }>(tx, sql`
          INSERT INTO seats (venue_id, section_id, row_label, seat_number, x, y, kind, blocked)
          SELECT ${venueId}, a.section_id, a.row_label, a.seat_number, a.x, a.y, a.kind::seat_kind, a.blocked
          FROM unnest(${uuidArray(added.map(sectionOf))}, ${textArray(added.map((s) => s.row))}, ${intArray(added.map((s) => s.number))},
                      ${intArray(added.map((s) => s.x))}, ${intArray(added.map((s) => s.y))}, ${textArray(added.map((s) => s.kind))},
                      ${boolArray(added.map((s) => s.blocked))}) AS a(section_id, row_label, seat_number, x, y, kind, blocked)
          RETURNING id`)
      ).map((r) => r.id);
    }

    await deleteUnusedSections(tx, venueId);

    const followingIds = following.map((s) => s.id);
    if (followingIds.length > 0) {
      if (addedIds.length > 0) {
        await tx.execute(sql`
          INSERT INTO screening_seats (screening_id, seat_id, state)
          SELECT s.id, st.id, CASE WHEN st.blocked THEN 'blocked'::seat_state ELSE 'available'::seat_state END
          FROM unnest(${uuidArray(followingIds)}) AS s(id) CROSS JOIN seats st WHERE st.id = ANY(${uuidArray(addedIds)})`);
      }
      if (newlyBlocked.length > 0) {
        await tx.execute(sql`UPDATE screening_seats SET state = 'blocked'
          WHERE screening_id = ANY(${uuidArray(followingIds)}) AND seat_id = ANY(${uuidArray(newlyBlocked.map((s) => s.id))}) AND state = 'available'`);
      }
      if (unblocked.length > 0) {
        await tx.execute(sql`UPDATE screening_seats SET state = 'available'
          WHERE screening_id = ANY(${uuidArray(followingIds)}) AND seat_id = ANY(${uuidArray(unblocked.map((s) => s.id))}) AND state = 'blocked'`);
      }
      // The house of a reserved screening is its seats that are not blocked.
      const shortfalls = await resizePaidPools(
        tx,
        following,
        (id) => sql`SELECT count(*) FROM screening_seats WHERE screening_id = ${id} AND state <> 'blocked'`,
        venue.time_zone,
      );
      if (shortfalls.length > 0) {
        return refuse({
          ok: false,
          reason: 'capacity_below_sold',
          message: `${shortfalls.map((s) => s.message).join(' ')} Nothing was saved.`,
          screenings: shortfalls.map((s) => s.screeningId),
        });
      }
    }

    const before = summariseLayout(existing);
    const after = summariseLayout(matched);
    await recordAudit(tx, actor, {
      action: 'saveSeatLayout',
      subjectKind: 'venue',
      subjectId: venueId,
      before: { ...before, removed: removed.slice(0, 50).map(layoutSeatName) },
      after: {
        ...after,
        added: added.slice(0, 50).map(layoutSeatName),
        blocked_now: newlyBlocked.slice(0, 50).map(layoutSeatName),
        unblocked: unblocked.slice(0, 50).map(layoutSeatName),
        changed: changed.length,
        screenings_updated: followingIds.length,
      },
    });
    return { ok: true, added: added.length, removed: removed.length, changed: changed.length, screeningsUpdated: followingIds.length };
  });
}

function boolArray(xs: readonly boolean[]) {
  return xs.length === 0 ? sql`ARRAY[]::boolean[]` : sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::boolean[]`;
}

/** The layout's sections, by lower-cased name, created when new; their order is their first seat's, front to back. */
async function writeSections(tx: Transaction, venueId: string, layout: readonly LayoutSeat[]): Promise<Map<string, string>> {
  const order: string[] = [];
  const names = new Map<string, string>();
  for (const s of [...layout].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const key = s.section.toLowerCase();
    if (!names.has(key)) {
      names.set(key, s.section);
      order.push(key);
    }
  }
  const existing = await rows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM seat_sections WHERE venue_id = ${venueId}`);
  const ids = new Map(existing.map((e) => [e.name.toLowerCase(), e.id]));
  for (const [position, key] of order.entries()) {
    const name = names.get(key)!;
    const id = ids.get(key);
    if (id) {
      await tx.execute(sql`UPDATE seat_sections SET name = ${name}, position = ${position} WHERE id = ${id}`);
    } else {
      const created = await firstRow<{ id: string }>(tx, sql`
        INSERT INTO seat_sections (venue_id, name, position) VALUES (${venueId}, ${name}, ${position}) RETURNING id`);
      ids.set(key, created!.id);
    }
  }
  return ids;
}

/** A section with no seat left goes (its seats were moved or removed first, so the cascade removes nothing). */
async function deleteUnusedSections(tx: Transaction, venueId: string): Promise<void> {
  await tx.execute(sql`DELETE FROM seat_sections sec WHERE sec.venue_id = ${venueId}
    AND NOT EXISTS (SELECT 1 FROM seats st WHERE st.section_id = sec.id)`);
}
