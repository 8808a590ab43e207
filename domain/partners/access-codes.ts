import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { accessCodes } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { issueFreeTickets, type FreeTicketsResult } from '@/domain/access/issue-tickets';
import { DEFAULT_SCHEME_SETTINGS } from '@/domain/access/settings';
import { can } from '@/domain/accounts/permissions';
import type { OrderSettings } from '@/domain/payments/orders';
import { transact } from '@/domain/shared/refusal';
import { newAccessCode } from '@/platform/tokens';
import { COMMUNITY, MAX_PLACES_AT_ONCE, takeAllotmentPlaces, type AllotmentRefusal } from './allotments';
import type { Actor } from './organisations';

type Failed<R> = Extract<R, { ok: false }>;

/** What a person types, forgiving case, spaces and dashes; stored as XXXXX-XXXXX. */
export function normaliseAccessCode(raw: string): string | null {
  const clean = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(clean) ? `${clean.slice(0, 5)}-${clean.slice(5)}` : null;
}

export type IssueCodesResult = { ok: true; codes: string[] } | AllotmentRefusal;

/**
 * A partner turns `n` places of its allotment into single-use codes to hand out. The places are counted as used at
 * once (the same conditional update as a claim), so codes and claimed tickets together never pass the allotment.
 */
export async function issueAccessCodes(db: Database, actor: Actor, allotmentId: string, n: number, label: string | null): Promise<IssueCodesResult> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLACES_AT_ONCE) return { ok: false, reason: 'invalid_request', message: `Choose between 1 and ${MAX_PLACES_AT_ONCE} codes.` };
  return transact<IssueCodesResult, AllotmentRefusal>(db, async (tx, refuse) => {
    const taken = await takeAllotmentPlaces(tx, actor, allotmentId, n);
    if (!taken.ok) return refuse(taken);
    const codes = Array.from({ length: n }, () => newAccessCode());
    await tx.execute(sql`INSERT INTO access_codes (allotment_id, code, label)
      SELECT ${allotmentId}, c, ${label} FROM unnest(${sql`ARRAY[${sql.join(codes.map((c) => sql`${c}`), sql`, `)}]::text[]`}) AS c`);
    return { ok: true, codes };
  });
}

/**
 * A partner voids a code it has not handed out (or that was lost), before the cut-off: the place is the partner's
 * again. Only an issued code of the partner's own, granted allotment; the code row is claimed by the conditional
 * update, so voiding twice gives the place back once.
 */
export async function voidAccessCode(db: Database, actor: Actor, codeId: string): Promise<{ ok: true } | AllotmentRefusal | { ok: false; reason: 'code_not_found' }> {
  if (!can(actor, 'partner.portal') || !actor.organisationId) return { ok: false, reason: 'forbidden' };
  return transact<{ ok: true }, AllotmentRefusal | { ok: false; reason: 'code_not_found' }>(db, async (tx, refuse) => {
    // The allotment row first (the lock order of every allotment command), then the code.
    const allotment = await firstRow<{ id: string; open: boolean }>(tx, sql`
      SELECT a.id, (s.starts_at - make_interval(hours => coalesce(st.release_hours_before, ${DEFAULT_SCHEME_SETTINGS[COMMUNITY].releaseHoursBefore})) > now() AND al.released_at IS NULL AND s.status <> 'cancelled') AS open
      FROM access_codes c JOIN allotments a ON a.id = c.allotment_id JOIN screenings s ON s.id = a.screening_id
      LEFT JOIN access_allocations al ON al.screening_id = s.id AND al.scheme = ${COMMUNITY}::access_scheme
      LEFT JOIN access_scheme_settings st ON st.festival_id = s.festival_id AND st.scheme = ${COMMUNITY}::access_scheme
      WHERE c.id = ${codeId} AND a.organisation_id = ${actor.organisationId} AND a.status = 'granted'
      FOR UPDATE OF a`);
    if (!allotment) return refuse({ ok: false, reason: 'code_not_found' });
    if (!allotment.open) return refuse({ ok: false, reason: 'past_cut_off' });
    const voided = await firstRow<{ id: string }>(tx, sql`
      UPDATE access_codes SET status = 'void' WHERE id = ${codeId} AND allotment_id = ${allotment.id} AND status = 'issued' RETURNING id`);
    if (!voided) return refuse({ ok: false, reason: 'code_not_found' });
    await tx.execute(sql`UPDATE allotments SET used = used - 1 WHERE id = ${allotment.id}`);
    return { ok: true };
  });
}

/** The public redemption form and API body. */
export const AccessCodeRedemption = z.object({
  code: z.string().trim().min(1, 'Enter your access code.').max(40),
  screeningId: z.guid('must be a screening id'),
  name: z.string().trim().min(1, 'Enter the name for the ticket.').max(120),
  email: z.string().trim().toLowerCase().email('Enter an email address for your ticket.').max(254),
});
export type AccessCodeRedemption = z.infer<typeof AccessCodeRedemption>;

export type RedeemResult =
  | { ok: true; orderId: string; orderNumber: string; ticketCode: string; seat: string | null }
  | { ok: false; reason: 'invalid_code' }
  | Failed<FreeTicketsResult>;

/**
 * Anyone with a code redeems it for one $0 Community Access ticket at the code's screening, without an account. The
 * code is claimed by one conditional update (issued → redeemed), so two people typing it at the same moment get one
 * ticket between them; a wrong, used, void or other screening's code gets the same answer. The caller rate-limits
 * attempts per client so codes cannot be guessed.
 */
export async function redeemAccessCode(db: Database, input: AccessCodeRedemption, settings: OrderSettings): Promise<RedeemResult> {
  const code = normaliseAccessCode(input.code);
  if (!code) return { ok: false, reason: 'invalid_code' };
  return transact<RedeemResult, Failed<RedeemResult>>(db, async (tx, refuse) => {
    const claimed = await firstRow<Pick<ColumnsOf<typeof accessCodes>, 'id'> & { organisation_id: string }>(tx, sql`
      UPDATE access_codes c SET status = 'redeemed', redeemed_at = now()
      FROM allotments a
      WHERE c.code = ${code} AND c.status = 'issued' AND a.id = c.allotment_id AND a.screening_id = ${input.screeningId}
      RETURNING c.id, a.organisation_id`);
    if (!claimed) return refuse({ ok: false, reason: 'invalid_code' });
    const issued = await issueFreeTickets(
      tx,
      {
        screeningId: input.screeningId,
        scheme: COMMUNITY,
        pool: COMMUNITY,
        quantity: 1,
        buyer: { name: input.name, email: input.email },
        holderNames: [input.name],
        organisationId: claimed.organisation_id,
      },
      settings,
    );
    // No ticket, no redemption: the code stays usable (for example when the screening has just been cancelled, it is void anyway).
    if (!issued.ok) return refuse(issued);
    await tx.execute(sql`UPDATE access_codes SET order_id = ${issued.orderId} WHERE id = ${claimed.id}`);
    const ticket = issued.tickets[0]!;
    return { ok: true, orderId: issued.orderId, orderNumber: issued.orderNumber, ticketCode: ticket.code, seat: ticket.seat };
  });
}

export interface AccessCodeView {
  id: string;
  allotmentId: string;
  code: string;
  status: 'issued' | 'redeemed' | 'void';
  label: string | null;
  createdAt: Date;
  redeemedAt: Date | null;
}

/** The organisation's codes, newest first, for its portal. */
export async function listOrganisationAccessCodes(db: SqlRunner, organisationId: string): Promise<AccessCodeView[]> {
  const found = await rows<Pick<ColumnsOf<typeof accessCodes>, 'id' | 'allotment_id' | 'code' | 'status' | 'label'> & { created_at: string; redeemed_at: string | null }>(
    db,
    sql`
    SELECT c.id, c.allotment_id, c.code, c.status, c.label, to_json(c.created_at) AS created_at, to_json(c.redeemed_at) AS redeemed_at
    FROM access_codes c JOIN allotments a ON a.id = c.allotment_id
    WHERE a.organisation_id = ${organisationId} ORDER BY c.created_at DESC, c.code LIMIT 1000`,
  );
  return found.map((c) => ({
    id: c.id,
    allotmentId: c.allotment_id,
    code: c.code,
    status: c.status,
    label: c.label,
    createdAt: new Date(c.created_at),
    redeemedAt: c.redeemed_at ? new Date(c.redeemed_at) : null,
  }));
}
