import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import type { allotments } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { issueFreeTickets, type FreeTicketsResult } from '@/domain/access/issue-tickets';
import { recordAllocationChange, voidAccessTickets } from '@/domain/access/return-places';
import { DEFAULT_SCHEME_SETTINGS, getSchemeSettings } from '@/domain/access/settings';
import { can } from '@/domain/accounts/permissions';
import type { OrderSettings } from '@/domain/payments/orders';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { queueEmail } from '@/domain/notifications/emails';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { renderAllotmentDecline, renderAllotmentGrant } from '@/platform/email/partner-decisions';
import { formatDateTime } from '@/lib/time';
import type { Actor } from './organisations';

/** Community Access places reach people only through partner allotments (issue 8): this is their scheme and pool. */
export const COMMUNITY = 'community_access' as const;

/** The most places one form or API call asks for at once (issueFreeTickets issues at most 50). */
export const MAX_PLACES_AT_ONCE = 50;

type Failed<R> = Extract<R, { ok: false }>;

export type AllotmentRefusal =
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid_request'; message: string }
  | { ok: false; reason: 'allotment_not_found' }
  | { ok: false; reason: 'organisation_not_verified' }
  | { ok: false; reason: 'organisation_not_found' }
  | { ok: false; reason: 'screening_not_found' }
  | { ok: false; reason: 'allotment_exists' }
  | { ok: false; reason: 'allotment_not_open' }
  | { ok: false; reason: 'past_cut_off' }
  | { ok: false; reason: 'allotment_exhausted'; left: number }
  | { ok: false; reason: 'allocation_exhausted'; left: number }
  | { ok: false; reason: 'order_not_found' }
  | { ok: false; reason: 'nothing_to_give_back' };

const invalid = (message: string) => ({ ok: false, reason: 'invalid_request', message }) as const;

function checkQuantity(n: number): Failed<AllotmentRefusal> | null {
  return Number.isInteger(n) && n >= 1 && n <= MAX_PLACES_AT_ONCE ? null : invalid(`Choose between 1 and ${MAX_PLACES_AT_ONCE} places.`);
}

/**
 * When a screening's partner allotments close: the Community Access cut-off (the festival's release_hours_before for
 * the scheme, 48 h by default) before it starts. After it, nothing is claimed, returned or coded; the allocations'
 * release job gives unused places back to general sale. Codes already issued stay redeemable until the screening.
 */
export async function allotmentCutOff(db: SqlRunner, screeningId: string): Promise<{ festivalId: string; startsAt: Date; cutOff: Date } | null> {
  const s = await firstRow<{ festival_id: string; starts_at: string }>(db, sql`
    SELECT festival_id, to_json(starts_at) AS starts_at FROM screenings WHERE id = ${screeningId}`);
  if (!s) return null;
  const settings = await getSchemeSettings(db, s.festival_id, COMMUNITY);
  const startsAt = new Date(s.starts_at);
  return { festivalId: s.festival_id, startsAt, cutOff: new Date(startsAt.getTime() - settings.releaseHoursBefore * 3_600_000) };
}

/**
 * Whether the screening's allotments are still open: not cancelled, before the cut-off, and its places not yet
 * released by hand or by the job.
 */
async function allotmentsOpen(db: SqlRunner, screeningId: string): Promise<boolean> {
  const cut = await allotmentCutOff(db, screeningId);
  if (!cut || cut.cutOff.getTime() <= Date.now()) return false;
  const closed = await firstRow<{ closed: boolean }>(db, sql`
    SELECT s.status = 'cancelled' OR coalesce(a.released_at IS NOT NULL, false) AS closed
    FROM screenings s LEFT JOIN access_allocations a ON a.screening_id = s.id AND a.scheme = ${COMMUNITY}::access_scheme
    WHERE s.id = ${screeningId}`);
  return closed?.closed === false;
}

// ——— Requests and grants ———

export type RequestAllotmentResult = { ok: true; allotmentId: string } | AllotmentRefusal;

/**
 * A verified partner asks for places at a screening. One allotment per organisation and screening: a declined or
 * returned one may be asked for again; a waiting or granted one may not (staff can add to it).
 */
export async function requestAllotment(db: Database, actor: Actor, input: { screeningId: string; quantity: number; note: string | null }): Promise<RequestAllotmentResult> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  const bad = checkQuantity(input.quantity);
  if (bad) return bad;
  if (!(await allotmentsOpen(db, input.screeningId))) return { ok: false, reason: 'past_cut_off' };
  const row = await firstRow<{ id: string }>(db, sql`
    INSERT INTO allotments (screening_id, organisation_id, scheme, status, requested_quantity, note, requested_by)
    SELECT ${input.screeningId}, o.id, ${COMMUNITY}::access_scheme, 'requested', ${input.quantity}, ${input.note}, ${actor.id}
    FROM organisations o WHERE o.id = ${actor.organisationId} AND o.status = 'verified'
    ON CONFLICT (screening_id, organisation_id, scheme) DO UPDATE
      SET status = 'requested', requested_quantity = EXCLUDED.requested_quantity, note = EXCLUDED.note,
          requested_by = EXCLUDED.requested_by, created_at = now(), decided_at = NULL, decided_by = NULL
      WHERE allotments.status IN ('declined', 'returned')
    RETURNING id`);
  if (row) return { ok: true, allotmentId: row.id };
  const verified = await firstRow<{ id: string }>(db, sql`SELECT id FROM organisations WHERE id = ${actor.organisationId} AND status = 'verified'`);
  return verified ? { ok: false, reason: 'allotment_exists' } : { ok: false, reason: 'organisation_not_verified' };
}

export type GrantAllotmentResult = { ok: true; allotmentId: string; quantity: number } | AllotmentRefusal;

export type GrantInput =
  /** Answer a partner's request, in full or in part (quantity up to what was asked). */
  | { allotmentId: string; quantity: number; note?: string | null }
  /** Assign places directly to a verified organisation (or add to its allotment). */
  | { screeningId: string; organisationId: string; quantity: number; note?: string | null };

/**
 * Staff grant places of the screening's Community Access allocation to a partner. The allotment row is written (and
 * locked) first, then the pool's `allotted` grows only if it stays within the pool's capacity, in one conditional
 * update: two grants at once can never promise more places than the scheme holds.
 */
export async function grantAllotment(db: Database, actor: Actor, input: GrantInput, settings: AllotmentEmailSettings): Promise<GrantAllotmentResult> {
  if (!can(actor, 'access.review')) return { ok: false, reason: 'forbidden' };
  const bad = checkQuantity(input.quantity);
  if (bad) return bad;
  const note = input.note?.trim() || null;
  return transact<GrantAllotmentResult, AllotmentRefusal>(db, async (tx, refuse) => {
    let granted: Pick<ColumnsOf<typeof allotments>, 'id' | 'screening_id' | 'organisation_id' | 'quantity'> | null;
    if ('allotmentId' in input) {
      granted = await firstRow(tx, sql`
        UPDATE allotments SET status = 'granted', quantity = quantity + ${input.quantity}, decided_by = ${actor.id}, decided_at = now(),
               note = coalesce(${note}, note)
        WHERE id = ${input.allotmentId} AND status = 'requested' AND ${input.quantity} <= requested_quantity
        RETURNING id, screening_id, organisation_id, quantity`);
      if (!granted) {
        const found = await firstRow<Pick<ColumnsOf<typeof allotments>, 'status' | 'requested_quantity'>>(tx, sql`
          SELECT status, requested_quantity FROM allotments WHERE id = ${input.allotmentId}`);
        if (!found) return refuse({ ok: false, reason: 'allotment_not_found' });
        if (found.status !== 'requested') return refuse({ ok: false, reason: 'allotment_not_open' });
        return refuse(invalid(`The partner asked for ${found.requested_quantity}: grant that many or fewer.`));
      }
    } else {
      granted = await firstRow(tx, sql`
        INSERT INTO allotments (screening_id, organisation_id, scheme, status, requested_quantity, quantity, note, requested_by, decided_by, decided_at)
        SELECT ${input.screeningId}, o.id, ${COMMUNITY}::access_scheme, 'granted', ${input.quantity}, ${input.quantity}, ${note}, ${actor.id}, ${actor.id}, now()
        FROM organisations o JOIN screenings s ON s.id = ${input.screeningId}
        WHERE o.id = ${input.organisationId} AND o.status = 'verified'
        ON CONFLICT (screening_id, organisation_id, scheme) DO UPDATE
          SET status = 'granted', quantity = allotments.quantity + EXCLUDED.quantity, decided_by = EXCLUDED.decided_by, decided_at = now(),
              note = coalesce(EXCLUDED.note, allotments.note)
        RETURNING id, screening_id, organisation_id, quantity`);
      if (!granted) {
        // Nothing was inserted: say which of the two was missing (an unknown id is a 404, an unverified organisation a 409).
        const org = await firstRow<{ status: string }>(tx, sql`SELECT status FROM organisations WHERE id = ${input.organisationId}`);
        if (!org) return refuse({ ok: false, reason: 'organisation_not_found' });
        if (org.status !== 'verified') return refuse({ ok: false, reason: 'organisation_not_verified' });
        return refuse({ ok: false, reason: 'screening_not_found' });
      }
    }
    if (!(await allotmentsOpen(tx, granted.screening_id))) return refuse({ ok: false, reason: 'past_cut_off' });
    // The invariant: granted allotments never add up to more than the Community Access pool (also a CHECK on the row).
    const pool = await firstRow<{ allotted: number }>(tx, sql`
      UPDATE inventory_pools SET allotted = allotted + ${input.quantity}
      WHERE screening_id = ${granted.screening_id} AND kind = ${COMMUNITY}::pool_kind AND allotted + ${input.quantity} <= capacity
      RETURNING allotted`);
    if (!pool) {
      const left = await firstRow<{ left: number }>(tx, sql`
        SELECT greatest(capacity - allotted, 0)::int AS left FROM inventory_pools WHERE screening_id = ${granted.screening_id} AND kind = ${COMMUNITY}::pool_kind`);
      return refuse({ ok: false, reason: 'allocation_exhausted', left: left?.left ?? 0 });
    }
    const about = await getAllotmentEmailFacts(tx, granted.id, settings);
    if (about) {
      await queueEmail(
        tx,
        about.to,
        renderAllotmentGrant({ ...about.facts, note, grantedNow: input.quantity, total: granted.quantity, deadline: about.deadline }),
        settings.emailStatus,
      );
    }
    await recordAudit(tx, actor, {
      action: 'grantAllotment', subjectKind: 'allotment', subjectId: granted.id, screeningId: granted.screening_id, organisationId: granted.organisation_id,
      before: { places: granted.quantity - input.quantity }, after: { status: 'granted', places: granted.quantity }, reason: note,
    });
    return { ok: true, allotmentId: granted.id, quantity: granted.quantity };
  });
}

/** Staff decline a partner's request for places; the partner who asked is emailed, with the note, in the same transaction. */
export async function declineAllotment(db: Database, actor: Actor, allotmentId: string, note: string | null, settings: AllotmentEmailSettings): Promise<{ ok: true } | AllotmentRefusal> {
  if (!can(actor, 'access.review')) return { ok: false, reason: 'forbidden' };
  const trimmed = note?.trim() || null;
  return transact<{ ok: true }, AllotmentRefusal>(db, async (tx, refuse) => {
    const row = await firstRow<Pick<ColumnsOf<typeof allotments>, 'id' | 'requested_quantity' | 'screening_id' | 'organisation_id'>>(tx, sql`
      UPDATE allotments SET status = 'declined', decided_by = ${actor.id}, decided_at = now(), note = coalesce(${trimmed}, note)
      WHERE id = ${allotmentId} AND status = 'requested' RETURNING id, requested_quantity, screening_id, organisation_id`);
    if (!row) {
      const found = await firstRow<{ id: string }>(tx, sql`SELECT id FROM allotments WHERE id = ${allotmentId}`);
      return refuse(found ? { ok: false, reason: 'allotment_not_open' } : { ok: false, reason: 'allotment_not_found' });
    }
    const about = await getAllotmentEmailFacts(tx, row.id, settings);
    if (about) {
      await queueEmail(tx, about.to, renderAllotmentDecline({ ...about.facts, note: trimmed, requested: row.requested_quantity }), settings.emailStatus);
    }
    await recordAudit(tx, actor, {
      action: 'declineAllotment', subjectKind: 'allotment', subjectId: row.id, screeningId: row.screening_id, organisationId: row.organisation_id,
      before: { status: 'requested', requested: row.requested_quantity }, after: { status: 'declined' }, reason: trimmed,
    });
    return { ok: true };
  });
}

/** What the allotment emails need from the caller: links are built from the configured public URL, never a request's headers. */
export type AllotmentEmailSettings = Pick<OrderSettings, 'baseUrl' | 'emailStatus'>;

/**
 * Who hears about a decision on an allotment, and what it is about: the partner who asked for the places (if they
 * still belong to the organisation), else the organisation's contact. The screening's time and the cut-off are in
 * the festival's zone. Null when nobody can be reached.
 */
async function getAllotmentEmailFacts(tx: Transaction, allotmentId: string, settings: AllotmentEmailSettings) {
  const row = await firstRow<{
    organisation: string;
    to: string | null;
    recipient_name: string | null;
    title: string | null;
    starts_at: string;
    cut_off: string;
    festival_name: string;
    time_zone: string;
  }>(tx, sql`
    SELECT o.name AS organisation, coalesce(u.email, o.contact_email) AS "to", CASE WHEN u.id IS NOT NULL THEN u.name ELSE o.contact_name END AS recipient_name,
           ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, f.name AS festival_name, f.time_zone,
           to_json(s.starts_at - make_interval(hours => coalesce(st.release_hours_before, ${DEFAULT_SCHEME_SETTINGS[COMMUNITY].releaseHoursBefore}))) AS cut_off
    FROM allotments a
    JOIN organisations o ON o.id = a.organisation_id
    JOIN screenings s ON s.id = a.screening_id
    JOIN festivals f ON f.id = s.festival_id
    LEFT JOIN users u ON u.id = a.requested_by AND u.organisation_id = a.organisation_id
    LEFT JOIN access_scheme_settings st ON st.festival_id = s.festival_id AND st.scheme = ${COMMUNITY}::access_scheme
    WHERE a.id = ${allotmentId}`);
  if (!row?.to) return null;
  return {
    to: row.to,
    deadline: formatDateTime(new Date(row.cut_off), row.time_zone),
    facts: {
      festivalName: row.festival_name,
      organisation: row.organisation,
      recipientName: row.recipient_name,
      screening: `${row.title ?? 'Screening'}, ${formatDateTime(new Date(row.starts_at), row.time_zone)}`,
      allotmentsUrl: `${settings.baseUrl}/partner/allotments`,
    },
  };
}

// ——— The partner's own allotment: claims, returns ———

/**
 * Takes `n` of the organisation's unused allotment places, in one conditional update on the allotment row (which also
 * locks it, first, before any pool or seat): only the partner's own, granted allotment, before the cut-off, and never
 * past its quantity. Returns the screening, or why not.
 */
export async function takeAllotmentPlaces(tx: Transaction, actor: Actor, allotmentId: string, n: number): Promise<{ ok: true; screeningId: string } | AllotmentRefusal> {
  const own = await firstRow<Pick<ColumnsOf<typeof allotments>, 'screening_id' | 'status'>>(tx, sql`
    SELECT screening_id, status FROM allotments WHERE id = ${allotmentId} AND organisation_id = ${actor.organisationId}`);
  // Another organisation's allotment is answered like a missing one, so ids cannot be probed.
  if (!own) return { ok: false, reason: 'allotment_not_found' };
  if (own.status !== 'granted') return { ok: false, reason: 'allotment_not_open' };
  if (!(await allotmentsOpen(tx, own.screening_id))) return { ok: false, reason: 'past_cut_off' };
  const taken = await firstRow<{ id: string }>(tx, sql`
    UPDATE allotments SET used = used + ${n}
    WHERE id = ${allotmentId} AND organisation_id = ${actor.organisationId} AND status = 'granted' AND used + ${n} <= quantity
    RETURNING id`);
  if (!taken) {
    const left = await firstRow<{ left: number }>(tx, sql`SELECT (quantity - used)::int AS left FROM allotments WHERE id = ${allotmentId}`);
    return { ok: false, reason: 'allotment_exhausted', left: left?.left ?? 0 };
  }
  return { ok: true, screeningId: own.screening_id };
}

export type ClaimResult = Extract<FreeTicketsResult, { ok: true }> | AllotmentRefusal | Failed<FreeTicketsResult>;

/**
 * A partner claims places of its allotment for the people it serves: tickets with their names (or the partner's),
 * issued as a $0 Community Access order of the organisation, emailed to the partner who claimed them.
 */
export async function claimAllotmentPlaces(
  db: Database,
  actor: Actor,
  allotmentId: string,
  input: { quantity: number; holderNames?: (string | null)[] },
  settings: OrderSettings,
): Promise<ClaimResult> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  const bad = checkQuantity(input.quantity);
  if (bad) return bad;
  return transact<ClaimResult, AllotmentRefusal | Failed<FreeTicketsResult>>(db, async (tx, refuse) => {
    const taken = await takeAllotmentPlaces(tx, actor, allotmentId, input.quantity);
    if (!taken.ok) return refuse(taken);
    const issued = await issueFreeTickets(
      tx,
      {
        screeningId: taken.screeningId,
        scheme: COMMUNITY,
        pool: COMMUNITY,
        quantity: input.quantity,
        holderNames: input.holderNames,
        buyer: { name: actor.name ?? actor.email, email: actor.email, userId: actor.id },
        organisationId: actor.organisationId,
      },
      settings,
    );
    // The allotment's count goes back with the refusal: nothing was issued.
    if (!issued.ok) return refuse(issued);
    return issued;
  });
}

/**
 * Unused places of the partner's allotment go back to the Community Access allocation before the cut-off: the
 * allotment shrinks (never below what is used: the row's CHECK as well as the WHERE) and so does the pool's allotted.
 */
export async function returnAllotmentPlaces(db: Database, actor: Actor, allotmentId: string, n: number): Promise<{ ok: true; quantity: number } | AllotmentRefusal> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  const bad = checkQuantity(n);
  if (bad) return bad;
  return transact<{ ok: true; quantity: number }, AllotmentRefusal>(db, async (tx, refuse) => {
    const own = await firstRow<Pick<ColumnsOf<typeof allotments>, 'screening_id' | 'status'>>(tx, sql`
      SELECT screening_id, status FROM allotments WHERE id = ${allotmentId} AND organisation_id = ${actor.organisationId}`);
    if (!own) return refuse({ ok: false, reason: 'allotment_not_found' });
    if (own.status !== 'granted') return refuse({ ok: false, reason: 'allotment_not_open' });
    if (!(await allotmentsOpen(tx, own.screening_id))) return refuse({ ok: false, reason: 'past_cut_off' });
    const row = await firstRow<{ quantity: number; screening_id: string }>(tx, sql`
      UPDATE allotments SET quantity = quantity - ${n}, status = CASE WHEN quantity - ${n} = 0 THEN 'returned'::allotment_status ELSE status END
      WHERE id = ${allotmentId} AND organisation_id = ${actor.organisationId} AND status = 'granted' AND quantity - ${n} >= used
      RETURNING quantity, screening_id`);
    if (!row) {
      const left = await firstRow<{ left: number }>(tx, sql`SELECT (quantity - used)::int AS left FROM allotments WHERE id = ${allotmentId}`);
      return refuse({ ok: false, reason: 'allotment_exhausted', left: left?.left ?? 0 });
    }
    await tx.execute(sql`UPDATE inventory_pools SET allotted = allotted - ${n} WHERE screening_id = ${row.screening_id} AND kind = ${COMMUNITY}::pool_kind`);
    // The audit trail: the scheme's allocation is unchanged (delta 0), but its free places grew by n.
    await recordAllocationChange(tx, {
      screeningId: row.screening_id,
      scheme: COMMUNITY,
      kind: 'allotment_return',
      delta: 0,
      actorId: actor.id,
      reason: `${n} unused allotment place${n === 1 ? '' : 's'} returned by the partner`,
    });
    return { ok: true, quantity: row.quantity };
  });
}

/**
 * A partner gives back claimed tickets it will not use (not checked in), before the cut-off: they are voided, their
 * places go back to the pool, and the allotment's used count falls with them, so the places are the partner's to
 * claim again. The allotment row is locked first, as everywhere.
 */
export async function giveBackAllotmentTickets(
  db: Database,
  actor: Actor,
  orderId: string,
  ticketIds?: string[],
): Promise<{ ok: true; voided: number } | AllotmentRefusal> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  return transact<{ ok: true; voided: number }, AllotmentRefusal>(db, async (tx, refuse) => {
    const allotment = await firstRow<{ id: string; screening_id: string }>(tx, sql`
      SELECT a.id, a.screening_id FROM orders o
      JOIN allotments a ON a.screening_id = o.screening_id AND a.organisation_id = o.organisation_id AND a.scheme = ${COMMUNITY}::access_scheme
      WHERE o.id = ${orderId} AND o.organisation_id = ${actor.organisationId} AND o.scheme = ${COMMUNITY}::access_scheme
      FOR UPDATE OF a`);
    if (!allotment) return refuse({ ok: false, reason: 'order_not_found' });
    if (!(await allotmentsOpen(tx, allotment.screening_id))) return refuse({ ok: false, reason: 'past_cut_off' });
    const voided = await voidAccessTickets(tx, orderId, ticketIds);
    if (!voided.ok) return refuse(voided.reason === 'nothing_to_void' ? { ok: false, reason: 'nothing_to_give_back' } : { ok: false, reason: 'order_not_found' });
    await tx.execute(sql`UPDATE allotments SET used = used - ${voided.voided} WHERE id = ${allotment.id}`);
    return { ok: true, voided: voided.voided };
  });
}

// ——— Reads ———

export interface AllotmentView {
  id: string;
  screeningId: string;
  title: string;
  startsAt: Date;
  venueName: string;
  organisationId: string;
  organisationName: string;
  status: 'requested' | 'granted' | 'declined' | 'returned';
  requestedQuantity: number;
  quantity: number;
  used: number;
  note: string | null;
  cutOff: Date;
  /** Before the cut-off, and the scheme's places not released. */
  open: boolean;
  /** The Community Access pool of the screening: its capacity, and how much of it is not yet granted to anyone. */
  poolCapacity: number;
  poolUnallotted: number;
}

function allotmentSql(where: ReturnType<typeof sql>) {
  return sql`
    SELECT a.id, a.screening_id, a.organisation_id, o.name AS organisation_name, a.status, a.requested_quantity, a.quantity, a.used, a.note,
           to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           ${screeningTitleSql(sql`s`)} AS title,
           to_json(s.starts_at - make_interval(hours => coalesce(st.release_hours_before, ${DEFAULT_SCHEME_SETTINGS[COMMUNITY].releaseHoursBefore}))) AS cut_off,
           (s.starts_at - make_interval(hours => coalesce(st.release_hours_before, ${DEFAULT_SCHEME_SETTINGS[COMMUNITY].releaseHoursBefore})) > now() AND al.released_at IS NULL AND s.status <> 'cancelled') AS open,
           p.capacity AS pool_capacity, greatest(p.capacity - p.allotted, 0)::int AS pool_unallotted
    FROM allotments a
    JOIN organisations o ON o.id = a.organisation_id
    JOIN screenings s ON s.id = a.screening_id
    JOIN venues v ON v.id = s.venue_id
    JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = ${COMMUNITY}::pool_kind
    LEFT JOIN access_allocations al ON al.screening_id = s.id AND al.scheme = ${COMMUNITY}::access_scheme
    LEFT JOIN access_scheme_settings st ON st.festival_id = s.festival_id AND st.scheme = ${COMMUNITY}::access_scheme
    WHERE ${where}`;
}

type AllotmentRow = Pick<
  ColumnsOf<typeof allotments>,
  'id' | 'screening_id' | 'organisation_id' | 'status' | 'requested_quantity' | 'quantity' | 'used' | 'note'
> & {
  organisation_name: string;
  starts_at: string;
  venue_name: string;
  title: string | null;
  cut_off: string;
  open: boolean;
  pool_capacity: number;
  pool_unallotted: number;
};

const toView = (r: AllotmentRow): AllotmentView => ({
  id: r.id,
  screeningId: r.screening_id,
  title: r.title ?? 'Screening',
  startsAt: new Date(r.starts_at),
  venueName: r.venue_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  status: r.status,
  requestedQuantity: r.requested_quantity,
  quantity: r.quantity,
  used: r.used,
  note: r.note,
  cutOff: new Date(r.cut_off),
  open: r.open,
  poolCapacity: r.pool_capacity,
  poolUnallotted: r.pool_unallotted,
});

/** The organisation's own allotments, soonest screening first. */
export async function listOrganisationAllotments(db: SqlRunner, organisationId: string): Promise<AllotmentView[]> {
  const found = await rows<AllotmentRow>(db, sql`${allotmentSql(sql`a.organisation_id = ${organisationId}`)} ORDER BY s.starts_at`);
  return found.map(toView);
}

/** The box office's queue: requests waiting (oldest first), then granted allotments of screenings still to come. */
export async function listAllotmentsForReview(db: SqlRunner): Promise<AllotmentView[]> {
  const found = await rows<AllotmentRow>(db, sql`
    ${allotmentSql(sql`(a.status = 'requested' OR (a.status = 'granted' AND s.starts_at > now()))`)}
    ORDER BY a.status <> 'requested', a.created_at, s.starts_at`);
  return found.map(toView);
}

export interface CommunityScreening {
  id: string;
  title: string;
  startsAt: Date;
  venueName: string;
  capacity: number;
  unallotted: number;
}

/** Upcoming screenings with a Community Access allocation, and what of it is not yet granted: for requests and direct grants. */
export async function listCommunityScreenings(db: SqlRunner, festivalId: string): Promise<CommunityScreening[]> {
  const found = await rows<{ id: string; title: string | null; starts_at: string; venue_name: string; capacity: number; unallotted: number }>(db, sql`
    SELECT s.id, to_json(s.starts_at) AS starts_at, v.name AS venue_name, p.capacity, greatest(p.capacity - p.allotted, 0)::int AS unallotted,
           ${screeningTitleSql(sql`s`)} AS title
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    JOIN inventory_pools p ON p.screening_id = s.id AND p.kind = ${COMMUNITY}::pool_kind
    WHERE s.festival_id = ${festivalId} AND s.status <> 'cancelled' AND s.starts_at > now() AND p.capacity > 0
    ORDER BY s.starts_at LIMIT 300`);
  return found.map((r) => ({ id: r.id, title: r.title ?? 'Screening', startsAt: new Date(r.starts_at), venueName: r.venue_name, capacity: r.capacity, unallotted: r.unallotted }));
}

/** Verified community partners, for staff assigning places directly. */
export async function listVerifiedPartners(db: SqlRunner): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(db, sql`
    SELECT id, name FROM organisations WHERE kind = 'community_partner' AND status = 'verified' ORDER BY name`);
}
