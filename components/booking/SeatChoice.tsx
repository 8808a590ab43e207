'use client';

import { SeatPicker, type PickerSeat } from './SeatPicker';

export type SeatMode = 'best' | 'map';

/**
 * How a reserved house's seats are chosen, shared by the purchase and the access claims: the best block, or seats
 * ticked on the map (wheelchair spaces and companion seats are only there). Posts `mode` and, from the picker, the
 * ticked seats; without a seat map (general admission) it posts `mode=best`. The server checks everything again.
 */
export function SeatChoice({
  seats,
  mode,
  onModeChange,
  wanted,
  chosen,
  onChosenChange,
}: {
  seats: PickerSeat[] | null;
  mode: SeatMode;
  onModeChange: (mode: SeatMode) => void;
  /** How many seats the tickets need. */
  wanted: number;
  chosen: string[];
  onChosenChange: (ids: string[]) => void;
}) {
  if (!seats) return <input type="hidden" name="mode" value="best" />;
  return (
    // min-w-0: a fieldset is otherwise at least as wide as its content, and the house would widen the page on a phone
    // instead of scrolling inside the seat picker's own box.
    <fieldset className="min-w-0 rounded-lg border border-stone-300 bg-white p-4">
      <legend className="px-1 font-serif text-xl font-bold">Seats</legend>
      <div className="flex flex-wrap gap-4">
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="mode" value="best" checked={mode === 'best'} onChange={() => onModeChange('best')} className="h-5 w-5" />
          Best available (we choose seats together, near the centre)
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="mode" value="map" checked={mode === 'map'} onChange={() => onModeChange('map')} className="h-5 w-5" />
          Choose on the seat map (wheelchair spaces and companion seats are here)
        </label>
      </div>
      {mode === 'map' ? (
        <div className="mt-4">
          <SeatPicker seats={seats} max={Math.max(wanted, 1)} onChange={onChosenChange} />
          {chosen.length !== wanted ? (
            <p className="mt-2 text-sm" role="status">
              Choose {wanted} seat{wanted === 1 ? '' : 's'} to match your tickets ({chosen.length} chosen).
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
