import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { organisations } from '@/db/schema';
import { firstRow, rows, type ColumnsOf, type SqlRunner } from '@/db/sql';
import { createInvitation } from '@/domain/accounts/auth';
import { can, type Principal } from '@/domain/accounts/permissions';
import { queueEmail } from '@/domain/notifications/emails';
import { renderInvitation } from '@/platform/email/invitation';
import { renderPartnerDecline } from '@/platform/email/partner-decisions';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';

/** Who acts: the signed-in user as the guards give it (domain/accounts/current-user.ts). */
export interface Actor extends Principal {
  id: string;
  name: string | null;
  email: string;
}

/** What a community organisation tells the festival when it applies (the public form and its validator). */
export const PartnerApplication = z.object({
  name: z.string().trim().min(2, 'Enter your organisation’s name.').max(160),
  serves: z.string().trim().min(10, 'Tell us in a sentence or two who you work with.').max(2000),
  website: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'Enter a web address starting with https://, or leave it empty.')
    .transform((v) => (v === '' ? null : v)),
  contactName: z.string().trim().min(1, 'Enter the name of the person we should contact.').max(120),
  contactEmail: z.string().trim().toLowerCase().email('Enter an email address we can reach you at.').max(254),
});
export type PartnerApplication = z.infer<typeof PartnerApplication>;

const slugOf = (name: string) =>
  `${
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'partner'
  }-${randomBytes(3).toString('hex')}`;

/** A public application: the organisation waits, 'applied', in the box office's queue until staff verify or decline it. */
export async function applyAsPartner(db: Database, input: PartnerApplication): Promise<{ ok: true; organisationId: string }> {
  const row = await firstRow<{ id: string }>(db, sql`
    INSERT INTO organisations (slug, name, kind, status, website, serves, contact_name, contact_email)
    VALUES (${slugOf(input.name)}, ${input.name}, 'community_partner', 'applied', ${input.website}, ${input.serves}, ${input.contactName}, ${input.contactEmail})
    RETURNING id`);
  return { ok: true, organisationId: row!.id };
}

export interface InvitationSettings {
  baseUrl: string;
  emailStatus: 'pending' | 'stored';
  festivalName: string;
}

export type ReviewResult = { ok: true } | { ok: false; reason: 'forbidden' | 'organisation_not_found' | 'already_reviewed' | 'not_allowed' };

/**
 * Staff verify an application; its contact is invited, in the same transaction, as the organisation's partner admin
 * (the invitation email is queued with it). Only an application still waiting is verified: a second click, or two
 * staff at once, verify it once and invite once.
 */
export async function verifyPartner(db: Database, actor: Actor, organisationId: string, note: string | null, settings: InvitationSettings): Promise<ReviewResult> {
  if (!can(actor, 'partners.verify')) return { ok: false, reason: 'forbidden' };
  return transact<ReviewResult, ReviewResult>(db, async (tx, refuse) => {
    const org = await firstRow<Pick<ColumnsOf<typeof organisations>, 'name' | 'contact_email'>>(tx, sql`
      UPDATE organisations SET status = 'verified', reviewed_at = now(), reviewed_by = ${actor.id}, review_note = ${note}
      WHERE id = ${organisationId} AND status = 'applied' RETURNING name, contact_email`);
    if (!org) return refuse(await reviewRefusal(tx, organisationId));
    if (org.contact_email) {
      const invitation = await createInvitation(tx, { email: org.contact_email, role: 'partner', organisationId, orgRole: 'admin', invitedBy: actor.id, audit: false });
      if (!invitation.ok) return refuse({ ok: false, reason: 'not_allowed' });
      const message = renderInvitation({
        festivalName: settings.festivalName,
        inviter: actor.name ?? settings.festivalName,
        role: 'partner',
        organisation: org.name,
        url: `${settings.baseUrl}/invite/${invitation.token}`,
      });
      await queueEmail(tx, org.contact_email, message, settings.emailStatus);
    }
    await recordAudit(tx, actor, {
      action: 'verifyPartner', subjectKind: 'organisation', subjectId: organisationId, organisationId,
      before: { status: 'applied' }, after: { status: 'verified', organisation: org.name, invited: org.contact_email ? 'partner admin' : null }, reason: note,
    });
    return { ok: true };
  });
}

/**
 * Staff decline an application, with a note the organisation is told: its contact is emailed in the same
 * transaction, so the email goes out only if the decline is committed (and once, whoever clicks twice).
 */
export async function declinePartner(db: Database, actor: Actor, organisationId: string, note: string | null, settings: InvitationSettings): Promise<ReviewResult> {
  if (!can(actor, 'partners.verify')) return { ok: false, reason: 'forbidden' };
  return transact<ReviewResult, ReviewResult>(db, async (tx, refuse) => {
    const org = await firstRow<Pick<ColumnsOf<typeof organisations>, 'name' | 'contact_name' | 'contact_email'>>(tx, sql`
      UPDATE organisations SET status = 'declined', reviewed_at = now(), reviewed_by = ${actor.id}, review_note = ${note}
      WHERE id = ${organisationId} AND status = 'applied' RETURNING name, contact_name, contact_email`);
    if (!org) return refuse(await reviewRefusal(tx, organisationId));
    if (org.contact_email) {
      const message = renderPartnerDecline({ festivalName: settings.festivalName, organisation: org.name, contactName: org.contact_name, note });
      await queueEmail(tx, org.contact_email, message, settings.emailStatus);
    }
    await recordAudit(tx, actor, {
      action: 'declinePartner', subjectKind: 'organisation', subjectId: organisationId, organisationId,
      before: { status: 'applied' }, after: { status: 'declined', organisation: org.name }, reason: note,
    });
    return { ok: true };
  });
}

async function reviewRefusal(db: SqlRunner, organisationId: string): Promise<{ ok: false; reason: 'organisation_not_found' | 'already_reviewed' }> {
  const exists = await firstRow<{ id: string }>(db, sql`SELECT id FROM organisations WHERE id = ${organisationId}`);
  return { ok: false, reason: exists ? 'already_reviewed' : 'organisation_not_found' };
}

export interface PartnerApplicationView {
  id: string;
  name: string;
  serves: string;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  status: 'applied' | 'verified' | 'declined';
  createdAt: Date;
  reviewedAt: Date | null;
  reviewNote: string | null;
}

/** The box office's partners page: applications waiting (oldest first), then verified and declined organisations. */
export async function listPartnerOrganisations(db: SqlRunner): Promise<PartnerApplicationView[]> {
  const found = await rows<
    Pick<ColumnsOf<typeof organisations>, 'id' | 'name' | 'serves' | 'website' | 'contact_name' | 'contact_email' | 'status' | 'review_note'> & {
      created_at: string;
      reviewed_at: string | null;
    }
  >(db, sql`
    SELECT id, name, serves, website, contact_name, contact_email, status, review_note, to_json(created_at) AS created_at, to_json(reviewed_at) AS reviewed_at
    FROM organisations WHERE kind = 'community_partner'
    ORDER BY CASE status WHEN 'applied' THEN 0 WHEN 'verified' THEN 1 ELSE 2 END, CASE WHEN status = 'applied' THEN created_at END, name`);
  return found.map((o) => ({
    id: o.id,
    name: o.name,
    serves: o.serves,
    website: o.website,
    contactName: o.contact_name,
    contactEmail: o.contact_email,
    status: o.status,
    createdAt: new Date(o.created_at),
    reviewedAt: o.reviewed_at ? new Date(o.reviewed_at) : null,
    reviewNote: o.review_note,
  }));
}
