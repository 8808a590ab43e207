import type { SeatKind } from './seats';

/**
 * A venue's seat layout as staff edit, import and export it: pure, so the visual editor in the browser and the save
 * command on the server (domain/venues/save-layout.ts) check it with the same code. A seat that already exists keeps
 * its id (tickets and holds name seats by id); a seat without one is matched by its label, else added.
 */

export const SEAT_KINDS = ['standard', 'wheelchair', 'companion', 'aisle'] as const satisfies readonly SeatKind[];

export interface LayoutSeat {
  id?: string;
  section: string;
  row: string;
  number: number;
  x: number;
  y: number;
  kind: SeatKind;
  blocked: boolean;
}

/** One problem of one seat (or line of an imported file): `line` is the file's line, or the seat's position in the list. */
export interface LayoutError {
  line: number;
  message: string;
}

/** Bounds that keep a layout drawable and a form post small. */
export const LAYOUT_LIMITS = { seats: 2000, gridSize: 200, seatNumber: 9999, label: 20 } as const;

export function isSeatKind(value: string): value is SeatKind {
  return (SEAT_KINDS as readonly string[]).includes(value);
}

export function labelKey(s: Pick<LayoutSeat, 'section' | 'row' | 'number'>): string {
  return `${s.section.toLowerCase()}\u0000${s.row}\u0000${s.number}`;
}

export function positionKey(s: Pick<LayoutSeat, 'x' | 'y'>): string {
  return `${s.x},${s.y}`;
}

/** How a seat is named in messages: "Stalls row A seat 3". */
export function layoutSeatName(s: Pick<LayoutSeat, 'section' | 'row' | 'number'>): string {
  return `${s.section} row ${s.row} seat ${s.number}`;
}

/**
 * Every problem of a whole layout: each seat's own fields, then duplicates (a position or a label used twice). `lineOf`
 * maps a seat's index to the line people see (an imported file's line number; the editor's seat count).
 */
export function validateLayout(seats: readonly LayoutSeat[], lineOf: (index: number) => number = (i) => i + 1): LayoutError[] {
  const errors: LayoutError[] = [];
  if (seats.length > LAYOUT_LIMITS.seats) errors.push({ line: 0, message: `A layout has at most ${LAYOUT_LIMITS.seats} seats.` });
  const positions = new Map<string, number>();
  const labels = new Map<string, number>();
  const ids = new Map<string, number>();
  seats.forEach((s, i) => {
    const line = lineOf(i);
    for (const message of seatProblems(s)) errors.push({ line, message });
    const pos = positionKey(s);
    const samePosition = positions.get(pos);
    if (samePosition !== undefined) errors.push({ line, message: `Duplicate position: x ${s.x}, y ${s.y} is also line ${samePosition}.` });
    else positions.set(pos, line);
    const label = labelKey(s);
    const sameLabel = labels.get(label);
    if (sameLabel !== undefined) errors.push({ line, message: `Duplicate label: ${layoutSeatName(s)} is also line ${sameLabel}.` });
    else labels.set(label, line);
    if (s.id) {
      const sameId = ids.get(s.id);
      if (sameId !== undefined) errors.push({ line, message: `The same seat appears twice (also line ${sameId}).` });
      else ids.set(s.id, line);
    }
  });
  return errors;
}

function seatProblems(s: LayoutSeat): string[] {
  const problems: string[] = [];
  if (!s.section.trim()) problems.push('The section is empty.');
  else if (s.section.length > 60) problems.push('The section name is longer than 60 characters.');
  if (!s.row.trim()) problems.push('The row label is empty.');
  else if (s.row.length > LAYOUT_LIMITS.label) problems.push(`The row label is longer than ${LAYOUT_LIMITS.label} characters.`);
  if (!Number.isInteger(s.number) || s.number < 1 || s.number > LAYOUT_LIMITS.seatNumber) {
    problems.push(`The seat number must be a whole number from 1 to ${LAYOUT_LIMITS.seatNumber}.`);
  }
  for (const [axis, v] of [['x', s.x], ['y', s.y]] as const) {
    if (!Number.isInteger(v) || v < 0 || v >= LAYOUT_LIMITS.gridSize) problems.push(`${axis} must be a whole number from 0 to ${LAYOUT_LIMITS.gridSize - 1}.`);
  }
  if (!isSeatKind(s.kind)) problems.push(`Unknown kind "${String(s.kind)}": use ${SEAT_KINDS.join(', ')}.`);
  return problems;
}

/** The figures a layout adds up to, for the editor's summary and the audit entry. */
export function summariseLayout(seats: readonly LayoutSeat[]): { seats: number; sellable: number; blocked: number; wheelchair: number; companion: number; sections: number } {
  return {
    seats: seats.length,
    sellable: seats.filter((s) => !s.blocked).length,
    blocked: seats.filter((s) => s.blocked).length,
    wheelchair: seats.filter((s) => s.kind === 'wheelchair').length,
    companion: seats.filter((s) => s.kind === 'companion').length,
    sections: new Set(seats.map((s) => s.section.toLowerCase())).size,
  };
}
