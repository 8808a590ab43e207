import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { organisations } from '@/db/schema';
import { can, type Principal } from '@/domain/accounts/permissions';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { auditFields, changedFields, isUniqueViolation, issuesMessage, OPTIONAL_TEXT, PAGE_SIZE, SLUG, type ProgrammeRefusal } from './shared';

/**
 * The organisations a film is presented with (film_partners), as programme management edits them: name, slug,
 * description and website only. The same rows are community partners, whose status and contact are partners.verify's
 * (domain/partners/organisations.ts) and never written here.
 */

export const OrganisationInput = z.object({
  name: z.string().trim().min(1, 'An organisation needs a name').max(160),
  slug: SLUG,
  description: z.string().trim().max(3000).default(''),
  website: OPTIONAL_TEXT(300).refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'A website starts with https:// (or leave it empty)'),
});
export type OrganisationInput = z.input<typeof OrganisationInput>;

export type OrganisationRefusal = ProgrammeRefusal<'forbidden' | 'invalid_input' | 'slug_taken' | 'not_found'>;
export type SaveOrganisationResult = { ok: true; organisationId: string } | OrganisationRefusal;

type Actor = { id: string } & Pick<Principal, 'role'>;

const forbidden: OrganisationRefusal = { ok: false, reason: 'forbidden', message: 'You may not edit the programme.' };
const slugTaken = (slug: string): OrganisationRefusal => ({ ok: false, reason: 'slug_taken', message: `Another organisation already has the slug "${slug}".` });

/**
 * Adds an organisation to present films with. It starts as an application ('applied'): whether it may receive
 * allotments and donated tickets is for partners.verify to decide on the partners page, not for the programme.
 */
export async function createOrganisation(db: Database, actor: Actor, raw: OrganisationInput): Promise<SaveOrganisationResult> {
  if (!can(actor, 'programme.edit')) return forbidden;
  const parsed = OrganisationInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  try {
    return await transact<SaveOrganisationResult, OrganisationRefusal>(db, async (tx, refuse) => {
      const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, values.slug));
      if (taken) return refuse(slugTaken(values.slug));
      const [row] = await tx
        .insert(organisations)
        .values({ ...values, kind: 'community_partner', status: 'applied' })
        .returning({ id: organisations.id });
      await recordAudit(tx, actor, { action: 'organisation.create', subjectKind: 'organisation', subjectId: row!.id, organisationId: row!.id, after: auditFields(values) });
      return { ok: true, organisationId: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
}

/** Edits an organisation's public face; its status, contact and review stay as partners.verify left them. */
export async function updateOrganisation(db: Database, actor: Actor, organisationId: string, raw: OrganisationInput): Promise<SaveOrganisationResult> {
  if (!can(actor, 'programme.edit')) return forbidden;
  const id = z.guid().safeParse(organisationId);
  if (!id.success) return { ok: false, reason: 'not_found', message: 'No such organisation.' };
  const parsed = OrganisationInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  try {
    return await transact<SaveOrganisationResult, OrganisationRefusal>(db, async (tx, refuse) => {
      const [org] = await tx
        .select({ name: organisations.name, slug: organisations.slug, description: organisations.description, website: organisations.website })
        .from(organisations)
        .where(eq(organisations.id, id.data))
        .for('update');
      if (!org) return refuse({ ok: false, reason: 'not_found', message: 'No such organisation.' });
      if (values.slug !== org.slug) {
        const [taken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, values.slug));
        if (taken) return refuse(slugTaken(values.slug));
      }
      await tx.update(organisations).set(values).where(eq(organisations.id, id.data));
      const diff = changedFields(org, values);
      await recordAudit(tx, actor, {
        action: 'organisation.update',
        subjectKind: 'organisation',
        subjectId: id.data,
        organisationId: id.data,
        before: auditFields(diff.before),
        after: auditFields(diff.after),
      });
      return { ok: true, organisationId: id.data };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
}

export async function getOrganisationForEdit(db: Database, organisationId: string) {
  const [o] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      description: organisations.description,
      website: organisations.website,
      status: organisations.status,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return o ?? null;
}

/** One page of organisations, searched by name or slug. */
export async function listOrganisationsPage(db: Database, search: { q?: string; page?: number }) {
  const page = Math.max(1, Math.min(10_000, search.page ?? 1));
  const q = search.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, status: organisations.status })
    .from(organisations)
    .where(like ? or(ilike(organisations.name, like), ilike(organisations.slug, like)) : undefined)
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { organisations: found.slice(0, PAGE_SIZE), hasMore: found.length > PAGE_SIZE, page };
}
