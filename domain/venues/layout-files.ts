import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { isSeatKind, validateLayout, type LayoutError, type LayoutSeat } from '@/lib/seat-layout';

/**
 * A seat layout as a file: CSV (section,row,seat,x,y,kind,blocked; one seat a line) or JSON (the same fields, as
 * `{ seats: [...] }` or a bare array). Parsing reports every problem by line and yields a layout only when there is
 * none, so an import is all or nothing before the save command even runs.
 */

export const LAYOUT_COLUMNS = ['section', 'row', 'seat', 'x', 'y', 'kind', 'blocked'] as const;
export type LayoutFormat = 'csv' | 'json';

export type ParsedLayout = { ok: true; seats: LayoutSeat[] } | { ok: false; errors: LayoutError[] };

/** The biggest file an import reads (about 40 bytes a seat at the layout's 2,000-seat limit, with room to spare). */
export const MAX_LAYOUT_FILE_BYTES = 512 * 1024;

export function detectLayoutFormat(text: string, fileName?: string): LayoutFormat {
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  if (fileName?.toLowerCase().endsWith('.csv')) return 'csv';
  const first = text.trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}

export function parseLayoutFile(text: string, format: LayoutFormat): ParsedLayout {
  if (text.length > MAX_LAYOUT_FILE_BYTES) return { ok: false, errors: [{ line: 0, message: 'The file is too big for a seat layout.' }] };
  return format === 'csv' ? parseLayoutCsv(text) : parseLayoutJson(text);
}

type RawRecord = Record<string, unknown>;

/** One record's fields as a seat, or the problems that stop it from being one. */
function toSeat(record: RawRecord): { seat: LayoutSeat | null; problems: string[] } {
  const problems: string[] = [];
  const text = (key: string) => (record[key] === undefined || record[key] === null ? '' : String(record[key]).trim());
  const integer = (key: string, label: string): number => {
    const raw = text(key);
    if (!/^-?\d+$/.test(raw)) {
      problems.push(`${label} "${raw}" is not a whole number.`);
      return NaN;
    }
    return Number(raw);
  };
  const number = integer('seat', 'Seat');
  const x = integer('x', 'x');
  const y = integer('y', 'y');
  const kindRaw = text('kind').toLowerCase() || 'standard';
  if (!isSeatKind(kindRaw)) problems.push(`Unknown kind "${text('kind')}": use standard, wheelchair, companion or aisle.`);
  const blockedRaw = text('blocked').toLowerCase();
  let blocked = false;
  if (['true', 'yes', '1', 'y'].includes(blockedRaw)) blocked = true;
  else if (!['', 'false', 'no', '0', 'n'].includes(blockedRaw)) problems.push(`Blocked "${text('blocked')}" is not yes or no.`);
  if (problems.length > 0 || !isSeatKind(kindRaw)) return { seat: null, problems };
  return { seat: { section: text('section'), row: text('row'), number, x, y, kind: kindRaw, blocked }, problems };
}

/** Turns records (line numbers beside them) into a layout: every record's problems, then the whole layout's. */
function fromRecords(records: { line: number; record: RawRecord }[]): ParsedLayout {
  const errors: LayoutError[] = [];
  const seats: LayoutSeat[] = [];
  const lines: number[] = [];
  for (const { line, record } of records) {
    const { seat, problems } = toSeat(record);
    for (const message of problems) errors.push({ line, message });
    if (seat) {
      seats.push(seat);
      lines.push(line);
    }
  }
  if (records.length === 0) errors.push({ line: 0, message: 'The file has no seats.' });
  errors.push(...validateLayout(seats, (i) => lines[i] ?? 0));
  errors.sort((a, b) => a.line - b.line);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, seats };
}

export function parseLayoutCsv(text: string): ParsedLayout {
  let records: RawRecord[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const line = typeof error === 'object' && error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 0;
    return { ok: false, errors: [{ line, message: `The CSV could not be read: ${error instanceof Error ? error.message : 'malformed file'}` }] };
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((h) => h.trim().toLowerCase());
  const missing = LAYOUT_COLUMNS.filter((c) => c !== 'blocked' && c !== 'kind' && !columns.includes(c));
  if (missing.length > 0) return { ok: false, errors: [{ line: 1, message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. Expected ${LAYOUT_COLUMNS.join(',')}.` }] };
  // The header is line 1; csv-parse skips empty lines, so count the data lines as they come (quoted newlines are rare here).
  const dataLines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ l, i: i + 1 }))
    .slice(1)
    .filter(({ l }) => l.trim() !== '')
    .map(({ i }) => i);
  return fromRecords(records.map((record, i) => ({ line: dataLines[i] ?? i + 2, record })));
}

const JsonLayout = z.union([z.array(z.record(z.string(), z.unknown())), z.object({ seats: z.array(z.record(z.string(), z.unknown())) })]);

export function parseLayoutJson(text: string): ParsedLayout {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ line: 0, message: 'The JSON could not be read.' }] };
  }
  const shape = JsonLayout.safeParse(data);
  if (!shape.success) return { ok: false, errors: [{ line: 0, message: 'Expected a list of seats, or { "seats": [...] }, each with section, row, seat, x, y, kind, blocked.' }] };
  const list = Array.isArray(shape.data) ? shape.data : shape.data.seats;
  // JSON has no lines people count: each seat is numbered by its place in the list, from 1.
  return fromRecords(list.map((record, i) => ({ line: i + 1, record })));
}

function ordered(seats: readonly LayoutSeat[]): LayoutSeat[] {
  return [...seats].sort((a, b) => a.y - b.y || a.x - b.x);
}

export function layoutToCsv(seats: readonly LayoutSeat[]): string {
  return stringify(
    ordered(seats).map((s) => [s.section, s.row, s.number, s.x, s.y, s.kind, s.blocked ? 'yes' : 'no']),
    // A label is free text: a spreadsheet must not run one that starts like a formula.
    { header: true, columns: [...LAYOUT_COLUMNS], escape_formulas: true },
  );
}

export function layoutToJson(seats: readonly LayoutSeat[]): string {
  const list = ordered(seats).map((s) => ({ section: s.section, row: s.row, seat: s.number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked }));
  return `${JSON.stringify({ seats: list }, null, 2)}\n`;
}
