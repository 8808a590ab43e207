import { sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { donationRequestStatus, type DonationRequestStatus, type FairAllocationOutcome } from '@/db/schema/donation-requests';
import { firstRow, rows } from '@/db/sql';
import { getFundBalance } from '@/domain/access-fund/ledger';
import { can } from '@/domain/accounts/permissions';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import type { Actor } from './requests';

export const DONATION_REQUEST_STATUSES = donationRequestStatus.enumValues;

/** The words a partner and staff read for each status. */
export const STATUS_LABEL: Record<DonationRequestStatus, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  partly_approved: 'Partly approved',
  declined: 'Declined',
  fulfilled: 'Fulfilled',
};

export interface ScreeningChoice {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
}

/** What the request form offers: the festival's upcoming screenings, in start order (a festival has a few hundred at most). */
export async function listRequestableScreenings(festivalId: string, db: Database = getDb()): Promise<ScreeningChoice[]> {
  const found = await rows<{ id: string; title: string; starts_at: string; venue: string }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, v.name AS venue
    FROM screenings s JOIN venues v ON v.id = s.venue_id
    WHERE s.festival_id = ${festivalId} AND s.status <> 'cancelled' AND s.starts_at > now()
    ORDER BY s.starts_at, title LIMIT 300`);
  return found.map((s) => ({ id: s.id, title: s.title, startsAt: new Date(s.starts_at), venue: s.venue }));
}

export interface IssuedTicket {
  id: string;
  orderId: string;
  code: string;
  holderName: string;
  seat: string | null;
  screening: string;
  startsAt: Date;
  status: string;
}

export interface PartnerRequest {
  id: string;
  status: DonationRequestStatus;
  quantity: number;
  issued: number;
  screenings: { title: string; startsAt: Date }[];
  fromDate: string | null;
  toDate: string | null;
  audience: string;
  accessibilityNeeds: string;
  contactName: string;
  contactEmail: string;
  staffMessage: string | null;
  createdAt: Date;
  tickets: IssuedTicket[];
}

/** A partner's own organisation's requests, newest first, with the tickets issued for each (their names and codes). */
export async function listOwnDonationRequests(partner: Actor, db: Database = getDb()): Promise<PartnerRequest[]> {
  if (!can(partner, 'partner.portal') || !partner.organisationId) return [];
  const found = await rows<{
    id: string;
    status: DonationRequestStatus;
    quantity: number;
    issued: number;
    screenings: { title: string; starts_at: string }[] | null;
    from_date: string | null;
    to_date: string | null;
    audience: string;
    accessibility_needs: string;
    contact_name: string;
    contact_email: string;
    staff_message: string | null;
    created_at: string;
    tickets: { id: string; order_id: string; code: string; holder_name: string; seat: string | null; screening: string; starts_at: string; status: string }[] | null;
  }>(db, sql`
    SELECT r.id, r.status, r.quantity, r.issued, r.from_date::text AS from_date, r.to_date::text AS to_date, r.audience, r.accessibility_needs,
           r.contact_name, r.contact_email, r.staff_message, to_json(r.created_at) #>> '{}' AS created_at,
           (SELECT json_agg(json_build_object('title', ${screeningTitleSql(sql`s`)}, 'starts_at', s.starts_at) ORDER BY s.starts_at)
              FROM screenings s WHERE s.id = ANY(r.screening_ids)) AS screenings,
           (SELECT json_agg(json_build_object('id', t.id, 'order_id', o.id, 'code', t.code, 'holder_name', t.holder_name, 'status', t.status,
                   'seat', CASE WHEN st.id IS NULL THEN NULL ELSE st.row_label || st.seat_number END,
                   'screening', ${screeningTitleSql(sql`ts`)}, 'starts_at', ts.starts_at) ORDER BY ts.starts_at, t.code)
              FROM orders o JOIN tickets t ON t.order_id = o.id JOIN screenings ts ON ts.id = o.screening_id LEFT JOIN seats st ON st.id = t.seat_id
              WHERE o.donation_request_id = r.id) AS tickets
    FROM donation_requests r
    WHERE r.organisation_id = ${partner.organisationId}
    ORDER BY r.created_at DESC LIMIT 200`);
  return found.map((r) => ({
    id: r.id,
    status: r.status,
    quantity: r.quantity,
    issued: r.issued,
    screenings: (r.screenings ?? []).map((s) => ({ title: s.title, startsAt: new Date(s.starts_at) })),
    fromDate: r.from_date,
    toDate: r.to_date,
    audience: r.audience,
    accessibilityNeeds: r.accessibility_needs,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    staffMessage: r.staff_message,
    createdAt: new Date(r.created_at),
    tickets: (r.tickets ?? []).map((t) => ({
      id: t.id,
      orderId: t.order_id,
      code: t.code,
      holderName: t.holder_name,
      seat: t.seat,
      screening: t.screening,
      startsAt: new Date(t.starts_at),
      status: t.status,
    })),
  }));
}

export interface CandidateScreening {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  /** Free places in the Donated allocation, and in general sale. */
  donatedFree: number;
  generalFree: number;
  faceValueCents: number | null;
  /** Named by the partner (else: a screening on a day of its range). */
  named: boolean;
}

export interface QueuedRequest {
  id: string;
  organisation: string;
  status: DonationRequestStatus;
  quantity: number;
  issued: number;
  audience: string;
  accessibilityNeeds: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  fromDate: string | null;
  toDate: string | null;
  staffMessage: string | null;
  createdAt: Date;
  screenings: CandidateScreening[];
}

export interface ReviewQueue {
  balanceCents: number;
  currency: string;
  requests: QueuedRequest[];
}

/** At most this many screenings are offered for a request with a date range (the earliest ones). */
const RANGE_SCREENINGS = 12;

/**
 * The staff review queue: the requests waiting for a decision (submitted) or for more tickets (partly approved), oldest
 * first, each with the screenings it may be granted (with each one's free Donated and general places and face value),
 * and the access fund's balance.
 */
export async function getReviewQueue(staff: Actor, festivalId: string, db: Database = getDb()): Promise<ReviewQueue | null> {
  if (!can(staff, 'access.review')) return null;
  const festival = await firstRow<{ currency: string }>(db, sql`SELECT currency FROM festivals WHERE id = ${festivalId}`);
  if (!festival) return null;
  const found = await rows<{
    id: string;
    organisation: string;
    status: DonationRequestStatus;
    quantity: number;
    issued: number;
    audience: string;
    accessibility_needs: string;
    contact_name: string;
    contact_email: string;
    contact_phone: string | null;
    from_date: string | null;
    to_date: string | null;
    staff_message: string | null;
    created_at: string;
    screenings: {
      id: string;
      title: string;
      starts_at: string;
      venue: string;
      donated_free: number | null;
      general_free: number | null;
      face: number | null;
      named: boolean;
    }[] | null;
  }>(db, sql`
    SELECT r.id, o.name AS organisation, r.status, r.quantity, r.issued, r.audience, r.accessibility_needs, r.contact_name, r.contact_email,
           r.contact_phone, r.from_date::text AS from_date, r.to_date::text AS to_date, r.staff_message, to_json(r.created_at) #>> '{}' AS created_at,
           (SELECT json_agg(c ORDER BY c.starts_at) FROM (
              SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, s.starts_at, v.name AS venue, s.id = ANY(r.screening_ids) AS named,
                     (SELECT greatest(p.capacity - p.held - p.sold, 0) FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = 'donated') AS donated_free,
                     (SELECT greatest(p.capacity - p.held - p.sold, 0) FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = 'standard') AS general_free,
                     (SELECT t.price_cents FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL
                       ORDER BY t.position, t.price_cents DESC LIMIT 1) AS face
              FROM screenings s JOIN venues v ON v.id = s.venue_id JOIN festivals f ON f.id = s.festival_id
              WHERE s.festival_id = r.festival_id AND s.status <> 'cancelled' AND s.starts_at > now()
                AND (s.id = ANY(r.screening_ids) OR (cardinality(r.screening_ids) = 0 AND (s.starts_at AT TIME ZONE f.time_zone)::date BETWEEN r.from_date AND r.to_date))
              ORDER BY s.starts_at LIMIT ${RANGE_SCREENINGS}) c) AS screenings
    FROM donation_requests r JOIN organisations o ON o.id = r.organisation_id
    WHERE r.festival_id = ${festivalId} AND r.status IN ('submitted', 'partly_approved')
    ORDER BY r.created_at, r.id LIMIT 200`);
  return {
    balanceCents: await getFundBalance(db, festivalId),
    currency: festival.currency,
    requests: found.map((r) => ({
      id: r.id,
      organisation: r.organisation,
      status: r.status,
      quantity: r.quantity,
      issued: r.issued,
      audience: r.audience,
      accessibilityNeeds: r.accessibility_needs,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      contactPhone: r.contact_phone,
      fromDate: r.from_date,
      toDate: r.to_date,
      staffMessage: r.staff_message,
      createdAt: new Date(r.created_at),
      screenings: (r.screenings ?? []).map((s) => ({
        id: s.id,
        title: s.title,
        startsAt: new Date(s.starts_at),
        venue: s.venue,
        donatedFree: s.donated_free ?? 0,
        generalFree: s.general_free ?? 0,
        faceValueCents: s.face,
        named: s.named,
      })),
    })),
  };
}

export interface LotteryCandidate {
  screeningId: string;
  title: string;
  startsAt: Date;
  requests: number;
  ticketsAsked: number;
  donatedFree: number;
  faceValueCents: number | null;
}

/** Screenings with submitted requests for them alone, and how many tickets those ask against the Donated places left. */
export async function listFairAllocationCandidates(staff: Actor, festivalId: string, db: Database = getDb()): Promise<LotteryCandidate[]> {
  if (!can(staff, 'access.review')) return [];
  const found = await rows<{ id: string; title: string; starts_at: string; requests: number; asked: number; donated_free: number | null; face: number | null }>(db, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, count(*)::int AS requests, sum(r.quantity)::int AS asked,
           (SELECT greatest(p.capacity - p.held - p.sold, 0) FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = 'donated') AS donated_free,
           (SELECT t.price_cents FROM ticket_types t WHERE t.screening_id = s.id AND t.active AND t.scheme IS NULL ORDER BY t.position, t.price_cents DESC LIMIT 1) AS face
    FROM donation_requests r JOIN screenings s ON s.id = r.screening_ids[1]
    WHERE r.festival_id = ${festivalId} AND r.status = 'submitted' AND cardinality(r.screening_ids) = 1
      AND s.status <> 'cancelled' AND s.starts_at > now()
    GROUP BY s.id ORDER BY s.starts_at`);
  return found.map((c) => ({
    screeningId: c.id,
    title: c.title,
    startsAt: new Date(c.starts_at),
    requests: c.requests,
    ticketsAsked: c.asked,
    donatedFree: c.donated_free ?? 0,
    faceValueCents: c.face,
  }));
}

export interface RecordedAllocation {
  id: string;
  screening: string;
  startsAt: Date;
  seed: string;
  places: number;
  createdAt: Date;
  outcome: (FairAllocationOutcome & { organisation: string | null })[];
}

/** The fair allocations run for this festival, newest first, with each drawn request's organisation. */
export async function listFairAllocations(staff: Actor, festivalId: string, db: Database = getDb()): Promise<RecordedAllocation[]> {
  if (!can(staff, 'access.review')) return [];
  const found = await rows<{ id: string; screening: string; starts_at: string; seed: string; places: number; created_at: string; outcome: FairAllocationOutcome[]; orgs: Record<string, string> | null }>(db, sql`
    SELECT a.id, ${screeningTitleSql(sql`s`)} AS screening, to_json(s.starts_at) #>> '{}' AS starts_at, a.seed, a.places,
           to_json(a.created_at) #>> '{}' AS created_at, a.outcome,
           (SELECT json_object_agg(r.id, o.name) FROM donation_requests r JOIN organisations o ON o.id = r.organisation_id
             WHERE r.id IN (SELECT (e ->> 'requestId')::uuid FROM jsonb_array_elements(a.outcome) e)) AS orgs
    FROM fair_allocations a JOIN screenings s ON s.id = a.screening_id
    WHERE s.festival_id = ${festivalId}
    ORDER BY a.created_at DESC LIMIT 50`);
  return found.map((a) => ({
    id: a.id,
    screening: a.screening,
    startsAt: new Date(a.starts_at),
    seed: a.seed,
    places: a.places,
    createdAt: new Date(a.created_at),
    outcome: a.outcome.map((o) => ({ ...o, organisation: a.orgs?.[o.requestId] ?? null })),
  }));
}

export interface RequestingOrganisation {
  name: string;
  verified: boolean;
  contactName: string | null;
  contactEmail: string | null;
}

/** The partner's organisation as the request form needs it: whether it may ask yet, and its contact to suggest. */
export async function getRequestingOrganisation(partner: Actor, db: Database = getDb()): Promise<RequestingOrganisation | null> {
  if (!can(partner, 'partner.portal') || !partner.organisationId) return null;
  const org = await firstRow<{ name: string; status: string; contact_name: string | null; contact_email: string | null }>(db, sql`
    SELECT name, status, contact_name, contact_email FROM organisations WHERE id = ${partner.organisationId}`);
  return org ? { name: org.name, verified: org.status === 'verified', contactName: org.contact_name, contactEmail: org.contact_email } : null;
}
