'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { detectLayoutFormat, MAX_LAYOUT_FILE_BYTES, parseLayoutFile } from '@/domain/venues/layout-files';
import { saveSeatLayout } from '@/domain/venues/save-layout';
import { getVenueForEditing, updateVenue } from '@/domain/venues/venues';
import { summariseLayout } from '@/lib/seat-layout';
import { requirePermission } from '@/web/auth/guards';
import { postedValues, venueInputFromForm, type ImportLayoutState, type SaveLayoutState, type VenueFormState } from '@/web/venues/forms';

const VenueId = z.guid();

/** The venue the form names, in the festival the console runs; anything else is a 404 (a replayed or edited form). */
async function venueOf(form: FormData): Promise<string> {
  const id = VenueId.safeParse(form.get('venueId'));
  if (!id.success) notFound();
  const festival = await requireCurrentFestival();
  const venue = await getVenueForEditing(festival.id, id.data);
  if (!venue) notFound();
  return venue.id;
}

export async function updateVenueAction(_previous: VenueFormState, form: FormData): Promise<VenueFormState> {
  const staff = await requirePermission('programme.edit');
  const venueId = await venueOf(form);
  const result = await updateVenue(getDb(), staff, venueId, venueInputFromForm(form));
  if (!result.ok) return { message: result.message, fields: 'fields' in result ? result.fields : {}, values: postedValues(form) };
  revalidatePath(`/box-office/venues/${venueId}`);
  redirect(`/box-office/venues/${venueId}?done=saved`);
}

function following(n: number): string {
  return n === 1 ? 'The upcoming screening here follows it.' : `${n} upcoming screenings here follow it.`;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The seat map editor's save: the whole layout, as JSON in one field. */
export async function saveSeatLayoutAction(_previous: SaveLayoutState, form: FormData): Promise<SaveLayoutState> {
  const staff = await requirePermission('programme.edit');
  const venueId = await venueOf(form);
  const result = await saveSeatLayout(getDb(), staff, venueId, parseJson(form.get('layout')));
  if (!result.ok) {
    return { status: 'refused', message: result.message, errors: 'errors' in result ? result.errors : [], seats: 'seats' in result ? result.seats : [] };
  }
  revalidatePath(`/box-office/venues/${venueId}/seat-map`);
  const parts = [`${result.added} added`, `${result.removed} removed`, `${result.changed} changed`];
  return {
    status: 'saved',
    message: `Seat map saved: ${parts.join(', ')}. ${following(result.screeningsUpdated)}`,
  };
}

const ImportForm = z.object({ intent: z.enum(['preview', 'save']).catch('preview') });

async function readUpload(form: FormData): Promise<{ text: string; fileName: string; format: 'csv' | 'json' } | { error: string }> {
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose a CSV or JSON file.' };
  if (file.size > MAX_LAYOUT_FILE_BYTES) return { error: 'The file is too big for a seat layout.' };
  const text = await file.text();
  return { text, fileName: file.name.slice(0, 200), format: detectLayoutFormat(text, file.name) };
}

/**
 * Import, in two steps: `preview` reads the uploaded file and shows every bad line, or what it would save; `save` reads
 * the same text again (never the preview's word for it) and saves it as the seat map. Nothing is written unless every
 * line is valid and the save command accepts the layout.
 */
export async function importLayoutAction(_previous: ImportLayoutState, form: FormData): Promise<ImportLayoutState> {
  const staff = await requirePermission('programme.edit');
  const venueId = await venueOf(form);
  const { intent } = ImportForm.parse({ intent: form.get('intent') });
  if (intent === 'preview') {
    const upload = await readUpload(form);
    if ('error' in upload) return { status: 'invalid', fileName: '', errors: [{ line: 0, message: upload.error }] };
    const parsed = parseLayoutFile(upload.text, upload.format);
    if (!parsed.ok) return { status: 'invalid', fileName: upload.fileName, errors: parsed.errors.slice(0, 200) };
    return {
      status: 'valid',
      fileName: upload.fileName,
      format: upload.format,
      content: upload.text,
      summary: summariseLayout(parsed.seats),
      sample: parsed.seats.slice(0, 20).map((s) => ({ section: s.section, row: s.row, number: s.number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked })),
    };
  }
  const content = form.get('content');
  const format = z.enum(['csv', 'json']).safeParse(form.get('format'));
  if (typeof content !== 'string' || !format.success) return { status: 'refused', message: 'Check the file again before saving it.', seats: [] };
  const parsed = parseLayoutFile(content, format.data);
  if (!parsed.ok) return { status: 'invalid', fileName: '', errors: parsed.errors.slice(0, 200) };
  const result = await saveSeatLayout(getDb(), staff, venueId, parsed.seats);
  if (!result.ok) return { status: 'refused', message: result.message, seats: 'seats' in result ? result.seats : [] };
  revalidatePath(`/box-office/venues/${venueId}/seat-map`);
  return {
    status: 'saved',
    message: `Seat map imported: ${result.added} added, ${result.removed} removed, ${result.changed} changed. ${following(result.screeningsUpdated)}`,
  };
}

