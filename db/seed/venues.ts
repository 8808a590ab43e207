/** The demo festival's venues, with generated seat maps for the reserved houses. */

import type { SeatKind, SeatPlace } from '@/lib/seats';

export type { SeatKind };

/** A seat as the seed lays it out; it gets its id when inserted. */
export type SeatSpec = SeatPlace;

export interface SeedVenue {
  slug: string;
  name: string;
  addressLine: string;
  city: string;
  postalCode: string;
  description: string;
  accessibilityInfo: string;
  stepFree: boolean;
  hearingLoop: boolean;
  seating: 'reserved' | 'general_admission';
  capacity: number | null;
  seats: SeatSpec[];
}

interface RowPlan {
  row: string;
  section: string;
  /** Block widths left to right; an aisle separates blocks. */
  blocks: number[];
  /** Seat number → kind, for the wheelchair spaces and their companion seats. */
  special?: Record<number, SeatKind>;
}

/** Lays rows out on a grid: seats numbered left to right, seats beside an aisle marked as aisle seats. */
export function layoutSeats(rows: RowPlan[]): SeatSpec[] {
  const out: SeatSpec[] = [];
  rows.forEach((plan, y) => {
    let x = 0;
    let number = 1;
    plan.blocks.forEach((width, blockIndex) => {
      for (let i = 0; i < width; i++) {
        const besideAisle = (i === 0 && blockIndex > 0) || (i === width - 1 && blockIndex < plan.blocks.length - 1);
        const kind = plan.special?.[number] ?? (besideAisle ? 'aisle' : 'standard');
        out.push({ section: plan.section, row: plan.row, number, kind, x, y });
        x += 1;
        number += 1;
      }
      x += 1; // the aisle
    });
  });
  return out;
}

const lumenRows: RowPlan[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M'].map((row): RowPlan => ({
  row,
  section: ['J', 'K', 'L', 'M'].includes(row) ? 'Rear stalls' : 'Stalls',
  blocks: [4, 8, 4],
  special:
    row === 'G'
      ? { 5: 'companion', 6: 'wheelchair', 7: 'wheelchair', 8: 'companion', 9: 'companion', 10: 'wheelchair', 11: 'wheelchair', 12: 'companion' }
      : row === 'M'
        ? { 1: 'wheelchair', 2: 'companion', 15: 'companion', 16: 'wheelchair' }
        : undefined,
}));

const studioRows: RowPlan[] = ['A', 'B', 'C', 'D', 'E', 'F'].map((row): RowPlan => ({
  row,
  section: 'Studio',
  blocks: [6, 6],
  special: row === 'F' ? { 1: 'wheelchair', 2: 'companion', 11: 'companion', 12: 'wheelchair' } : undefined,
}));

export const SEED_VENUES: SeedVenue[] = [
  {
    slug: 'lumen-cinema',
    name: 'Lumen Cinema',
    addressLine: '1181 Seymour Street',
    city: 'Vancouver, BC',
    postalCode: 'V6B 3N3',
    description: 'The festival hub: a restored 1940s picture house with a 35mm and DCP booth and raked stadium seating.',
    accessibilityInfo:
      'Level entrance from Seymour Street and an elevator to the auditorium. Six wheelchair spaces (row G centre and row M ends), each beside a companion seat. Hearing loop throughout; closed-caption and audio-description devices at the box office. All-gender accessible washroom on the main floor.',
    stepFree: true,
    hearingLoop: true,
    seating: 'reserved',
    capacity: null,
    seats: layoutSeats(lumenRows),
  },
  {
    slug: 'harbour-hall',
    name: 'Harbour Hall',
    addressLine: '200 Burrard Street',
    city: 'Vancouver, BC',
    postalCode: 'V6C 3L6',
    description: 'A waterfront concert hall that hosts the galas and the music-and-film evenings. Unreserved seating.',
    accessibilityInfo:
      'Step-free entrance on the harbour side and wheelchair seating on the main floor, first come first served; ushers can hold a place on request. Hearing loop in the main hall. Accessible washrooms on every level.',
    stepFree: true,
    hearingLoop: true,
    seating: 'general_admission',
    capacity: 350,
    seats: [],
  },
  {
    slug: 'studio-theatre',
    name: 'Studio Theatre',
    addressLine: '555 Hamilton Street, Level 2',
    city: 'Vancouver, BC',
    postalCode: 'V6B 2R1',
    description: 'An intimate 72-seat screening room in the festival centre, used for retrospectives and talks.',
    accessibilityInfo:
      'Elevator from the Hamilton Street lobby. Two wheelchair spaces in row F, each with a companion seat. Infrared assistive listening headsets available at the door.',
    stepFree: true,
    hearingLoop: false,
    seating: 'reserved',
    capacity: null,
    seats: layoutSeats(studioRows),
  },
  {
    slug: 'fir-street-annex',
    name: 'Fir Street Annex',
    addressLine: '1612 West 4th Avenue (entrance on Fir Street)',
    city: 'Vancouver, BC',
    postalCode: 'V6J 1L9',
    description: 'A community hall turned pop-up cinema for the festival. Unreserved seating on cushioned benches and chairs.',
    accessibilityInfo:
      'Three steps at the main door; a portable ramp and a side entrance are available: ask a volunteer. Chair seating with armrests in the front two rows. No hearing loop.',
    stepFree: false,
    hearingLoop: false,
    seating: 'general_admission',
    capacity: 90,
    seats: [],
  },
];
