import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { ageRestriction, creditRole, filmCast, filmCredits, films, people, premiereStatus, sections } from '@/db/schema';
import { recordAudit } from '@/domain/audit/audit-log';
import type { CreditRole } from '@/domain/programme/people';
import {
  auditFields,
  changedFields,
  isUniqueViolation,
  issuesMessage,
  OPTIONAL_INT,
  OPTIONAL_TEXT,
  PAGE_SIZE,
  SLUG,
  TEXT_LIST,
  type ProgrammeRefusal,
} from './shared';

/** Every public field of a film, as staff edit it (a form's strings or typed values; lists as "a, b"). */
export const FilmInput = z.object({
  title: z.string().trim().min(1, 'A film needs a title').max(200),
  slug: SLUG,
  originalTitle: OPTIONAL_TEXT(200),
  sectionId: z.preprocess((v) => (v === '' ? null : v), z.guid('Choose a section').nullable().default(null)),
  logline: z.string().trim().max(300).default(''),
  synopsis: z.string().trim().max(5000).default(''),
  countries: TEXT_LIST.default([]),
  year: OPTIONAL_INT(1888, 2100, 'Year').default(null),
  runtimeMinutes: OPTIONAL_INT(1, 1000, 'Runtime').default(null),
  languages: TEXT_LIST.default([]),
  subtitles: OPTIONAL_TEXT(80),
  premiereStatus: z.enum(premiereStatus.enumValues).default('none'),
  genres: TEXT_LIST.default([]),
  contentAdvisories: TEXT_LIST.default([]),
  ageRestriction: z.enum(ageRestriction.enumValues).default('all_ages'),
  note: OPTIONAL_TEXT(500),
  posterPath: OPTIONAL_TEXT(300).pipe(z.string().regex(/^\/[\w./-]*$/, 'A poster path starts with / (a file under public/)').nullable()),
  stillPath: OPTIONAL_TEXT(300).pipe(z.string().regex(/^\/[\w./-]*$/, 'A still path starts with / (a file under public/)').nullable()),
});
export type FilmInput = z.input<typeof FilmInput>;
type FilmValues = z.output<typeof FilmInput>;

export type FilmRefusal = ProgrammeRefusal<'invalid_input' | 'slug_taken' | 'not_found' | 'section_not_found'>;
export type SaveFilmResult = { ok: true; filmId: string; slug: string } | FilmRefusal;

const slugTaken = (slug: string): FilmRefusal => ({ ok: false, reason: 'slug_taken', message: `Another film of this festival already has the slug "${slug}".` });

async function checkSection(tx: Transaction, festivalId: string, sectionId: string | null): Promise<FilmRefusal | null> {
  if (!sectionId) return null;
  const [s] = await tx.select({ id: sections.id }).from(sections).where(and(eq(sections.id, sectionId), eq(sections.festivalId, festivalId)));
  return s ? null : { ok: false, reason: 'section_not_found', message: 'No such section in this festival.' };
}

/** Inserts a film in the caller's transaction (the import creates films this way too). The slug's uniqueness is the index's. */
export async function insertFilm(tx: Transaction, actor: { id: string }, festivalId: string, values: FilmValues): Promise<SaveFilmResult> {
  const section = await checkSection(tx, festivalId, values.sectionId);
  if (section) return section;
  const [taken] = await tx.select({ id: films.id }).from(films).where(and(eq(films.festivalId, festivalId), eq(films.slug, values.slug)));
  if (taken) return slugTaken(values.slug);
  const [row] = await tx.insert(films).values({ festivalId, ...values }).returning({ id: films.id });
  if (!row) throw new Error('film insert returned no row');
  await recordAudit(tx, actor, { action: 'film.create', subjectKind: 'film', subjectId: row.id, after: auditFields(values) });
  return { ok: true, filmId: row.id, slug: values.slug };
}

export async function createFilm(db: Database, actor: { id: string }, festivalId: string, raw: FilmInput): Promise<SaveFilmResult> {
  const parsed = FilmInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  try {
    return await db.transaction((tx) => insertFilm(tx, actor, festivalId, parsed.data));
  } catch (error) {
    // Two creates with one slug at once: the second loses at the unique index.
    if (isUniqueViolation(error)) return slugTaken(parsed.data.slug);
    throw error;
  }
}

/** Saves every field of a film; the public pages read it live (they are rendered per request). */
export async function updateFilm(db: Database, actor: { id: string }, filmId: string, raw: FilmInput): Promise<SaveFilmResult> {
  const parsed = FilmInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input', message: issuesMessage(parsed.error) };
  const values = parsed.data;
  try {
    return await db.transaction(async (tx): Promise<SaveFilmResult> => {
      const [film] = await tx.select().from(films).where(eq(films.id, filmId)).for('update');
      if (!film) return { ok: false, reason: 'not_found', message: 'No such film.' };
      const section = await checkSection(tx, film.festivalId, values.sectionId);
      if (section) return section;
      if (values.slug !== film.slug) {
        const [taken] = await tx.select({ id: films.id }).from(films).where(and(eq(films.festivalId, film.festivalId), eq(films.slug, values.slug)));
        if (taken) return slugTaken(values.slug);
      }
      await tx.update(films).set(values).where(eq(films.id, filmId));
      const diff = changedFields(film, values);
      await recordAudit(tx, actor, { action: 'film.update', subjectKind: 'film', subjectId: filmId, before: auditFields(diff.before), after: auditFields(diff.after) });
      return { ok: true, filmId, slug: values.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(values.slug);
    throw error;
  }
}

export interface StaffFilmRow {
  id: string;
  slug: string;
  title: string;
  year: number | null;
  runtimeMinutes: number | null;
  section: string | null;
  screenings: number;
}

/** One page of the festival's films, searched by title or slug. */
export async function listFilmsPage(db: Database, festivalId: string, search: { q?: string; page?: number }): Promise<{ films: StaffFilmRow[]; hasMore: boolean; page: number }> {
  const page = Math.max(1, search.page ?? 1);
  const q = search.q?.trim();
  const where = q
    ? and(eq(films.festivalId, festivalId), or(ilike(films.title, `%${escapeLike(q)}%`), ilike(films.slug, `%${escapeLike(q)}%`)))
    : eq(films.festivalId, festivalId);
  const found = await db
    .select({
      id: films.id,
      slug: films.slug,
      title: films.title,
      year: films.year,
      runtimeMinutes: films.runtimeMinutes,
      section: sections.name,
      screenings: sql<number>`(SELECT count(*)::int FROM screening_films sf WHERE sf.film_id = ${films.id})`,
    })
    .from(films)
    .leftJoin(sections, eq(sections.id, films.sectionId))
    .where(where)
    .orderBy(asc(sql`lower(${films.title})`), asc(films.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { films: found.slice(0, PAGE_SIZE), hasMore: found.length > PAGE_SIZE, page };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface FilmForEdit {
  id: string;
  festivalId: string;
  values: FilmValues;
  credits: { personId: string; personSlug: string; name: string; role: CreditRole; position: number }[];
  cast: { personId: string; personSlug: string; name: string; characterName: string | null; position: number }[];
}

export async function getFilmForEdit(db: Database, filmId: string): Promise<FilmForEdit | null> {
  const [film] = await db.select().from(films).where(eq(films.id, filmId));
  if (!film) return null;
  const credits = await db
    .select({ personId: people.id, personSlug: people.slug, name: people.name, role: filmCredits.role, position: filmCredits.position })
    .from(filmCredits)
    .innerJoin(people, eq(people.id, filmCredits.personId))
    .where(eq(filmCredits.filmId, filmId))
    .orderBy(asc(filmCredits.role), asc(filmCredits.position));
  const cast = await db
    .select({ personId: people.id, personSlug: people.slug, name: people.name, characterName: filmCast.characterName, position: filmCast.position })
    .from(filmCast)
    .innerJoin(people, eq(people.id, filmCast.personId))
    .where(eq(filmCast.filmId, filmId))
    .orderBy(asc(filmCast.position));
  const { id, festivalId, createdAt: _createdAt, ...values } = film;
  void _createdAt;
  return { id, festivalId, values, credits, cast };
}

export async function listSections(db: Database, festivalId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: sections.id, name: sections.name }).from(sections).where(eq(sections.festivalId, festivalId)).orderBy(asc(sections.position));
}

export const CREDIT_ROLES = creditRole.enumValues;
