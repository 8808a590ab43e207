import type { JSX, KeyboardEvent } from 'react';
import { seatCheckboxLabel, type PickerSeat } from '@/components/booking/seat-picker-rules';

/*
 * Colours. Fills carry white 11 px numbers, so each is >= 4.5:1 against white
 * text (AA); borders are >= 3:1 against the white panel (non-text contrast).
 *   #15803d green 5.0:1, #1d4ed8 blue 6.7:1, #0f766e teal 5.5:1,
 *   #9f1239 accent 8.1:1, stone-700 #44403c 10:1 on stone-200.
 * Kind and state are also shown by shape (round wheelchair spaces, dashed
 * companion seats, a check mark and thick dark border when chosen, a cross
 * when taken) so nothing relies on colour alone.
 */
export const KIND_CLASSES: Record<PickerSeat['kind'], string> = {
  standard: 'rounded-md border-[#14532d] bg-[#15803d]',
  aisle: 'rounded-md border-[#14532d] bg-[#15803d]',
  wheelchair: 'rounded-full border-[#1e3a8a] bg-[#1d4ed8]',
  companion: 'rounded-md border-dashed border-[#0f766e] bg-white',
};
// Set on the seat's cell, not the input: the number and tick are sibling spans drawn over the box.
export const KIND_TEXT: Record<PickerSeat['kind'], string> = {
  standard: 'text-white',
  aisle: 'text-white',
  wheelchair: 'text-white',
  companion: 'text-[#0f766e]',
};
export const TAKEN_CLASSES = 'cursor-not-allowed border-stone-500 bg-stone-200 text-stone-700';
// CSS `:checked` rather than React state, so boxes ticked before hydration look chosen too.
const CHECKED_CLASSES = 'checked:border-[3px] checked:border-stone-950 checked:bg-accent';

function seatBoxClass(seat: PickerSeat): string {
  const shape = seat.kind === 'wheelchair' ? 'rounded-full' : 'rounded-md';
  const look = seat.available ? `cursor-pointer ${KIND_CLASSES[seat.kind]} ${CHECKED_CLASSES}` : `${shape} ${TAKEN_CLASSES}`;
  return `peer absolute inset-0 m-0 h-full w-full appearance-none border-2 ${look}`;
}

export function CheckMark(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-4 w-4">
      <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Cross(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-3.5 w-3.5">
      <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export interface SeatBoxProps {
  seat: PickerSeat;
  name: string;
  checked: boolean;
  hydrated: boolean;
  tabStop: boolean;
  inputRef: (el: HTMLInputElement | null) => void;
  onToggle: (seat: PickerSeat) => void;
  onFocus: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, seat: PickerSeat) => void;
}

/** One seat of the picker: a real checkbox, so the form posts the choice with or without JavaScript. */
export function SeatBox({ seat, name, checked, hydrated, tabStop, inputRef, onToggle, onFocus, onKeyDown }: SeatBoxProps): JSX.Element {
  // Native `disabled` inputs cannot take focus, so once the arrow keys work we
  // swap it for aria-disabled: taken seats stay reachable and are announced as
  // unavailable, and toggleSeat refuses them. Before hydration `disabled` keeps
  // them out of the posted form.
  const unavailable = !seat.available;
  const overlay = 'pointer-events-none relative text-[11px] font-semibold leading-none';
  return (
    <label className={`relative grid place-items-center ${seat.available ? KIND_TEXT[seat.kind] : 'text-stone-700'}`} style={{ gridColumn: seat.x + 2, gridRow: seat.y + 2 }}>
      <input
        ref={inputRef}
        type="checkbox"
        name={name}
        value={seat.id}
        aria-label={seatCheckboxLabel(seat)}
        className={seatBoxClass(seat)}
        checked={checked}
        disabled={unavailable && !hydrated}
        aria-disabled={unavailable && hydrated ? true : undefined}
        tabIndex={hydrated ? (tabStop ? 0 : -1) : undefined}
        onChange={() => onToggle(seat)}
        onFocus={() => onFocus(seat.id)}
        onKeyDown={(e) => onKeyDown(e, seat)}
      />
      {unavailable ? (
        <span className={overlay}>
          <Cross />
        </span>
      ) : (
        <>
          <span aria-hidden="true" className={`${overlay} peer-checked:hidden`}>
            {seat.number}
          </span>
          <span className={`${overlay} hidden text-white peer-checked:block`}>
            <CheckMark />
          </span>
        </>
      )}
    </label>
  );
}
