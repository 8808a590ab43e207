/**
 * Pure seat-selection rules for the booking seat picker, free of React and
 * the DOM so they can be unit-tested. They guide the buyer only: before
 * hydration the picker is plain checkboxes, so the server re-checks the
 * posted seats itself (holdSeats in domain/booking/holds.ts), with the same
 * companion-seat rule from lib/seats.ts.
 */

import { breaksCompanionRule, seatLabel, type Seat, type SeatKind } from '@/lib/seats';

export type { SeatKind };

export interface PickerSeat extends Seat {
  available: boolean;
}

export interface ToggleResult {
  selected: string[];
  message: string | null;
}

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'first' | 'last';

type GridSeat = Pick<PickerSeat, 'id' | 'x' | 'y'>;

/** Short form used in messages and the live summary: "Row F seat 7". */
export function seatShortName(seat: Pick<PickerSeat, 'row' | 'number'>): string {
  return `Row ${seat.row} seat ${seat.number}`;
}

/** Accessible name for a seat's checkbox: "Row G, seat 6, wheelchair space, taken". */
export function seatCheckboxLabel(seat: PickerSeat): string {
  return `${seatLabel(seat)}${seat.available ? '' : ', taken'}`;
}

/** Front-to-back, left-to-right: the order a sighted person reads the map and the order Tab follows. */
export function compareReadingOrder(a: GridSeat, b: GridSeat): number {
  return a.y - b.y || a.x - b.x;
}

export function inReadingOrder<T extends GridSeat>(seats: readonly T[]): T[] {
  return [...seats].sort(compareReadingOrder);
}

function byId(seats: readonly PickerSeat[]): Map<string, PickerSeat> {
  return new Map(seats.map((s) => [s.id, s]));
}

/** Ids in reading order so `onChange` and the summary never depend on click order. */
function sortIds(ids: readonly string[], seats: readonly PickerSeat[]): string[] {
  const wanted = new Set(ids);
  return inReadingOrder(seats)
    .filter((s) => wanted.has(s.id))
    .map((s) => s.id);
}

/** Whether these seats together break the companion-seat rule (lib/seats.ts). */
function breaksRule(ids: readonly string[], index: Map<string, PickerSeat>): boolean {
  return breaksCompanionRule(ids.flatMap((id) => index.get(id)?.kind ?? []));
}

function names(ids: readonly string[], index: Map<string, PickerSeat>): string {
  return ids
    .map((id) => index.get(id))
    .filter((s): s is PickerSeat => s !== undefined)
    .map(seatShortName)
    .join(', ');
}

function wasWere(count: number): string {
  return count === 1 ? 'was' : 'were';
}

function deselect(selected: readonly string[], seat: PickerSeat, seats: readonly PickerSeat[]): ToggleResult {
  const index = byId(seats);
  const remaining = selected.filter((id) => id !== seat.id);
  // A companion seat is only sold alongside a wheelchair space, so losing the
  // last wheelchair space must take the companions with it rather than leave
  // a selection the box office would refuse.
  if (seat.kind !== 'wheelchair' || !breaksRule(remaining, index)) {
    return { selected: sortIds(remaining, seats), message: null };
  }
  const companions = remaining.filter((id) => index.get(id)?.kind === 'companion');
  if (companions.length === 0) return { selected: sortIds(remaining, seats), message: null };
  const kept = remaining.filter((id) => !companions.includes(id));
  return {
    selected: sortIds(kept, seats),
    message: `Companion seats go with a wheelchair space, so ${names(companions, index)} ${wasWere(companions.length)} removed too.`,
  };
}

function select(selected: readonly string[], seat: PickerSeat, seats: readonly PickerSeat[], max: number): ToggleResult {
  const unchanged = [...selected];
  if (!seat.available) return { selected: unchanged, message: `${seatShortName(seat)} is taken.` };
  if (selected.length >= max) {
    return {
      selected: unchanged,
      message: `You can choose up to ${max} ${max === 1 ? 'seat' : 'seats'}. Remove one before adding ${seatShortName(seat)}.`,
    };
  }
  if (seat.kind === 'companion' && breaksRule([...selected, seat.id], byId(seats))) {
    return {
      selected: unchanged,
      message: `${seatShortName(seat)} is a companion seat for someone booking with a wheelchair user. Choose a wheelchair space first.`,
    };
  }
  return { selected: sortIds([...selected, seat.id], seats), message: null };
}

/**
 * Applies one click, tap or Space press on `seat`. Returns the new selection
 * (in reading order) and, when the request was refused or had a side effect,
 * a sentence explaining why.
 */
export function toggleSeat(selected: readonly string[], seat: PickerSeat, seats: readonly PickerSeat[], max: number): ToggleResult {
  return selected.includes(seat.id) ? deselect(selected, seat, seats) : select(selected, seat, seats, max);
}

/**
 * Makes an arbitrary list of ids (a `defaultSelected` prop, or boxes ticked
 * before hydration) obey the rules: unknown, duplicate and taken seats go,
 * the list is capped at `max`, and companions without a wheelchair space go.
 * The message says what was left out and why.
 */
export function normaliseSelection(ids: readonly string[], seats: readonly PickerSeat[], max: number): ToggleResult {
  const index = byId(seats);
  const known = sortIds(ids, seats);
  const taken = known.filter((id) => index.get(id)?.available !== true);
  const usable = known.filter((id) => !taken.includes(id));
  const capped = usable.slice(0, Math.max(0, max));
  const overMax = usable.slice(capped.length);
  const lonelyCompanions = breaksRule(capped, index) ? capped.filter((id) => index.get(id)?.kind === 'companion') : [];
  const reasons = [
    taken.length > 0 ? `${names(taken, index)} ${taken.length === 1 ? 'is' : 'are'} no longer available.` : null,
    overMax.length > 0 ? `You can choose up to ${max}, so ${names(overMax, index)} ${wasWere(overMax.length)} left out.` : null,
    lonelyCompanions.length > 0
      ? `Companion seats go with a wheelchair space, so ${names(lonelyCompanions, index)} ${wasWere(lonelyCompanions.length)} left out.`
      : null,
  ].filter((r): r is string => r !== null);
  return {
    selected: capped.filter((id) => !lonelyCompanions.includes(id)),
    message: reasons.length > 0 ? reasons.join(' ') : null,
  };
}

/** What the polite live region says: "2 of 4 seats chosen: Row F seat 7, Row F seat 8". */
export function selectionSummary(selected: readonly string[], seats: readonly PickerSeat[], max: number): string {
  const head = `${selected.length} of ${max} ${max === 1 ? 'seat' : 'seats'} chosen`;
  return selected.length === 0 ? `${head}.` : `${head}: ${names(sortIds(selected, seats), byId(seats))}`;
}

/**
 * The single seat in the Tab order for the roving tabindex: the first chosen
 * seat, else the first free one, else the first seat at all (so a sold-out
 * map can still be explored by keyboard).
 */
export function initialFocusId(seats: readonly PickerSeat[], selected: readonly string[]): string | null {
  const ordered = inReadingOrder(seats);
  const chosen = ordered.find((s) => selected.includes(s.id));
  return (chosen ?? ordered.find((s) => s.available) ?? ordered[0])?.id ?? null;
}

function closestInRow<T extends GridSeat>(row: readonly T[], x: number): T | undefined {
  // Nearest column wins; on a tie the left-hand seat, so the result is stable.
  return [...row].sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x) || a.x - b.x)[0];
}

function verticalNeighbour(seats: readonly GridSeat[], from: GridSeat, step: -1 | 1): GridSeat | undefined {
  const ahead = seats.filter((s) => (s.y - from.y) * step > 0);
  if (ahead.length === 0) return undefined;
  // Skip empty grid rows (cross-aisles): go to the next row that has seats.
  const targetY = step < 0 ? Math.max(...ahead.map((s) => s.y)) : Math.min(...ahead.map((s) => s.y));
  return closestInRow(
    ahead.filter((s) => s.y === targetY),
    from.x,
  );
}

function horizontalNeighbour(row: readonly GridSeat[], from: GridSeat, step: -1 | 1): GridSeat | undefined {
  // Skip aisles and gaps: nearest seat in the same grid row, in that direction.
  const ahead = row.filter((s) => (s.x - from.x) * step > 0);
  return ahead.sort((a, b) => (a.x - b.x) * step)[0];
}

/**
 * Where an arrow, Home or End key moves focus from `fromId`, by grid position.
 * Taken seats are included so screen-reader users hear they are taken.
 * Returns null at the edge of the map (focus stays put, no wrapping) or when
 * `fromId` is unknown.
 */
export function neighbour(seats: readonly GridSeat[], fromId: string, direction: Direction): string | null {
  const from = seats.find((s) => s.id === fromId);
  if (!from) return null;
  const row = seats.filter((s) => s.y === from.y);
  const ordered = inReadingOrder(seats);
  const byX = inReadingOrder(row);
  const targets: Record<Direction, () => GridSeat | undefined> = {
    left: () => horizontalNeighbour(row, from, -1),
    right: () => horizontalNeighbour(row, from, 1),
    up: () => verticalNeighbour(seats, from, -1),
    down: () => verticalNeighbour(seats, from, 1),
    home: () => byX[0],
    end: () => byX[byX.length - 1],
    first: () => ordered[0],
    last: () => ordered[ordered.length - 1],
  };
  return targets[direction]()?.id ?? null;
}

/** Maps a keydown to a move; Ctrl+Home/End jump to the first/last seat of the whole map, as in an ARIA grid. */
export function keyToDirection(key: string, ctrlKey = false): Direction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Home':
      return ctrlKey ? 'first' : 'home';
    case 'End':
      return ctrlKey ? 'last' : 'end';
    default:
      return null;
  }
}
