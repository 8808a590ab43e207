import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { creditRole, filmCast, filmCredits, filmPartners, films, organisations, people } from '@/db/schema';
import { recordAudit } from '@/domain/audit/audit-log';
import { auditFields, changedFields, isUniqueViolation, issuesMessage, OPTIONAL_TEXT, PAGE_SIZE, SLUG, type ProgrammeRefusal } from './shared';

export type CreditRole = (typeof creditRole.enumValues)[number];

export const PersonInput = z.object({
  name: z.string().trim().min(1, 'A person needs a name').max(200),
  slug: SLUG,
  bio: OPTIONAL_TEXT(3000),
});
export type PersonInput = z.input<typeof PersonInput>;

export type PersonRefusal = ProgrammeRefusal<'invalid_input' | 'slug_taken' | 'not_found'>;
export type SavePersonResult = { ok: true; personId: string } | PersonRefusal;

const slugTaken = (slug: string): PersonRefusal => ({ ok: false, reason: 'slug_taken', message: `Another person already has the slug "${slug}".` });

export async function createPerson(db: Database, actor: { id: string }, raw: PersonInput): Promise<SavePersonResult> {
  const parsed = PersonInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  try {
    return await db.transaction(async (tx): Promise<SavePersonResult> => {
      const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.slug, values.slug));
      if (taken) return slugTaken(values.slug);
      const [row] = await tx.insert(people).values(values).returning({ id: people.id });
      await recordAudit(tx, actor, { action: 'person.create', subjectKind: 'person', subjectId: row!.id, after: auditFields(values) });
      return { ok: true, personId: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
}

export async function updatePerson(db: Database, actor: { id: string }, personId: string, raw: PersonInput): Promise<SavePersonResult> {
  const parsed = PersonInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  try {
    return await db.transaction(async (tx): Promise<SavePersonResult> => {
      const [person] = await tx.select().from(people).where(eq(people.id, personId)).for('update');
      if (!person) return { ok: false, reason: 'not_found', message: 'No such person.' };
      if (values.slug !== person.slug) {
        const [taken] = await tx.select({ id: people.id }).from(people).where(eq(people.slug, values.slug));
        if (taken) return slugTaken(values.slug);
      }
      await tx.update(people).set(values).where(eq(people.id, personId));
      const diff = changedFields(person, values);
      await recordAudit(tx, actor, { action: 'person.update', subjectKind: 'person', subjectId: personId, before: auditFields(diff.before), after: auditFields(diff.after) });
      return { ok: true, personId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
}

export async function getPerson(db: Database, personId: string) {
  const [p] = await db.select({ id: people.id, slug: people.slug, name: people.name, bio: people.bio }).from(people).where(eq(people.id, personId));
  return p ?? null;
}

/** One page of people, searched by name or slug. */
export async function listPeoplePage(db: Database, search: { q?: string; page?: number }) {
  const page = Math.max(1, search.page ?? 1);
  const q = search.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const found = await db
    .select({ id: people.id, slug: people.slug, name: people.name })
    .from(people)
    .where(like ? or(ilike(people.name, like), ilike(people.slug, like)) : undefined)
    .orderBy(asc(sql`lower(${people.name})`), asc(people.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { people: found.slice(0, PAGE_SIZE), hasMore: found.length > PAGE_SIZE, page };
}

export const CreditInput = z.object({
  filmId: z.guid(),
  personSlug: SLUG,
  /** A crew role (film_credits), or "cast" (film_cast). */
  role: z.enum([...creditRole.enumValues, 'cast']),
  characterName: OPTIONAL_TEXT(120),
});
export type CreditInput = z.input<typeof CreditInput>;
export type CreditResult = { ok: true } | ProgrammeRefusal<'invalid_input' | 'not_found' | 'person_not_found' | 'already_credited'>;

async function lockFilm(tx: Transaction, filmId: string) {
  const [film] = await tx.select({ id: films.id }).from(films).where(eq(films.id, filmId)).for('update');
  return film ?? null;
}

/** Credits a person on a film, last in that role's order. */
export async function addCredit(db: Database, actor: { id: string }, raw: CreditInput): Promise<CreditResult> {
  const parsed = CreditInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const { filmId, personSlug, role, characterName } = parsed.data;
  return db.transaction(async (tx): Promise<CreditResult> => {
    if (!(await lockFilm(tx, filmId))) return { ok: false, reason: 'not_found', message: 'No such film.' };
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.slug, personSlug));
    if (!person) return { ok: false, reason: 'person_not_found', message: `No person with the slug "${personSlug}": add them under People first.` };
    const already = { ok: false, reason: 'already_credited', message: 'This person already has this credit on this film.' } as const;
    if (role === 'cast') {
      const [{ n }] = (await tx.select({ n: sql<number>`coalesce(max(${filmCast.position}) + 1, 0)::int` }).from(filmCast).where(eq(filmCast.filmId, filmId))) as [{ n: number }];
      const inserted = await tx.insert(filmCast).values({ filmId, personId: person.id, characterName, position: n }).onConflictDoNothing().returning({ p: filmCast.personId });
      if (inserted.length === 0) return already;
    } else {
      const [{ n }] = (await tx
        .select({ n: sql<number>`coalesce(max(${filmCredits.position}) + 1, 0)::int` })
        .from(filmCredits)
        .where(and(eq(filmCredits.filmId, filmId), eq(filmCredits.role, role)))) as [{ n: number }];
      const inserted = await tx.insert(filmCredits).values({ filmId, personId: person.id, role, position: n }).onConflictDoNothing().returning({ p: filmCredits.personId });
      if (inserted.length === 0) return already;
    }
    await recordAudit(tx, actor, { action: 'film.credit_add', subjectKind: 'film', subjectId: filmId, after: { person: personSlug, role, characterName } });
    return { ok: true };
  });
}

export const RemoveCreditInput = z.object({ filmId: z.guid(), personId: z.guid(), role: z.enum([...creditRole.enumValues, 'cast']) });

export async function removeCredit(db: Database, actor: { id: string }, raw: z.input<typeof RemoveCreditInput>): Promise<CreditResult> {
  const parsed = RemoveCreditInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const { filmId, personId, role } = parsed.data;
  return db.transaction(async (tx): Promise<CreditResult> => {
    if (!(await lockFilm(tx, filmId))) return { ok: false, reason: 'not_found', message: 'No such film.' };
    const removed =
      role === 'cast'
        ? await tx.delete(filmCast).where(and(eq(filmCast.filmId, filmId), eq(filmCast.personId, personId))).returning({ p: filmCast.personId })
        : await tx
            .delete(filmCredits)
            .where(and(eq(filmCredits.filmId, filmId), eq(filmCredits.personId, personId), eq(filmCredits.role, role)))
            .returning({ p: filmCredits.personId });
    if (removed.length === 0) return { ok: false, reason: 'not_found', message: 'No such credit.' };
    await recordAudit(tx, actor, { action: 'film.credit_remove', subjectKind: 'film', subjectId: filmId, before: { personId, role } });
    return { ok: true };
  });
}

export const FilmPartnerInput = z.object({ filmId: z.guid(), organisationSlug: SLUG });
export type FilmPartnerResult = { ok: true } | ProgrammeRefusal<'invalid_input' | 'not_found' | 'organisation_not_found' | 'already_credited'>;

/** Links a film to a partner organisation (film_partners: the organisations a film is presented with). */
export async function addFilmPartner(db: Database, actor: { id: string }, raw: z.input<typeof FilmPartnerInput>): Promise<FilmPartnerResult> {
  const parsed = FilmPartnerInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const { filmId, organisationSlug } = parsed.data;
  return db.transaction(async (tx): Promise<FilmPartnerResult> => {
    if (!(await lockFilm(tx, filmId))) return { ok: false, reason: 'not_found', message: 'No such film.' };
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, organisationSlug));
    if (!org) return { ok: false, reason: 'organisation_not_found', message: `No organisation with the slug "${organisationSlug}".` };
    const inserted = await tx.insert(filmPartners).values({ filmId, organisationId: org.id }).onConflictDoNothing().returning({ o: filmPartners.organisationId });
    if (inserted.length === 0) return { ok: false, reason: 'already_credited', message: 'This organisation is already a partner of this film.' };
    await recordAudit(tx, actor, { action: 'film.partner_add', subjectKind: 'film', subjectId: filmId, organisationId: org.id, after: { organisation: organisationSlug } });
    return { ok: true };
  });
}

export async function removeFilmPartner(db: Database, actor: { id: string }, raw: { filmId: string; organisationId: string }): Promise<FilmPartnerResult> {
  const parsed = z.object({ filmId: z.guid(), organisationId: z.guid() }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const { filmId, organisationId } = parsed.data;
  return db.transaction(async (tx): Promise<FilmPartnerResult> => {
    if (!(await lockFilm(tx, filmId))) return { ok: false, reason: 'not_found', message: 'No such film.' };
    const removed = await tx
      .delete(filmPartners)
      .where(and(eq(filmPartners.filmId, filmId), eq(filmPartners.organisationId, organisationId)))
      .returning({ o: filmPartners.organisationId });
    if (removed.length === 0) return { ok: false, reason: 'not_found', message: 'This organisation is not a partner of this film.' };
    await recordAudit(tx, actor, { action: 'film.partner_remove', subjectKind: 'film', subjectId: filmId, organisationId, before: { organisationId } });
    return { ok: true };
  });
}

export async function listFilmPartners(db: Database, filmId: string) {
  return db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(filmPartners)
    .innerJoin(organisations, eq(organisations.id, filmPartners.organisationId))
    .where(eq(filmPartners.filmId, filmId))
    .orderBy(asc(organisations.name));
}
