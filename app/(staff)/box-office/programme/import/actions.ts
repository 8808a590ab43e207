'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { IMPORT_MAX_BYTES, importProgramme, previewProgrammeImport, type ImportRowPreview } from '@/domain/programme/import';
import { formatDateTime, formatTime } from '@/lib/time';
import { requirePermission } from '@/web/auth/guards';
import type { ImportPreviewRow, ImportState } from '@/components/programme/ImportForm';

const shown = (rows: ImportRowPreview[], timeZone: string): ImportPreviewRow[] =>
  rows.map((r) => ({
    line: r.line,
    films: r.films,
    venue: r.venue,
    when: r.startsAt ? `${formatDateTime(r.startsAt, timeZone)}${r.endsAt ? ` – ${formatTime(r.endsAt, timeZone)}` : ''}` : '—',
    createsFilm: r.createsFilm,
    errors: r.errors,
  }));

/**
 * The import's two steps in one action: "preview" reads the uploaded file and writes nothing; "confirm" imports the
 * file's text (sent back by the preview) after checking every row again, all or nothing.
 */
export async function importProgrammeAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const actor = await requirePermission('programme.edit');
  const festival = await requireCurrentFestival();
  if (form.get('step') === 'confirm') {
    const csv = form.get('csv');
    if (typeof csv !== 'string' || csv.length === 0) return { error: 'Upload the file again: the confirmation carried no file.' };
    if (Buffer.byteLength(csv, 'utf8') > IMPORT_MAX_BYTES) return { error: 'The file is larger than 2 MB.' };
    const result = await importProgramme(getDb(), actor, festival, csv);
    if (!result.ok) {
      return result.reason === 'invalid_rows'
        ? { error: result.message, rows: shown(result.rows, festival.timeZone), valid: false }
        : { error: result.message };
    }
    redirect(`/box-office/programme?imported=${result.screenings}`);
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose a CSV file to preview.' };
  if (file.size > IMPORT_MAX_BYTES) return { error: 'The file is larger than 2 MB.' };
  const csv = await file.text();
  const preview = await previewProgrammeImport(getDb(), festival, csv);
  if (!preview.ok) return { error: preview.message };
  return { rows: shown(preview.rows, festival.timeZone), valid: preview.valid, filmsCreated: preview.filmsCreated, csv: preview.valid ? csv : undefined };
}
