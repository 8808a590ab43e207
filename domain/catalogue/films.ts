import 'server-only';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { hasScreeningFilters, type ProgrammeFilters } from '@/domain/catalogue/programme-filters';
import { localDayRange } from '@/lib/time';
import type { FilmographyEntry } from '@/db/schema/people';
import type { CreditRole } from '@/db/seed/types';
import { getDb } from '@/db/client';
import { filmCast, filmCredits, filmPartners, type films } from '@/db/schema/films';
import { organisations } from '@/db/schema/organisations';
import { people } from '@/db/schema/people';
import { rows, type ColumnsOf } from '@/db/sql';
import type { FestivalSummary } from './festival';
import { listScreenings, type ScreeningSummary } from './screenings';

export interface FilmCard {
  id: string;
  slug: string;
  title: string;
  logline: string;
  year: number | null;
  runtimeMinutes: number | null;
  countries: string[];
  languages: string[];
  posterPath: string | null;
  section: { slug: string; name: string } | null;
  directors: string[];
}

type FilmCardRow = Pick<
  ColumnsOf<typeof films>,
  'id' | 'slug' | 'title' | 'logline' | 'year' | 'runtime_minutes' | 'countries' | 'languages' | 'poster_path'
> & {
  section_slug: string | null;
  section_name: string | null;
  directors: string[] | null;
};

const FILM_CARD_COLUMNS = sql`
  f.id, f.slug, f.title, f.logline, f.year, f.runtime_minutes, f.countries, f.languages, f.poster_path,
  sec.slug AS section_slug, sec.name AS section_name,
  (SELECT array_agg(p.name ORDER BY fc.position) FROM film_credits fc JOIN people p ON p.id = fc.person_id
     WHERE fc.film_id = f.id AND fc.role = 'director') AS directors`;

function toCard(r: FilmCardRow): FilmCard {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    logline: r.logline,
    year: r.year,
    runtimeMinutes: r.runtime_minutes,
    countries: r.countries,
    languages: r.languages,
    posterPath: r.poster_path,
    section: r.section_slug && r.section_name ? { slug: r.section_slug, name: r.section_name } : null,
    directors: r.directors ?? [],
  };
}

/** `%term%` for LIKE over folded text, with the user's wildcards taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filmWhere(festival: FestivalSummary, f: ProgrammeFilters): SQL {
  const parts: SQL[] = [sql`f.festival_id = ${festival.id}`];
  if (f.section) parts.push(sql`sec.slug = ${f.section}`);
  if (f.country) parts.push(sql`${f.country} = ANY(f.countries)`);
  if (f.language) parts.push(sql`${f.language} = ANY(f.languages)`);
  if (f.q) {
    const pattern = containsPattern(f.q);
    const match = (column: SQL) => sql`marquee_fold(${column}) LIKE marquee_fold(${pattern})`;
    parts.push(sql`(
      ${match(sql`f.title`)} OR ${match(sql`coalesce(f.original_title, '')`)}
      OR EXISTS (SELECT 1 FROM unnest(f.countries) c WHERE ${match(sql`c`)})
      OR EXISTS (SELECT 1 FROM film_credits fc JOIN people p ON p.id = fc.person_id
                 WHERE fc.film_id = f.id AND fc.role = 'director' AND ${match(sql`p.name`)})
      OR EXISTS (SELECT 1 FROM film_cast fk JOIN people p ON p.id = fk.person_id WHERE fk.film_id = f.id AND ${match(sql`p.name`)})
    )`);
  }
  if (hasScreeningFilters(f)) {
    const s: SQL[] = [sql`sf.film_id = f.id`];
    if (f.day) {
      const { start, end } = localDayRange(f.day, festival.timeZone);
      s.push(sql`sc.starts_at >= ${start.toISOString()}::timestamptz AND sc.starts_at < ${end.toISOString()}::timestamptz`);
    }
    if (f.venue) s.push(sql`v.slug = ${f.venue}`);
    if (f.feature) s.push(sql`${f.feature}::accessibility_feature = ANY(sc.features)`);
    parts.push(sql`EXISTS (SELECT 1 FROM screening_films sf JOIN screenings sc ON sc.id = sf.screening_id
                           JOIN venues v ON v.id = sc.venue_id WHERE ${sql.join(s, sql` AND `)})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function listFilms(festival: FestivalSummary, filters: ProgrammeFilters = {}): Promise<FilmCard[]> {
  const found = await rows<FilmCardRow>(
    getDb(),
    sql`
    SELECT ${FILM_CARD_COLUMNS}
    FROM films f LEFT JOIN sections sec ON sec.id = f.section_id
    WHERE ${filmWhere(festival, filters)}
    ORDER BY marquee_fold(f.title), f.id`,
  );
  return found.map(toCard);
}

export interface ProgrammeEntry {
  film: FilmCard;
  /** The film's next screenings that match the screening filters (day, venue, feature). */
  screenings: ScreeningSummary[];
  moreScreenings: number;
}

/** The programme page: films matching the filters, each with its next matching screenings. */
export async function listProgramme(
  festival: FestivalSummary,
  filters: ProgrammeFilters,
  { now = new Date(), perFilm = 4 }: { now?: Date; perFilm?: number } = {},
): Promise<ProgrammeEntry[]> {
  const films = await listFilms(festival, filters);
  return programmeEntries(festival, filters, films, now, perFilm);
}

async function programmeEntries(festival: FestivalSummary, filters: ProgrammeFilters, films: FilmCard[], now: Date, perFilm: number): Promise<ProgrammeEntry[]> {
  if (films.length === 0) return [];
  const screenings = await listScreenings(
    festival,
    { filmIds: films.map((f) => f.id), day: filters.day, venue: filters.venue, feature: filters.feature, upcomingAfter: now },
    now,
  );
  return films.map((film) => {
    const own = screenings.filter((s) => s.films.some((sf) => sf.slug === film.slug));
    return { film, screenings: own.slice(0, perFilm), moreScreenings: Math.max(0, own.length - perFilm) };
  });
}

/** Films per page of the programme: the page's HTML stays small however big the festival. */
export const PROGRAMME_PAGE_SIZE = 24;

export interface ProgrammePage {
  entries: ProgrammeEntry[];
  /** Films matching the filters, on every page. */
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of the programme: the matching films are counted and ordered as a whole (a light query), and only this
 * page's films get their screenings read and rendered. A page past the end shows the last one.
 */
export async function listProgrammePage(
  festival: FestivalSummary,
  filters: ProgrammeFilters,
  page: number,
  { now = new Date(), perFilm = 4, pageSize = PROGRAMME_PAGE_SIZE }: { now?: Date; perFilm?: number; pageSize?: number } = {},
): Promise<ProgrammePage> {
  const films = await listFilms(festival, filters);
  const pageCount = Math.max(1, Math.ceil(films.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const slice = films.slice((current - 1) * pageSize, current * pageSize);
  return { entries: await programmeEntries(festival, filters, slice, now, perFilm), total: films.length, page: current, pageCount };
}

export interface FilmPerson {
  slug: string;
  name: string;
}

export interface FilmDetail extends FilmCard {
  originalTitle: string | null;
  synopsis: string;
  subtitles: string | null;
  premiereStatus: string;
  genres: string[];
  contentAdvisories: string[];
  ageRestriction: string;
  note: string | null;
  stillPath: string | null;
  credits: { role: CreditRole; people: FilmPerson[] }[];
  cast: (FilmPerson & { characterName: string | null })[];
  directorProfiles: (FilmPerson & { bio: string | null; filmography: FilmographyEntry[] })[];
  partners: { slug: string; name: string; description: string }[];
  related: FilmCard[];
  screenings: ScreeningSummary[];
}

const CREDIT_ORDER: CreditRole[] = ['director', 'producer', 'screenwriter', 'cinematography', 'editor', 'production_design', 'original_music'];

export async function getFilmBySlug(festival: FestivalSummary, slug: string, now = new Date()): Promise<FilmDetail | null> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return null;
  const db = getDb();
  const [row] = await rows<
    FilmCardRow &
      Pick<
        ColumnsOf<typeof films>,
        'original_title' | 'synopsis' | 'subtitles' | 'premiere_status' | 'genres' | 'content_advisories' | 'age_restriction' | 'note' | 'still_path'
      >
  >(
    db,
    sql`
    SELECT ${FILM_CARD_COLUMNS}, f.original_title, f.synopsis, f.subtitles, f.premiere_status, f.genres,
           f.content_advisories, f.age_restriction, f.note, f.still_path
    FROM films f LEFT JOIN sections sec ON sec.id = f.section_id
    WHERE f.festival_id = ${festival.id} AND f.slug = ${slug}`,
  );
  if (!row) return null;

  const [creditRows, castRows, partnerRows, relatedRows, screenings] = await Promise.all([
    db
      .select({ role: filmCredits.role, slug: people.slug, name: people.name, bio: people.bio, filmography: people.filmography })
      .from(filmCredits)
      .innerJoin(people, eq(people.id, filmCredits.personId))
      .where(eq(filmCredits.filmId, row.id))
      .orderBy(asc(filmCredits.position)),
    db
      .select({ slug: people.slug, name: people.name, characterName: filmCast.characterName })
      .from(filmCast)
      .innerJoin(people, eq(people.id, filmCast.personId))
      .where(eq(filmCast.filmId, row.id))
      .orderBy(asc(filmCast.position)),
    db
      .select({ slug: organisations.slug, name: organisations.name, description: organisations.description })
      .from(filmPartners)
      .innerJoin(organisations, eq(organisations.id, filmPartners.organisationId))
      .where(eq(filmPartners.filmId, row.id))
      .orderBy(asc(organisations.name)),
    rows<FilmCardRow>(
      db,
      sql`
      SELECT ${FILM_CARD_COLUMNS} FROM related_films rf JOIN films f ON f.id = rf.related_film_id
      LEFT JOIN sections sec ON sec.id = f.section_id WHERE rf.film_id = ${row.id} ORDER BY rf.position`,
    ),
    listScreenings(festival, { filmIds: [row.id] }, now),
  ]);

  const credits = CREDIT_ORDER.map((role) => ({
    role,
    people: creditRows.filter((c) => c.role === role).map((c) => ({ slug: c.slug, name: c.name })),
  })).filter((c) => c.people.length > 0);

  return {
    ...toCard(row),
    originalTitle: row.original_title,
    synopsis: row.synopsis,
    subtitles: row.subtitles,
    premiereStatus: row.premiere_status,
    genres: row.genres,
    contentAdvisories: row.content_advisories,
    ageRestriction: row.age_restriction,
    note: row.note,
    stillPath: row.still_path,
    credits,
    cast: castRows,
    directorProfiles: creditRows
      .filter((c) => c.role === 'director')
      .map((c) => ({ slug: c.slug, name: c.name, bio: c.bio, filmography: c.filmography })),
    partners: partnerRows,
    related: relatedRows.map(toCard),
    screenings,
  };
}
