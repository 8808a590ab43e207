/**
 * A seat, its label and the companion-seat rule: pure, so the seat picker in
 * the browser and the hold command on the server (domain/booking/holds.ts)
 * run the same code. The kinds are the `seat_kind` enum's
 * (db/schema/venues.ts); tests/unit/seat-picker-rules.test.ts checks they agree.
 */

export type SeatKind = 'standard' | 'wheelchair' | 'companion' | 'aisle';

/** Where a seat is on its venue's map, as the seed lays it out. */
export interface SeatPlace {
  section: string;
  row: string;
  number: number;
  kind: SeatKind;
  /** Column on the seat grid (0 = leftmost as seen facing the screen). */
  x: number;
  /** Row on the seat grid (0 = nearest the screen). */
  y: number;
}

/** A seat of a venue, by id: the seat map adds its state, the picker whether it can be chosen. */
export interface Seat extends SeatPlace {
  id: string;
}

const KIND_SUFFIX: Record<SeatKind, string> = {
  standard: '',
  aisle: ', aisle seat',
  wheelchair: ', wheelchair space',
  companion: ', companion seat',
};

/** A seat as tickets, the checkout page and the picker name it: "Row G, seat 6, wheelchair space". */
export function seatLabel(seat: Pick<SeatPlace, 'row' | 'number' | 'kind'>): string {
  return `Row ${seat.row}, seat ${seat.number}${KIND_SUFFIX[seat.kind]}`;
}

/**
 * The companion-seat rule: a companion seat is sold only together with a
 * wheelchair space. True when a selection of these kinds breaks it.
 */
export function breaksCompanionRule(kinds: readonly SeatKind[]): boolean {
  return kinds.includes('companion') && !kinds.includes('wheelchair');
}

/** What the server says when a posted selection breaks the companion-seat rule. */
export const COMPANION_RULE_MESSAGE = 'A companion seat can only be booked together with a wheelchair space.';
