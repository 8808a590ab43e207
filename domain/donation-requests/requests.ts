import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import type { donationRequests, organisations } from '@/db/schema';
import type { DonationRequestStatus } from '@/db/schema/donation-requests';
import { firstRow, rows, uuidArray, type ColumnsOf } from '@/db/sql';
import { issueFreeTickets } from '@/domain/access/issue-tickets';
import { voidAccessTickets } from '@/domain/access/return-places';
import { moveFund } from '@/domain/access-fund/ledger';
import { getFaceValueCents } from '@/domain/access-fund/face-value';
import { can, type Principal } from '@/domain/accounts/permissions';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';
import { queueEmail } from '@/domain/notifications/emails';
import { orderUrl, type OrderSettings } from '@/domain/payments/orders';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { renderDonatedTicketsReturned, renderDonationApproval, renderDonationDecline, type DonationDecisionLine } from '@/platform/email/donation-request';
import { formatCents } from '@/lib/format';
import { formatDateTime, isIsoDate } from '@/lib/time';
import { formNumber } from '@/domain/shared/form-number';

/**
 * Ticket Donation Requests: a verified partner organisation asks for donated tickets for the people it serves; staff
 * approve them (in full or in part: the tickets come from the Donated allocation, or from general sale when staff
 * choose, and each debits the access fund at its face value) or decline them with a reason. The partner's contact is
 * emailed either way.
 *
 * Statuses: submitted → approved (every ticket asked for is issued) | partly_approved (some are: staff may issue more
 * later, or leave it there: "that's all") | declined (by hand, or not drawn in a fair allocation). A request becomes
 * fulfilled once it has tickets and every screening they are for has started: nothing is left to do for it
 * (`settleFulfilledDonationRequests`, run by the worker's sweep). A partner withdraws a request while it is still
 * submitted: it is deleted, as nothing was issued against it.
 */

/** The acting person, as the commands need them. */
export type Actor = Pick<Principal, 'role' | 'organisationId'> & { id: string };

export const MAX_TICKETS_PER_REQUEST = 50;
const MAX_SCREENINGS_PER_REQUEST = 20;

const Id = z.guid();
const IsoDate = z.string().refine(isIsoDate, 'must be a date (YYYY-MM-DD)');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

/** What a partner sends: the screenings asked for, or a date range (within the festival), and who the tickets are for. */
export const DonationRequestInput = z
  .object({
    screeningIds: z.array(Id).max(MAX_SCREENINGS_PER_REQUEST, `choose at most ${MAX_SCREENINGS_PER_REQUEST} screenings`).default([]),
    fromDate: IsoDate.optional(),
    toDate: IsoDate.optional(),
    quantity: formNumber(z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'ask for at least 1 ticket').max(MAX_TICKETS_PER_REQUEST, `ask for at most ${MAX_TICKETS_PER_REQUEST} tickets`)),
    audience: z.string().trim().min(1, 'say who the tickets are for').max(1000),
    accessibilityNeeds: z.string().trim().max(1000).default(''),
    contactName: z.string().trim().min(1, 'a contact name is required').max(120),
    contactEmail: z.string().trim().toLowerCase().email('must be an email address').max(254),
    contactPhone: optionalText(40),
  })
  .superRefine((v, ctx) => {
    const range = v.fromDate !== undefined || v.toDate !== undefined;
    if (v.screeningIds.length > 0 && range) ctx.addIssue({ code: 'custom', path: ['screeningIds'], message: 'choose screenings or a date range, not both' });
    if (v.screeningIds.length === 0 && !range) ctx.addIssue({ code: 'custom', path: ['screeningIds'], message: 'choose at least one screening, or a date range' });
    if (range && (!v.fromDate || !v.toDate)) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'a date range needs a first and a last day' });
    if (v.fromDate && v.toDate && v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'the last day is before the first' });
  });
export type DonationRequestInput = z.infer<typeof DonationRequestInput>;

export type SubmitResult =
  | { ok: true; requestId: string }
  | { ok: false; reason: 'forbidden' | 'organisation_not_verified' | 'invalid_request'; message: string };

/** A partner of a verified organisation asks for donated tickets. */
export async function submitDonationRequest(db: Database, partner: Actor, festivalId: string, input: DonationRequestInput): Promise<SubmitResult> {
  if (!can(partner, 'partner.portal') || !partner.organisationId) return { ok: false, reason: 'forbidden', message: 'Only partner organisations can ask for donated tickets.' };
  const screeningIds = [...new Set(input.screeningIds)];
  return db.transaction(async (tx) => {
    // The organisation's standing is read under a share lock: staff declining it at this moment wait, or we see it.
    const org = await firstRow<Pick<ColumnsOf<typeof organisations>, 'status'>>(tx, sql`
      SELECT status FROM organisations WHERE id = ${partner.organisationId} FOR SHARE`);
    if (org?.status !== 'verified') {
      return { ok: false, reason: 'organisation_not_verified', message: 'Your organisation can ask for donated tickets once the festival has verified it.' } as const;
    }
    if (screeningIds.length > 0) {
      const found = await firstRow<{ n: number }>(tx, sql`
        SELECT count(*)::int AS n FROM screenings
        WHERE id = ANY(${uuidArray(screeningIds)}) AND festival_id = ${festivalId} AND status <> 'cancelled' AND starts_at > now()`);
      if (found?.n !== screeningIds.length) {
        return { ok: false, reason: 'invalid_request', message: 'One of the screenings chosen has started, was cancelled or is not in this festival.' } as const;
      }
    } else {
      const festival = await firstRow<{ starts_on: string; ends_on: string; today: string }>(tx, sql`
        SELECT starts_on::text, ends_on::text, (now() AT TIME ZONE time_zone)::date::text AS today FROM festivals WHERE id = ${festivalId}`);
      const first = festival && festival.today > festival.starts_on ? festival.today : festival?.starts_on;
      if (!festival || !first || input.fromDate! < first || input.toDate! > festival.ends_on) {
        return { ok: false, reason: 'invalid_request', message: `Choose days between ${first ?? 'the first'} and ${festival?.ends_on ?? 'the last day of the festival'}.` } as const;
      }
    }
    const created = await firstRow<{ id: string }>(tx, sql`
      INSERT INTO donation_requests (festival_id, organisation_id, screening_ids, from_date, to_date, quantity, audience, accessibility_needs,
                                     contact_name, contact_email, contact_phone, submitted_by)
      VALUES (${festivalId}, ${partner.organisationId}, ${uuidArray(screeningIds)}, ${screeningIds.length ? null : input.fromDate!}::date,
              ${screeningIds.length ? null : input.toDate!}::date, ${input.quantity}, ${input.audience}, ${input.accessibilityNeeds},
              ${input.contactName}, ${input.contactEmail}, ${input.contactPhone}, ${partner.id})
      RETURNING id`);
    return { ok: true, requestId: created!.id } as const;
  });
}

export type WithdrawResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_withdrawable' };

/**
 * The partner takes back its own request while staff have not decided it. One conditional DELETE: a decision at the
 * same moment holds the row's lock, and afterwards the request is no longer `submitted`, so nothing is deleted.
 */
export async function withdrawDonationRequest(db: Database, partner: Actor, requestId: string): Promise<WithdrawResult> {
  if (!can(partner, 'partner.portal') || !partner.organisationId || !Id.safeParse(requestId).success) return { ok: false, reason: 'not_found' };
  const deleted = await rows<{ id: string }>(db, sql`
    DELETE FROM donation_requests WHERE id = ${requestId} AND organisation_id = ${partner.organisationId} AND status = 'submitted' AND issued = 0
    RETURNING id`);
  if (deleted.length > 0) return { ok: true };
  const own = await firstRow<{ id: string }>(db, sql`SELECT id FROM donation_requests WHERE id = ${requestId} AND organisation_id = ${partner.organisationId}`);
  return { ok: false, reason: own ? 'not_withdrawable' : 'not_found' };
}

export const Grant = z.object({
  screeningId: Id,
  quantity: formNumber(z.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(MAX_TICKETS_PER_REQUEST)),
  source: z.enum(['donated', 'general']),
});
export type Grant = z.infer<typeof Grant>;

export const ApprovalInput = z.object({
  requestId: Id,
  grants: z
    .array(Grant)
    .min(1, 'issue at least one ticket')
    .max(MAX_SCREENINGS_PER_REQUEST)
    .refine((gs) => new Set(gs.map((g) => g.screeningId)).size === gs.length, 'name each screening once'),
  message: optionalText(1000),
  /**
   * How many tickets the request had when the deciding form was drawn: a replayed or double-submitted form ("issue 2
   * more") then issues nothing the second time. Optional for API clients, which read the request first.
   */
  expectedIssued: z.number().int().min(0).optional(),
});
export type ApprovalInput = z.input<typeof ApprovalInput>;

export type DecisionFailure =
  | { ok: false; reason: 'forbidden' | 'not_found' | 'not_decidable'; message: string }
  | { ok: false; reason: 'invalid_request' | 'screening_not_found' | 'screening_closed' | 'not_enough_places' | 'seats_unavailable'; message: string }
  | { ok: false; reason: 'insufficient_funds'; message: string; balanceCents: number; neededCents: number };

export type ApprovalResult =
  | { ok: true; status: DonationRequestStatus; issued: number; orders: { orderId: string; screeningId: string; tickets: number }[] }
  | DecisionFailure;

type LockedRequest = Pick<
  ColumnsOf<typeof donationRequests>,
  'id' | 'festival_id' | 'organisation_id' | 'quantity' | 'issued' | 'status' | 'screening_ids' | 'from_date' | 'to_date' | 'contact_name' | 'contact_email'
> & { organisation: string; festival_name: string; time_zone: string; currency: string };

/** The request's row under FOR UPDATE: a second decision of the same request (a replayed form, another staff member) waits here. */
async function lockRequest(tx: Transaction, requestId: string, screeningId?: string): Promise<LockedRequest[]> {
  return rows<LockedRequest>(tx, sql`
    SELECT r.id, r.festival_id, r.organisation_id, r.quantity, r.issued, r.status, r.screening_ids, r.from_date::text AS from_date,
           r.to_date::text AS to_date, r.contact_name, r.contact_email, o.name AS organisation, f.name AS festival_name, f.time_zone, f.currency
    FROM donation_requests r JOIN organisations o ON o.id = r.organisation_id JOIN festivals f ON f.id = r.festival_id
    WHERE ${screeningId ? sql`r.status = 'submitted' AND r.screening_ids = ARRAY[${screeningId}]::uuid[]` : sql`r.id = ${requestId}`}
    ORDER BY r.id
    FOR UPDATE OF r`);
}

/** The festival's fund row, locked before any pool row (the lock order of issueFreeTickets: the caller's rows, then pools, then seats). */
async function lockFund(tx: Transaction, festivalId: string): Promise<number> {
  await tx.execute(sql`INSERT INTO access_funds (festival_id) VALUES (${festivalId}) ON CONFLICT DO NOTHING`);
  const fund = await firstRow<{ balance_cents: number }>(tx, sql`SELECT balance_cents FROM access_funds WHERE festival_id = ${festivalId} FOR UPDATE`);
  return fund!.balance_cents;
}

/**
 * Staff issue tickets for a request: for each screening, `quantity` tickets from the Donated allocation or from
 * general sale. One transaction: the request's row is locked (so the same request approved twice at once issues
 * once), then the fund's row (so two approvals of different requests take turns on the balance), then each screening's
 * pool. Every ticket debits the fund at its screening's face value; if the fund cannot pay for them all, or a
 * screening has not the places, nothing is issued and nothing is debited.
 */
export async function approveDonationRequest(db: Database, staff: Actor, input: ApprovalInput, settings: OrderSettings): Promise<ApprovalResult> {
  if (!can(staff, 'access.review')) return { ok: false, reason: 'forbidden', message: 'Only festival staff decide donation requests.' };
  const parsed = ApprovalInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join('; ') };
  return transact<ApprovalResult, DecisionFailure>(db, async (tx, refuse) => {
    const [request] = await lockRequest(tx, parsed.data.requestId);
    if (!request) return refuse({ ok: false, reason: 'not_found', message: 'No such donation request.' });
    const { expectedIssued } = parsed.data;
    if (expectedIssued !== undefined && expectedIssued !== request.issued) {
      return refuse({
        ok: false,
        reason: 'not_decidable',
        message: `This request changed since the form was opened: ${request.issued} tickets are issued now. Nothing more was issued; look again before deciding.`,
      });
    }
    // Screenings in id order: every command that locks several screenings' pools takes them in that order (the bulk
    // allocation edit too), so two of them never wait on each other in a circle.
    const grants = [...parsed.data.grants].sort((a, b) => a.screeningId.localeCompare(b.screeningId));
    const approved = await issueForRequest(tx, staff, request, grants, parsed.data.message, settings, refuse);
    await recordAudit(tx, staff, {
      action: 'approveDonationRequest', subjectKind: 'donation_request', subjectId: request.id, organisationId: request.organisation_id,
      screeningId: grants.length === 1 ? grants[0]!.screeningId : null, orderId: approved.orders.length === 1 ? approved.orders[0]!.orderId : null,
      before: { status: request.status, issued: request.issued },
      after: { status: approved.status, issued: approved.issued, orders: approved.orders.map((o) => o.orderId) },
      reason: parsed.data.message,
    });
    return approved;
  });
}

/** Approval's work on a request already locked by the caller (approveDonationRequest, or a fair allocation). */
async function issueForRequest(
  tx: Transaction,
  staff: Actor,
  request: LockedRequest,
  grants: readonly Grant[],
  message: string | null,
  settings: OrderSettings,
  refuse: (failure: DecisionFailure) => never,
): Promise<ApprovalResult & { ok: true }> {
  if (request.status !== 'submitted' && request.status !== 'partly_approved') {
    return refuse({ ok: false, reason: 'not_decidable', message: `This request is already ${request.status.replace('_', ' ')}.` });
  }
  const total = grants.reduce((n, g) => n + g.quantity, 0);
  const left = request.quantity - request.issued;
  if (total > left) {
    return refuse({ ok: false, reason: 'invalid_request', message: `This request asks for ${request.quantity} tickets and ${request.issued} are issued: at most ${left} more.` });
  }
  // The screenings granted must be ones the partner asked for: named, or starting on a day of its range (festival's zone).
  const screenings = await rows<{ id: string; title: string; starts_at: string; open: boolean; asked: boolean }>(tx, sql`
    SELECT s.id, ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at,
           (s.status <> 'cancelled' AND s.starts_at > now()) AS open,
           EXISTS (SELECT 1 FROM donation_requests r WHERE r.id = ${request.id} AND (s.id = ANY(r.screening_ids) OR
                   (cardinality(r.screening_ids) = 0 AND (s.starts_at AT TIME ZONE ${request.time_zone})::date BETWEEN r.from_date AND r.to_date))) AS asked
    FROM screenings s WHERE s.id = ANY(${uuidArray(grants.map((g) => g.screeningId))}) AND s.festival_id = ${request.festival_id}`);
  const byId = new Map(screenings.map((s) => [s.id, s]));
  const faces = new Map<string, number>();
  for (const g of grants) {
    const s = byId.get(g.screeningId);
    if (!s) return refuse({ ok: false, reason: 'screening_not_found', message: 'One of the screenings is not in this festival.' });
    if (!s.open) return refuse({ ok: false, reason: 'screening_closed', message: `${s.title} has started or was cancelled.` });
    if (!s.asked) return refuse({ ok: false, reason: 'invalid_request', message: `${s.title} is not one of the screenings this request asks for.` });
    const face = await getFaceValueCents(tx, g.screeningId);
    if (face === null) return refuse({ ok: false, reason: 'invalid_request', message: `${s.title} has no price to value a ticket at.` });
    faces.set(g.screeningId, face);
  }
  const balance = await lockFund(tx, request.festival_id);
  const needed = grants.reduce((n, g) => n + g.quantity * faces.get(g.screeningId)!, 0);
  if (needed > balance) {
    return refuse({
      ok: false,
      reason: 'insufficient_funds',
      balanceCents: balance,
      neededCents: needed,
      message: `The access fund holds ${formatCents(balance, request.currency)}; these tickets need ${formatCents(needed, request.currency)}.`,
    });
  }

  const orders: { orderId: string; screeningId: string; tickets: number }[] = [];
  const lines: DonationDecisionLine[] = [];
  for (const g of grants) {
    const s = byId.get(g.screeningId)!;
    const issued = await issueFreeTickets(
      tx,
      {
        screeningId: g.screeningId,
        scheme: 'donated',
        pool: g.source === 'donated' ? 'donated' : 'standard',
        quantity: g.quantity,
        // The partner names each guest later, in its portal; until then the tickets carry the organisation's name.
        holderNames: Array.from({ length: g.quantity }, () => request.organisation),
        buyer: { name: request.contact_name, email: request.contact_email },
        organisationId: request.organisation_id,
        donationRequestId: request.id,
        // One approval email lists every order instead of one confirmation per screening.
        sendEmail: false,
      },
      settings,
    );
    if (!issued.ok) {
      const from = g.source === 'donated' ? 'the Donated allocation' : 'general sale';
      return refuse({ ok: false, reason: issued.reason, message: `${s.title} (${from}): ${issued.message}` });
    }
    for (const ticket of issued.tickets) {
      const debit = await moveFund(tx, {
        festivalId: request.festival_id,
        kind: 'ticket',
        amountCents: faces.get(g.screeningId)!,
        ticketId: ticket.id,
        actorId: staff.id,
        note: `Donation request for ${request.organisation}`,
      });
      if (!debit.ok) {
        return refuse({
          ok: false,
          reason: 'insufficient_funds',
          balanceCents: debit.balanceCents,
          neededCents: needed,
          message: `The access fund holds ${formatCents(balance, request.currency)}; these tickets need ${formatCents(needed, request.currency)}.`,
        });
      }
    }
    orders.push({ orderId: issued.orderId, screeningId: g.screeningId, tickets: g.quantity });
    lines.push({ screening: `${s.title}, ${formatDateTime(new Date(s.starts_at), request.time_zone)}`, tickets: g.quantity, orderUrl: orderUrl(issued.orderId, settings) });
  }

  const updated = await firstRow<{ status: DonationRequestStatus; issued: number }>(tx, sql`
    UPDATE donation_requests
    SET issued = issued + ${total},
        status = CASE WHEN issued + ${total} >= quantity THEN 'approved' ELSE 'partly_approved' END::donation_request_status,
        staff_message = coalesce(${message}, staff_message), decided_by = ${staff.id}, decided_at = now()
    WHERE id = ${request.id} RETURNING status, issued`);
  await queueEmail(
    tx,
    request.contact_email,
    renderDonationApproval({
      festivalName: request.festival_name,
      organisation: request.organisation,
      contactName: request.contact_name,
      asked: request.quantity,
      issuedNow: total,
      issuedInAll: updated!.issued,
      lines,
      message,
      portalUrl: `${settings.baseUrl}/partner/tickets`,
      requestsUrl: `${settings.baseUrl}/partner/requests`,
    }),
    settings.emailStatus,
  );
  return { ok: true, status: updated!.status, issued: updated!.issued, orders };
}

export const DeclineInput = z.object({
  requestId: Id,
  reason: z.string().trim().min(1, 'give the partner a reason').max(1000),
});
export type DeclineInput = z.input<typeof DeclineInput>;

export type DeclineResult = { ok: true } | DecisionFailure;

/** Staff decline a request they have not issued tickets for, with a reason the partner reads (and is emailed). */
export async function declineDonationRequest(db: Database, staff: Actor, input: DeclineInput, settings: OrderSettings): Promise<DeclineResult> {
  if (!can(staff, 'access.review')) return { ok: false, reason: 'forbidden', message: 'Only festival staff decide donation requests.' };
  const parsed = DeclineInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues.map((i) => i.message).join('; ') };
  return transact<DeclineResult, DecisionFailure>(db, async (tx, refuse) => {
    const [request] = await lockRequest(tx, parsed.data.requestId);
    if (!request) return refuse({ ok: false, reason: 'not_found', message: 'No such donation request.' });
    await declineLocked(tx, staff, request, parsed.data.reason, settings, refuse);
    await recordAudit(tx, staff, {
      action: 'declineDonationRequest', subjectKind: 'donation_request', subjectId: request.id, organisationId: request.organisation_id,
      before: { status: request.status }, after: { status: 'declined' }, reason: parsed.data.reason,
    });
    return { ok: true };
  });
}

async function declineLocked(
  tx: Transaction,
  staff: Actor,
  request: LockedRequest,
  reason: string,
  settings: OrderSettings,
  refuse: (failure: DecisionFailure) => never,
): Promise<void> {
  // A request with tickets issued is not declined: its tickets stand, and "that's all" leaves it partly approved.
  if (request.status !== 'submitted') {
    refuse({ ok: false, reason: 'not_decidable', message: `This request is already ${request.status.replace('_', ' ')}.` });
  }
  await tx.execute(sql`UPDATE donation_requests SET status = 'declined', staff_message = ${reason}, decided_by = ${staff.id}, decided_at = now()
    WHERE id = ${request.id}`);
  await queueEmail(
    tx,
    request.contact_email,
    renderDonationDecline({
      festivalName: request.festival_name,
      organisation: request.organisation,
      contactName: request.contact_name,
      asked: request.quantity,
      reason,
      requestsUrl: `${settings.baseUrl}/partner/requests`,
      applyAgainUrl: `${settings.baseUrl}/partner/requests/new`,
    }),
    settings.emailStatus,
  );
}

export type GiveBackResult =
  | { ok: true; voided: number; creditedCents: number }
  | { ok: false; reason: 'forbidden' | 'order_not_found' | 'nothing_to_give_back' | 'screening_started' };

/**
 * A partner gives back donated tickets of its organisation it will not use (all of an order's, or the ones named;
 * never one checked in), before the screening starts. One transaction, in the lock order of an approval: the
 * donation request's row (two give-backs of the same tickets at once take turns, and the second finds nothing
 * left), then the fund's row, then the pools (voidAccessTickets). Each voided ticket credits the fund back exactly
 * what it debited (its ledger entry, not today's face value, so a price change never credits more than was paid),
 * and the request's issued count falls with them. Its status stands: the partner chose to use fewer.
 */
export async function giveBackDonatedTickets(
  db: Database,
  partner: Actor,
  orderId: string,
  ticketIds: string[] | undefined,
  settings: OrderSettings,
): Promise<GiveBackResult> {
  if (!can(partner, 'partner.portal') || !partner.organisationId) return { ok: false, reason: 'forbidden' };
  if (!Id.safeParse(orderId).success || (ticketIds && !ticketIds.every((t) => Id.safeParse(t).success))) return { ok: false, reason: 'order_not_found' };
  type Refusal = Extract<GiveBackResult, { ok: false }>;
  return transact<GiveBackResult, Refusal>(db, async (tx, refuse) => {
    // Another organisation's order is answered like a missing one, so ids cannot be probed.
    const request = await firstRow<{ id: string; festival_id: string; contact_name: string; contact_email: string; started: boolean }>(tx, sql`
      SELECT r.id, r.festival_id, r.contact_name, r.contact_email, s.starts_at <= now() AS started
      FROM orders o JOIN donation_requests r ON r.id = o.donation_request_id JOIN screenings s ON s.id = o.screening_id
      WHERE o.id = ${orderId} AND o.organisation_id = ${partner.organisationId} AND r.organisation_id = ${partner.organisationId}
        AND o.scheme = 'donated'::access_scheme
      FOR UPDATE OF r`);
    if (!request) return refuse({ ok: false, reason: 'order_not_found' });
    if (request.started) return refuse({ ok: false, reason: 'screening_started' });
    await lockFund(tx, request.festival_id);
    const voided = await voidAccessTickets(tx, orderId, ticketIds);
    if (!voided.ok) return refuse({ ok: false, reason: voided.reason === 'nothing_to_void' ? 'nothing_to_give_back' : 'order_not_found' });
    const debits = await rows<{ ticket_id: string; debited: number }>(tx, sql`
      SELECT ticket_id, -amount_cents AS debited FROM fund_entries WHERE kind = 'ticket' AND ticket_id = ANY(${uuidArray(voided.ticketIds)})`);
    let creditedCents = 0;
    for (const d of debits) {
      const credit = await moveFund(tx, {
        festivalId: request.festival_id,
        kind: 'ticket_void',
        amountCents: d.debited,
        ticketId: d.ticket_id,
        actorId: partner.id,
        note: 'Donated ticket given back by the partner',
      });
      // A credit cannot be refused for the balance; recorded is false only if this ticket was already credited back.
      if (credit.ok && credit.recorded) creditedCents += d.debited;
    }
    // A request whose tickets came back is no longer met in full: it goes back to the queue as partly approved (or
    // fulfilled, which only past screenings reach, stays so), so staff see that it could use tickets again.
    await tx.execute(sql`UPDATE donation_requests SET issued = issued - ${voided.voided},
      status = CASE WHEN status = 'approved' THEN 'partly_approved'::donation_request_status ELSE status END
      WHERE id = ${request.id}`);
    const about = await firstRow<{ title: string; starts_at: string; organisation: string; festival_name: string; time_zone: string }>(tx, sql`
      SELECT ${screeningTitleSql(sql`s`)} AS title, to_json(s.starts_at) #>> '{}' AS starts_at, o.name AS organisation, f.name AS festival_name, f.time_zone
      FROM screenings s JOIN festivals f ON f.id = s.festival_id JOIN organisations o ON o.id = ${partner.organisationId}
      WHERE s.id = ${voided.screeningId}`);
    await queueEmail(
      tx,
      request.contact_email,
      renderDonatedTicketsReturned({
        festivalName: about!.festival_name,
        organisation: about!.organisation,
        contactName: request.contact_name,
        screening: `${about!.title}, ${formatDateTime(new Date(about!.starts_at), about!.time_zone)}`,
        returned: voided.voided,
        portalUrl: `${settings.baseUrl}/partner/tickets`,
      }),
      settings.emailStatus,
    );
    return { ok: true, voided: voided.voided, creditedCents };
  });
}

/**
 * Marks fulfilled the requests with tickets whose screenings have all started: the tickets were there to be used,
 * and nothing is left for staff or the partner to do. One conditional UPDATE, safe to run at any time and repeatedly.
 */
export async function settleFulfilledDonationRequests(db: Database): Promise<number> {
  const settled = await rows<{ id: string }>(db, sql`
    UPDATE donation_requests r SET status = 'fulfilled'
    WHERE r.status IN ('approved', 'partly_approved') AND r.issued > 0
      AND NOT EXISTS (SELECT 1 FROM orders o JOIN screenings s ON s.id = o.screening_id
                      WHERE o.donation_request_id = r.id AND o.status = 'paid' AND s.starts_at > now())
    RETURNING r.id`);
  return settled.length;
}

/** For the fair allocation (fair-allocation.ts): the same locked approval and decline, on requests it locked. */
export const internals = { lockRequest, lockFund, issueForRequest, declineLocked };
export type { LockedRequest };
