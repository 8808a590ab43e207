import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SeatKind as SchemaSeatKind } from '@/db/schema/venues';
import { breaksCompanionRule, COMPANION_RULE_MESSAGE, seatLabel, type SeatKind } from '@/lib/seats';
import {
  initialFocusId,
  keyToDirection,
  neighbour,
  normaliseSelection,
  seatCheckboxLabel,
  selectionSummary,
  toggleSeat,
  type PickerSeat,
} from '@/components/booking/seat-picker-rules';

function seat(id: string, x: number, y: number, extra: Partial<PickerSeat> = {}): PickerSeat {
  const row = String.fromCharCode(65 + y);
  return { id, section: 'stalls', row, number: x + 1, kind: 'standard', x, y, available: true, ...extra };
}

/*
 * Row A (y 0): A1 A2 _ A4(aisle)           – gap at x 2
 * Row B (y 1): B1 B2(taken) B3 B4
 * (y 2 is a cross-aisle, no seats)
 * Row D (y 3): _ D2(wheelchair) D3(companion) D4(wheelchair) D5(companion)
 */
const SEATS: PickerSeat[] = [
  seat('A1', 0, 0),
  seat('A2', 1, 0),
  seat('A4', 3, 0, { kind: 'aisle' }),
  seat('B1', 0, 1),
  seat('B2', 1, 1, { available: false }),
  seat('B3', 2, 1),
  seat('B4', 3, 1),
  seat('D2', 1, 3, { kind: 'wheelchair' }),
  seat('D3', 2, 3, { kind: 'companion' }),
  seat('D4', 3, 3, { kind: 'wheelchair' }),
  seat('D5', 4, 3, { kind: 'companion' }),
];
const get = (id: string): PickerSeat => {
  const found = SEATS.find((s) => s.id === id);
  if (!found) throw new Error(`no seat ${id}`);
  return found;
};

describe('seat picker rules: toggleSeat', () => {
  it('adds and removes seats, keeping reading order', () => {
    const added = toggleSeat(['B1'], get('A2'), SEATS, 4);
    expect(added).toEqual({ selected: ['A2', 'B1'], message: null });
    expect(toggleSeat(added.selected, get('A2'), SEATS, 4)).toEqual({ selected: ['B1'], message: null });
  });

  it('refuses more than max seats, with a message, and changes nothing', () => {
    const result = toggleSeat(['A1', 'A2'], get('B1'), SEATS, 2);
    expect(result.selected).toEqual(['A1', 'A2']);
    expect(result.message).toMatch(/up to 2 seats/);
    // Deselecting is always allowed at the limit.
    expect(toggleSeat(['A1', 'A2'], get('A1'), SEATS, 2).selected).toEqual(['A2']);
  });

  it('refuses taken seats', () => {
    const result = toggleSeat([], get('B2'), SEATS, 4);
    expect(result.selected).toEqual([]);
    expect(result.message).toBe('Row B seat 2 is taken.');
  });

  it('allows a companion seat only alongside a wheelchair space', () => {
    const refused = toggleSeat(['A1'], get('D3'), SEATS, 4);
    expect(refused.selected).toEqual(['A1']);
    expect(refused.message).toMatch(/wheelchair space first/);
    expect(toggleSeat(['D2'], get('D3'), SEATS, 4)).toEqual({ selected: ['D2', 'D3'], message: null });
  });

  it('drops companion seats when the last wheelchair space is deselected', () => {
    const result = toggleSeat(['A1', 'D2', 'D3', 'D5'], get('D2'), SEATS, 4);
    expect(result.selected).toEqual(['A1']);
    expect(result.message).toBe('Companion seats go with a wheelchair space, so Row D seat 3, Row D seat 5 were removed too.');
  });

  it('keeps companion seats while another wheelchair space remains', () => {
    expect(toggleSeat(['D2', 'D3', 'D4'], get('D2'), SEATS, 4)).toEqual({ selected: ['D3', 'D4'], message: null });
  });
});

describe('seat picker rules: whole selections', () => {
  it('normalises defaults and pre-hydration ticks', () => {
    expect(normaliseSelection(['B2', 'nope', 'A1', 'A1'], SEATS, 4)).toEqual({ selected: ['A1'], message: 'Row B seat 2 is no longer available.' });
    expect(normaliseSelection(['B1', 'A1', 'A2', 'A4'], SEATS, 3)).toEqual({
      selected: ['A1', 'A2', 'A4'],
      message: 'You can choose up to 3, so Row B seat 1 was left out.',
    });
    const companionOnly = normaliseSelection(['D3', 'A1'], SEATS, 4);
    expect(companionOnly.selected).toEqual(['A1']);
    expect(companionOnly.message).toBe('Companion seats go with a wheelchair space, so Row D seat 3 was left out.');
    expect(normaliseSelection(['A1'], SEATS, 4).message).toBeNull();
  });

  it('names seats for screen readers and the live summary', () => {
    expect(seatCheckboxLabel(get('D2'))).toBe('Row D, seat 2, wheelchair space');
    expect(seatCheckboxLabel(get('A4'))).toBe('Row A, seat 4, aisle seat');
    expect(seatCheckboxLabel(get('B2'))).toBe('Row B, seat 2, taken');
    expect(selectionSummary(['B1', 'A2'], SEATS, 4)).toBe('2 of 4 seats chosen: Row A seat 2, Row B seat 1');
    expect(selectionSummary([], SEATS, 1)).toBe('0 of 1 seat chosen.');
  });
});

describe('seat picker keyboard model', () => {
  it('puts the first chosen, else first free, seat in the tab order', () => {
    expect(initialFocusId(SEATS, ['D4', 'B3'])).toBe('B3');
    expect(initialFocusId(SEATS, [])).toBe('A1');
    const soldOut = SEATS.map((s) => ({ ...s, available: false }));
    expect(initialFocusId(soldOut, [])).toBe('A1');
    expect(initialFocusId([], [])).toBeNull();
  });

  it('moves left and right within a row, skipping gaps and stopping at the ends', () => {
    expect(neighbour(SEATS, 'A2', 'right')).toBe('A4');
    expect(neighbour(SEATS, 'A4', 'left')).toBe('A2');
    expect(neighbour(SEATS, 'A4', 'right')).toBeNull();
    expect(neighbour(SEATS, 'A1', 'left')).toBeNull();
  });

  it('includes taken seats so they can be heard', () => {
    expect(neighbour(SEATS, 'B1', 'right')).toBe('B2');
    expect(neighbour(SEATS, 'A2', 'down')).toBe('B2');
  });

  it('moves up and down to the nearest seat in the next row that has seats', () => {
    expect(neighbour(SEATS, 'B1', 'down')).toBe('D2'); // skips the empty cross-aisle, nearest column
    expect(neighbour(SEATS, 'D5', 'up')).toBe('B4');
    expect(neighbour(SEATS, 'B3', 'up')).toBe('A2'); // x 2 is a gap in row A: tie between x 1 and x 3 goes left
    expect(neighbour(SEATS, 'A1', 'up')).toBeNull();
    expect(neighbour(SEATS, 'D2', 'down')).toBeNull();
  });

  it('goes to the first and last seat of the row, or of the map with Ctrl', () => {
    expect(neighbour(SEATS, 'B3', 'home')).toBe('B1');
    expect(neighbour(SEATS, 'B1', 'end')).toBe('B4');
    expect(neighbour(SEATS, 'B3', 'first')).toBe('A1');
    expect(neighbour(SEATS, 'A1', 'last')).toBe('D5');
    expect(neighbour(SEATS, 'missing', 'left')).toBeNull();
  });

  it('maps keys to moves and leaves Space to the checkbox', () => {
    expect(keyToDirection('ArrowUp')).toBe('up');
    expect(keyToDirection('Home')).toBe('home');
    expect(keyToDirection('End', true)).toBe('last');
    expect(keyToDirection(' ')).toBeNull();
    expect(keyToDirection('Tab')).toBeNull();
  });
});

describe('seats shared by the picker and the server (lib/seats.ts)', () => {
  it('has the schema\'s seat kinds', () => {
    expectTypeOf<SeatKind>().toEqualTypeOf<SchemaSeatKind>();
  });

  it('sells a companion seat only together with a wheelchair space', () => {
    expect(breaksCompanionRule(['companion'])).toBe(true);
    expect(breaksCompanionRule(['standard', 'companion', 'companion'])).toBe(true);
    expect(breaksCompanionRule(['wheelchair', 'companion'])).toBe(false);
    expect(breaksCompanionRule(['wheelchair'])).toBe(false);
    expect(breaksCompanionRule(['standard', 'aisle'])).toBe(false);
    expect(breaksCompanionRule([])).toBe(false);
    expect(COMPANION_RULE_MESSAGE).toMatch(/companion seat .* wheelchair space/);
  });

  it('labels a seat the same way on tickets, the checkout page and the picker', () => {
    expect(seatLabel({ row: 'G', number: 6, kind: 'wheelchair' })).toBe('Row G, seat 6, wheelchair space');
    expect(seatLabel({ row: 'F', number: 7, kind: 'standard' })).toBe('Row F, seat 7');
    expect(seatLabel({ row: 'F', number: 8, kind: 'companion' })).toBe('Row F, seat 8, companion seat');
  });
});
