import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { orders, tickets } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { can } from '@/domain/accounts/permissions';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { emailOrderTickets, type OrderSettings } from '@/domain/payments/orders';
import { seatLabel, type SeatKind } from '@/lib/seats';
import type { Actor } from './organisations';

export interface PartnerTicket {
  id: string;
  code: string;
  holderName: string;
  seat: string | null;
  status: 'valid' | 'void';
  checkedIn: boolean;
}

export interface PartnerOrder {
  id: string;
  number: string;
  scheme: 'indigenous_access' | 'community_access' | 'donated' | null;
  status: string;
  screeningId: string;
  title: string;
  startsAt: Date;
  venueName: string;
  /** The screening has not started yet. */
  upcoming: boolean;
  buyerName: string;
  /** Tickets the partner claimed in the portal (not a code redeemed by someone it gave the code to). */
  claimedInPortal: boolean;
  tickets: PartnerTicket[];
}

/**
 * Every order issued to the organisation (Community Access claims and redeemed codes, donated tickets), with their
 * tickets, soonest screening first. Only the organisation's own: the caller passes the partner's organisation.
 */
export async function listOrganisationOrders(db: SqlRunner, organisationId: string): Promise<PartnerOrder[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof orders>, 'id' | 'number' | 'scheme' | 'status' | 'screening_id' | 'buyer_name'> & {
      title: string;
      starts_at: string;
      venue_name: string;
      upcoming: boolean;
      claimed_in_portal: boolean;
      tickets: { id: string; code: string; holder_name: string; status: 'valid' | 'void'; checked_in: boolean; row_label: string | null; seat_number: number | null; kind: SeatKind | null }[];
    }
  >(db, sql`
    SELECT o.id, o.number, o.scheme, o.status, o.screening_id, o.buyer_name, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
           ${screeningTitleSql(sql`s`)} AS title, s.starts_at > now() AS upcoming,
           NOT EXISTS (SELECT 1 FROM access_codes c WHERE c.order_id = o.id) AS claimed_in_portal,
           coalesce((SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'holder_name', t.holder_name, 'status', t.status,
                                                      'checked_in', t.checked_in_at IS NOT NULL, 'row_label', st.row_label,
                                                      'seat_number', st.seat_number, 'kind', st.kind) ORDER BY st.y, st.x, t.code)
                     FROM tickets t LEFT JOIN seats st ON st.id = t.seat_id WHERE t.order_id = o.id), '[]'::json) AS tickets
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN venues v ON v.id = s.venue_id
    WHERE o.organisation_id = ${organisationId} AND o.status IN ('paid', 'cancelled')
    ORDER BY s.starts_at, o.created_at`);
  return found.map((o) => ({
    id: o.id,
    number: o.number,
    scheme: o.scheme,
    status: o.status,
    screeningId: o.screening_id,
    title: o.title,
    startsAt: new Date(o.starts_at),
    venueName: o.venue_name,
    upcoming: o.upcoming,
    buyerName: o.buyer_name,
    claimedInPortal: o.claimed_in_portal,
    tickets: o.tickets.map((t) => ({
      id: t.id,
      code: t.code,
      holderName: t.holder_name,
      status: t.status,
      checkedIn: t.checked_in,
      seat: t.row_label !== null && t.seat_number !== null ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind ?? 'standard' }) : null,
    })),
  }));
}

export type PartnerOrderRefusal = { ok: false; reason: 'forbidden' } | { ok: false; reason: 'order_not_found' } | { ok: false; reason: 'ticket_not_found' };

/** Emails an order's tickets (PDF and calendar file attached) to an address the partner gives: the person they are for. */
export async function forwardOrderTickets(db: Database, actor: Actor, orderId: string, to: string, settings: OrderSettings): Promise<{ ok: true } | PartnerOrderRefusal> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  return db.transaction(async (tx) => {
    const order = await firstRow<{ id: string }>(tx, sql`
      SELECT id FROM orders WHERE id = ${orderId} AND organisation_id = ${actor.organisationId} AND status = 'paid'`);
    if (!order) return { ok: false, reason: 'order_not_found' } as const;
    await emailOrderTickets(tx, orderId, settings, to);
    return { ok: true } as const;
  });
}

/** Names who a ticket is for (printed on it): a valid, not yet checked-in ticket of the organisation's own orders. */
export async function assignTicketHolder(db: Database, actor: Actor, ticketId: string, holderName: string): Promise<{ ok: true } | PartnerOrderRefusal> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  const row = await firstRow<Pick<ColumnsOf<typeof tickets>, 'id'>>(db, sql`
    UPDATE tickets t SET holder_name = ${holderName}
    FROM orders o
    WHERE t.id = ${ticketId} AND o.id = t.order_id AND o.organisation_id = ${actor.organisationId} AND o.status = 'paid'
      AND t.status = 'valid' AND t.checked_in_at IS NULL
    RETURNING t.id`);
  return row ? { ok: true } : { ok: false, reason: 'ticket_not_found' };
}

export interface PartnerReportRow {
  screeningId: string;
  title: string;
  startsAt: Date;
  venueName: string;
  /** Places granted to the organisation for the screening. */
  granted: number;
  /** Tickets issued to the organisation (claimed in the portal or redeemed codes; Community Access and donated). */
  issued: number;
  checkedIn: number;
  /** Issued but nobody came. */
  unused: number;
  /** Codes handed out that were never redeemed. */
  codesNotRedeemed: number;
}

/**
 * The one query behind both partner reports: per organisation and screening it has places or tickets at, what it was
 * granted and used of its allotment, the tickets issued to it (Community Access and donated, valid ones), how many
 * were checked in, and the codes never redeemed. Counts only. `organisationId` narrows it to one organisation (the
 * portal), `festivalId` to one festival's screenings (the box office).
 */
function partnerFiguresSql(filter: { organisationId?: string; festivalId?: string }) {
  const org = (column: SQL) => (filter.organisationId ? sql`${column} = ${filter.organisationId}` : sql`${column} IS NOT NULL`);
  return sql`
    WITH pairs AS (
      SELECT a.organisation_id, a.screening_id FROM allotments a WHERE ${org(sql`a.organisation_id`)} AND a.status IN ('granted', 'returned')
      UNION
      SELECT o.organisation_id, o.screening_id FROM orders o WHERE ${org(sql`o.organisation_id`)} AND o.status = 'paid')
    SELECT p.organisation_id, s.id AS screening_id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) AS starts_at, v.name AS venue_name,
      s.starts_at <= now() AS started,
      coalesce((SELECT sum(a.quantity) FROM allotments a WHERE a.screening_id = s.id AND a.organisation_id = p.organisation_id), 0)::int AS granted,
      coalesce((SELECT sum(a.used) FROM allotments a WHERE a.screening_id = s.id AND a.organisation_id = p.organisation_id), 0)::int AS used,
      (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
        WHERE o.screening_id = s.id AND o.organisation_id = p.organisation_id AND t.status = 'valid' AND o.scheme = 'community_access')::int AS community_issued,
      (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
        WHERE o.screening_id = s.id AND o.organisation_id = p.organisation_id AND t.status = 'valid' AND o.scheme IS DISTINCT FROM 'community_access')::int AS donated_issued,
      (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
        WHERE o.screening_id = s.id AND o.organisation_id = p.organisation_id AND t.status = 'valid' AND t.checked_in_at IS NOT NULL)::int AS checked_in,
      (SELECT count(*) FROM access_codes c JOIN allotments a ON a.id = c.allotment_id
        WHERE a.screening_id = s.id AND a.organisation_id = p.organisation_id AND c.status = 'issued')::int AS codes_not_redeemed
    FROM pairs p JOIN screenings s ON s.id = p.screening_id JOIN venues v ON v.id = s.venue_id
    ${filter.festivalId ? sql`WHERE s.festival_id = ${filter.festivalId}` : sql``}`;
}

/** After each screening has started: what the organisation's places became, per screening (counts only). */
export async function listPartnerReport(db: SqlRunner, organisationId: string): Promise<PartnerReportRow[]> {
  const found = await rows<{
    screening_id: string;
    title: string;
    starts_at: string;
    venue_name: string;
    granted: number;
    community_issued: number;
    donated_issued: number;
    checked_in: number;
    codes_not_redeemed: number;
  }>(db, sql`
    SELECT f.* FROM (${partnerFiguresSql({ organisationId })}) f WHERE f.started ORDER BY (f.starts_at #>> '{}')::timestamptz DESC`);
  return found.map((r) => ({
    screeningId: r.screening_id,
    title: r.title,
    startsAt: new Date(r.starts_at),
    venueName: r.venue_name,
    granted: r.granted,
    issued: r.community_issued + r.donated_issued,
    checkedIn: r.checked_in,
    unused: r.community_issued + r.donated_issued - r.checked_in,
    codesNotRedeemed: r.codes_not_redeemed,
  }));
}

export interface OrganisationReportRow {
  organisationId: string;
  name: string;
  /** Valid tickets issued to the organisation: Community Access (claims and redeemed codes) and donated. */
  communityIssued: number;
  donatedIssued: number;
  checkedIn: number;
  /** Tickets of screenings that have started that nobody checked in with. */
  unusedAfter: number;
  /** Community Access allotment places granted, and how many of them were claimed or redeemed. */
  placesGranted: number;
  placesUsed: number;
}

/**
 * The box office's view of every verified partner at the festival: one row per organisation, summed from the same
 * per-screening figures as the partner's own report. Counts only, never a name of the people the tickets are for.
 */
export async function listOrganisationReport(db: SqlRunner, festivalId: string): Promise<OrganisationReportRow[]> {
  const found = await rows<{
    id: string;
    name: string;
    community_issued: number;
    donated_issued: number;
    checked_in: number;
    unused_after: number;
    granted: number;
    used: number;
  }>(db, sql`
    SELECT org.id, org.name,
      coalesce(sum(f.community_issued), 0)::int AS community_issued, coalesce(sum(f.donated_issued), 0)::int AS donated_issued,
      coalesce(sum(f.checked_in), 0)::int AS checked_in,
      coalesce(sum(f.community_issued + f.donated_issued - f.checked_in) FILTER (WHERE f.started), 0)::int AS unused_after,
      coalesce(sum(f.granted), 0)::int AS granted, coalesce(sum(f.used), 0)::int AS used
    FROM organisations org LEFT JOIN (${partnerFiguresSql({ festivalId })}) f ON f.organisation_id = org.id
    WHERE org.kind = 'community_partner' AND org.status = 'verified'
    GROUP BY org.id, org.name ORDER BY org.name, org.id`);
  return found.map((r) => ({
    organisationId: r.id,
    name: r.name,
    communityIssued: r.community_issued,
    donatedIssued: r.donated_issued,
    checkedIn: r.checked_in,
    unusedAfter: r.unused_after,
    placesGranted: r.granted,
    placesUsed: r.used,
  }));
}
