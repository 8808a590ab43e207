import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { accessibilityFeature, films, venues } from '@/db/schema';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { localDate } from '@/lib/time';
import { FilmInput, insertFilm } from './films';
import { parsePrice } from './price-list';
import { DEFAULT_PRICE_LIST, EDITABLE_STATUSES, findVenueClash, insertScreening, parseLocalDateTime, ScreeningInput } from './screenings';

/** A programme file's limits: a festival's whole programme fits many times over. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

/** The columns, in the template's order, with what each holds (shown on the import page). */
export const IMPORT_COLUMNS: { name: string; required: boolean; description: string }[] = [
  { name: 'film_slug', required: true, description: 'The film shown, by its slug; several films of a programme joined by | (e.g. short-one|short-two).' },
  { name: 'film_title', required: false, description: 'Only for a film the file creates: its title (the slug must be new). Leave empty for existing films.' },
  { name: 'film_runtime', required: false, description: 'Runtime in minutes of a film the file creates.' },
  { name: 'programme_title', required: false, description: 'Title of a programme of several films (required when film_slug names several).' },
  { name: 'venue_slug', required: true, description: 'The venue, by its slug.' },
  { name: 'date', required: true, description: 'Festival-local date, YYYY-MM-DD.' },
  { name: 'start', required: true, description: 'Festival-local start time, HH:MM (24-hour).' },
  { name: 'end', required: false, description: 'Festival-local end time, HH:MM; a time before the start is the next day. Empty: the runtimes plus 10 minutes (40 with a Q&A).' },
  { name: 'qa', required: false, description: 'yes or no (default no).' },
  { name: 'guest_note', required: false, description: 'Who is there, e.g. "Q&A with the director".' },
  { name: 'features', required: false, description: `Accessibility features joined by |: ${accessibilityFeature.enumValues.join(', ')}.` },
  { name: 'status', required: false, description: 'scheduled (default), on_sale or off_sale.' },
  { name: 'on_sale', required: false, description: 'When a scheduled screening goes on sale: YYYY-MM-DD HH:MM, festival time.' },
  { name: 'off_sale', required: false, description: 'When online sales stop (empty: at the start): YYYY-MM-DD HH:MM.' },
  { name: 'prices', required: false, description: 'The price list, code:name:dollars joined by |, e.g. adult:Adult:18.00|senior:Senior:15.00 (empty: adult:Adult:15.00).' },
];

export const IMPORT_TEMPLATE = [
  IMPORT_COLUMNS.map((c) => c.name).join(','),
  'the-long-night,,,,lumen-cinema,2026-11-26,19:00,,yes,Q&A with the director,closed_captions,on_sale,,,adult:Adult:18.00|senior:Senior (65+):15.00',
  'a-new-film,A New Film,95,,studio-theatre,2026-11-27,14:00,15:45,no,,,scheduled,2026-11-20 10:00,2026-11-27 12:00,',
].join('\n') + '\n';

export interface ImportRowPreview {
  /** The line in the file (the header is line 1). */
  line: number;
  films: string;
  venue: string;
  startsAt: Date | null;
  endsAt: Date | null;
  createsFilm: boolean;
  errors: string[];
}

export type ImportPreview =
  | { ok: true; rows: ImportRowPreview[]; valid: boolean; filmsCreated: number }
  | { ok: false; reason: 'invalid_file'; message: string };

export type ImportResult =
  | { ok: true; screenings: number; filmsCreated: number }
  | { ok: false; reason: 'invalid_file'; message: string }
  | { ok: false; reason: 'invalid_rows'; message: string; rows: ImportRowPreview[] };

const Cell = z.string().trim().default('');
const RawRow = z.object(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.name, Cell])) as Record<string, typeof Cell>);

interface PlannedRow {
  line: number;
  filmSlugs: string[];
  newFilm: { slug: string; title: string; runtime: number | null } | null;
  venueSlug: string;
  input: z.input<typeof ScreeningInput> | null;
  preview: ImportRowPreview;
}

function parseFile(text: string): { ok: true; records: Record<string, string>[] } | { ok: false; message: string } {
  if (Buffer.byteLength(text, 'utf8') > IMPORT_MAX_BYTES) return { ok: false, message: 'The file is larger than 2 MB.' };
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, max_record_size: 20_000 });
  } catch (error) {
    return { ok: false, message: `The file is not valid CSV: ${error instanceof Error ? error.message : 'unreadable'}.` };
  }
  if (records.length === 0) return { ok: false, message: 'The file has no rows under its header.' };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, message: `The file has ${records.length} rows; at most ${IMPORT_MAX_ROWS} at once.` };
  const header = Object.keys(records[0]!);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) return { ok: false, message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.` };
  const unknown = header.filter((h) => !IMPORT_COLUMNS.some((c) => c.name === h));
  if (unknown.length > 0) return { ok: false, message: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see the columns below).` };
  return { ok: true, records };
}

function parsePrices(cell: string, errors: string[]) {
  if (cell === '') return DEFAULT_PRICE_LIST;
  const lines = [];
  for (const part of cell.split('|')) {
    const bits = part.split(':').map((b) => b.trim());
    const price = bits.length === 3 ? parsePrice(bits[2]) : null;
    if (bits.length !== 3 || !/^[a-z0-9_]+$/.test(bits[0]!) || bits[0]!.startsWith('access_') || !bits[1] || price === null) {
      errors.push(`Bad price "${part}": write code:name:dollars, e.g. adult:Adult:18.00.`);
      continue;
    }
    lines.push({ code: bits[0]!, name: bits[1]!, priceCents: price });
  }
  if (new Set(lines.map((l) => l.code)).size !== lines.length) errors.push('A ticket type code appears twice in prices.');
  return lines;
}

/** Reads every row and checks it against the database and the rest of the file, writing nothing. */
async function planImport(db: Database, festival: { id: string; timeZone: string }, text: string): Promise<{ ok: true; rows: PlannedRow[] } | { ok: false; message: string }> {
  const file = parseFile(text);
  if (!file.ok) return file;
  const raw = file.records.map((r) => RawRow.parse(r));
  const allSlugs = [...new Set(raw.flatMap((r) => r.film_slug!.split('|').map((s) => s.trim().toLowerCase())).filter(Boolean))];
  const venueSlugs = [...new Set(raw.map((r) => r.venue_slug!.toLowerCase()).filter(Boolean))];
  const knownFilms = allSlugs.length
    ? await db.select({ id: films.id, slug: films.slug, runtime: films.runtimeMinutes }).from(films).where(and(eq(films.festivalId, festival.id), inArray(films.slug, allSlugs)))
    : [];
  const knownVenues = venueSlugs.length
    ? await db
        .select({ id: venues.id, slug: venues.slug, name: venues.name, changeoverMinutes: venues.changeoverMinutes })
        .from(venues)
        .where(and(eq(venues.festivalId, festival.id), inArray(venues.slug, venueSlugs)))
    : [];
  const filmBySlug = new Map(knownFilms.map((f) => [f.slug, f]));
  const venueBySlug = new Map(knownVenues.map((v) => [v.slug, v]));
  // Films the file creates: the first row that gives a title for an unknown slug creates it.
  const created = new Map<string, { slug: string; title: string; runtime: number | null; line: number }>();

  const planned: PlannedRow[] = raw.map((r, i) => {
    const line = i + 2;
    const errors: string[] = [];
    const filmSlugs = r.film_slug!.split('|').map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (filmSlugs.length === 0) errors.push('film_slug is empty.');
    let newFilm: PlannedRow['newFilm'] = null;
    if (r.film_title) {
      if (filmSlugs.length !== 1) errors.push('film_title creates one film: give one film_slug with it.');
      else if (filmBySlug.has(filmSlugs[0]!)) errors.push(`The film "${filmSlugs[0]}" already exists: leave film_title empty.`);
      else {
        const runtime = r.film_runtime ? Number(r.film_runtime) : null;
        const film = FilmInput.safeParse({ title: r.film_title, slug: filmSlugs[0], runtimeMinutes: r.film_runtime ?? '' });
        if (!film.success) errors.push(...film.error.issues.map((x) => `New film: ${x.message}`));
        const earlier = created.get(filmSlugs[0]!);
        if (earlier && earlier.title !== r.film_title) errors.push(`The film "${filmSlugs[0]}" is created with another title on line ${earlier.line}.`);
        if (!earlier && film.success) {
          created.set(filmSlugs[0]!, { slug: filmSlugs[0]!, title: r.film_title, runtime, line });
          newFilm = { slug: filmSlugs[0]!, title: r.film_title, runtime };
        }
      }
    }
    for (const slug of filmSlugs) {
      if (!filmBySlug.has(slug) && !created.has(slug) && !(r.film_title && filmSlugs.length === 1)) {
        errors.push(`Unknown film "${slug}" (give film_title to create it).`);
      }
    }
    const venue = venueBySlug.get(r.venue_slug!.toLowerCase());
    if (!r.venue_slug) errors.push('venue_slug is empty.');
    else if (!venue) errors.push(`Unknown venue "${r.venue_slug}".`);

    const startsAt = parseLocalDateTime(`${r.date} ${r.start}`, festival.timeZone);
    if (!startsAt) errors.push(`Bad date or start time "${r.date} ${r.start}": use YYYY-MM-DD and HH:MM.`);
    let endsAt: Date | null = null;
    if (r.end && startsAt) {
      endsAt = parseLocalDateTime(`${r.date} ${r.end}`, festival.timeZone);
      if (!endsAt) errors.push(`Bad end time "${r.end}": use HH:MM.`);
      else if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
    }
    const runtimes = filmSlugs.map((s) => filmBySlug.get(s)?.runtime ?? created.get(s)?.runtime ?? null);
    const qa = r.qa!.toLowerCase();
    if (!['', 'yes', 'no', 'y', 'n', 'true', 'false'].includes(qa)) errors.push(`qa must be yes or no, not "${r.qa}".`);
    const hasQa = ['yes', 'y', 'true'].includes(qa);
    if (!endsAt && startsAt && runtimes.length > 0) {
      if (runtimes.some((x) => x === null)) errors.push('A film has no runtime: give the end time.');
      else endsAt = new Date(startsAt.getTime() + (runtimes.reduce<number>((s, x) => s + (x ?? 0), 0) + 10 + (hasQa ? 30 : 0)) * 60_000);
    }
    const features = r.features ? r.features.split('|').map((f) => f.trim()) : [];
    const badFeatures = features.filter((f) => !(accessibilityFeature.enumValues as readonly string[]).includes(f));
    if (badFeatures.length) errors.push(`Unknown feature${badFeatures.length > 1 ? 's' : ''}: ${badFeatures.join(', ')}.`);
    const status = r.status || 'scheduled';
    if (!(EDITABLE_STATUSES as readonly string[]).includes(status)) errors.push(`status must be scheduled, on_sale or off_sale, not "${r.status}".`);
    const onSaleAt = r.on_sale ? parseLocalDateTime(r.on_sale, festival.timeZone) : null;
    if (r.on_sale && !onSaleAt) errors.push(`Bad on_sale "${r.on_sale}": use YYYY-MM-DD HH:MM.`);
    const offSaleAt = r.off_sale ? parseLocalDateTime(r.off_sale, festival.timeZone) : null;
    if (r.off_sale && !offSaleAt) errors.push(`Bad off_sale "${r.off_sale}": use YYYY-MM-DD HH:MM.`);
    const prices = parsePrices(r.prices!, errors);

    const preview: ImportRowPreview = { line, films: filmSlugs.join(' + '), venue: venue?.name ?? r.venue_slug!, startsAt, endsAt, createsFilm: newFilm !== null, errors };
    let input: PlannedRow['input'] = null;
    if (errors.length === 0 && venue && startsAt) {
      input = {
        filmIds: filmSlugs.map((s) => filmBySlug.get(s)?.id ?? '00000000-0000-4000-8000-000000000000'),
        programmeTitle: r.programme_title,
        venueId: venue.id,
        startsAt,
        endsAt,
        hasQa,
        guestNote: r.guest_note,
        features: features as z.input<typeof ScreeningInput>['features'],
        onSaleAt,
        offSaleAt,
        status: status as (typeof EDITABLE_STATUSES)[number],
        ticketTypes: prices,
      };
      const checked = ScreeningInput.safeParse(input);
      if (!checked.success) errors.push(...checked.error.issues.map((x) => x.message));
    }
    return { line, filmSlugs, newFilm, venueSlug: r.venue_slug!.toLowerCase(), input: errors.length === 0 ? input : null, preview };
  });

  // Overlaps: with the venue's screenings already in the database, and with the file's other rows (changeover included).
  for (const row of planned) {
    const venue = venueBySlug.get(row.venueSlug);
    const { startsAt, endsAt } = row.preview;
    if (!venue || !startsAt || !endsAt) continue;
    const clash = await findVenueClash(db, venue, startsAt, endsAt, null);
    if (clash) {
      row.preview.errors.push(`Overlaps “${clash.title}” at ${venue.name} (${localDate(clash.startsAt, festival.timeZone)} ${clash.startsAt.toLocaleTimeString('en-CA', { timeZone: festival.timeZone, hour: '2-digit', minute: '2-digit', hour12: false })}), changeover of ${venue.changeoverMinutes} minutes included.`);
    }
    const gap = venue.changeoverMinutes * 60_000;
    for (const other of planned) {
      if (other === row || other.venueSlug !== row.venueSlug || !other.preview.startsAt || !other.preview.endsAt) continue;
      if (other.preview.startsAt.getTime() < endsAt.getTime() + gap && startsAt.getTime() < other.preview.endsAt.getTime() + gap) {
        row.preview.errors.push(`Overlaps line ${other.line} of this file at ${venue.name} (changeover of ${venue.changeoverMinutes} minutes included).`);
      }
    }
    if (row.preview.errors.length > 0) row.input = null;
  }
  return { ok: true, rows: planned };
}

/** The preview: every row with its errors; nothing is written. */
export async function previewProgrammeImport(db: Database, festival: { id: string; timeZone: string }, text: string): Promise<ImportPreview> {
  const plan = await planImport(db, festival, text);
  if (!plan.ok) return { ok: false, reason: 'invalid_file', message: plan.message };
  const rows = plan.rows.map((r) => r.preview);
  return { ok: true, rows, valid: rows.every((r) => r.errors.length === 0), filmsCreated: plan.rows.filter((r) => r.newFilm).length };
}

/**
 * Imports the whole file in one transaction, or nothing: it is checked again here (the programme may have changed since
 * the preview), and every screening is then scheduled by the same command as the form's, under its venue's lock, so a
 * screening created meanwhile by someone else still refuses the import.
 */
export async function importProgramme(db: Database, actor: { id: string }, festival: { id: string; timeZone: string }, text: string): Promise<ImportResult> {
  const plan = await planImport(db, festival, text);
  if (!plan.ok) return { ok: false, reason: 'invalid_file', message: plan.message };
  const invalid = plan.rows.filter((r) => r.preview.errors.length > 0);
  if (invalid.length > 0) {
    return { ok: false, reason: 'invalid_rows', message: `${invalid.length} row${invalid.length > 1 ? 's have' : ' has'} errors: nothing was imported.`, rows: plan.rows.map((r) => r.preview) };
  }
  type Refused = Extract<ImportResult, { reason: 'invalid_rows' }>;
  return transact<ImportResult, Refused>(db, async (tx, refuse) => {
    const fail = (row: PlannedRow, message: string): never =>
      refuse({
        ok: false,
        reason: 'invalid_rows',
        message: `Line ${row.line}: ${message} Nothing was imported.`,
        rows: plan.rows.map((r) => (r === row ? { ...r.preview, errors: [message] } : r.preview)),
      });
    // Every venue of the file locked up front, in id order, so that two imports (or an import and a form) never deadlock.
    const venueIds = [...new Set(plan.rows.map((r) => r.input!.venueId))].sort();
    if (venueIds.length > 0) await tx.execute(sql`SELECT id FROM venues WHERE id = ANY(${`{${venueIds.join(',')}}`}::uuid[]) ORDER BY id FOR UPDATE`);
    const filmIds = new Map<string, string>();
    for (const row of plan.rows) {
      if (!row.newFilm) continue;
      const made = await insertFilm(tx, actor, festival.id, FilmInput.parse({ title: row.newFilm.title, slug: row.newFilm.slug, runtimeMinutes: row.newFilm.runtime ?? '' }));
      if (!made.ok) return fail(row, made.message);
      filmIds.set(row.newFilm.slug, made.filmId);
    }
    const known = await tx.select({ id: films.id, slug: films.slug }).from(films).where(and(eq(films.festivalId, festival.id), inArray(films.slug, [...new Set(plan.rows.flatMap((r) => r.filmSlugs))])));
    for (const f of known) filmIds.set(f.slug, f.id);
    for (const row of plan.rows) {
      const ids = row.filmSlugs.map((s) => filmIds.get(s));
      if (ids.some((id) => !id)) return fail(row, 'A film of this row no longer exists.');
      const parsed = ScreeningInput.parse({ ...row.input!, filmIds: ids as string[] });
      await insertScreening(tx, actor, festival.id, parsed, (r) => fail(row, r.message));
    }
    await recordAudit(tx, actor, {
      action: 'programme.import',
      subjectKind: 'festival',
      subjectId: festival.id,
      after: { screenings: plan.rows.length, filmsCreated: plan.rows.filter((r) => r.newFilm).length },
    });
    return { ok: true, screenings: plan.rows.length, filmsCreated: plan.rows.filter((r) => r.newFilm).length };
  });
}
