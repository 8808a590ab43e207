'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type JSX, type KeyboardEvent } from 'react';
import {
  inReadingOrder,
  initialFocusId,
  keyToDirection,
  neighbour,
  normaliseSelection,
  seatLabel,
  selectionSummary,
  toggleSeat,
  type PickerSeat,
} from '@/components/booking/seat-picker-rules';

export type { PickerSeat } from '@/components/booking/seat-picker-rules';

export interface SeatPickerProps {
  seats: PickerSeat[];
  /** Most seats one booking may hold. */
  max: number;
  /** Form field name; the form posts one `name=<seat id>` pair per chosen seat. */
  name?: string;
  defaultSelected?: string[];
  /** Called with the chosen ids (reading order) whenever the selection changes. */
  onChange?: (ids: string[]) => void;
}

// Grid geometry in rem: 1.75rem = 28 CSS px seats, above the 24 px minimum target (WCAG 2.5.8).
const SEAT_REM = 1.75;
const GAP_REM = 0.375;
const ROW_LABEL_REM = 2;

/*
 * Colours. Fills carry white 11 px numbers, so each is >= 4.5:1 against white
 * text (AA); borders are >= 3:1 against the white panel (non-text contrast).
 *   #15803d green 5.0:1, #1d4ed8 blue 6.7:1, #0f766e teal 5.5:1,
 *   #9f1239 accent 8.1:1, stone-700 #44403c 10:1 on stone-200.
 * Kind and state are also shown by shape (round wheelchair spaces, dashed
 * companion seats, a check mark and thick dark border when chosen, a cross
 * when taken) so nothing relies on colour alone.
 */
const KIND_CLASSES: Record<PickerSeat['kind'], string> = {
  standard: 'rounded-md border-[#14532d] bg-[#15803d]',
  aisle: 'rounded-md border-[#14532d] bg-[#15803d]',
  wheelchair: 'rounded-full border-[#1e3a8a] bg-[#1d4ed8]',
  companion: 'rounded-md border-dashed border-[#0f766e] bg-white',
};
// Set on the seat's cell, not the input: the number and tick are sibling spans drawn over the box.
const KIND_TEXT: Record<PickerSeat['kind'], string> = {
  standard: 'text-white',
  aisle: 'text-white',
  wheelchair: 'text-white',
  companion: 'text-[#0f766e]',
};
const TAKEN_CLASSES = 'cursor-not-allowed border-stone-500 bg-stone-200 text-stone-700';
// CSS `:checked` rather than React state, so boxes ticked before hydration look chosen too.
const CHECKED_CLASSES = 'checked:border-[3px] checked:border-stone-950 checked:bg-accent';

function seatBoxClass(seat: PickerSeat): string {
  const shape = seat.kind === 'wheelchair' ? 'rounded-full' : 'rounded-md';
  const look = seat.available ? `cursor-pointer ${KIND_CLASSES[seat.kind]} ${CHECKED_CLASSES}` : `${shape} ${TAKEN_CLASSES}`;
  return `peer absolute inset-0 m-0 h-full w-full appearance-none border-2 ${look}`;
}

const subscribeNothing = (): (() => void) => () => {};

/**
 * False during server rendering and hydration, true afterwards: the server
 * snapshot is used while hydrating, then React re-renders with the client one.
 * Keyboard enhancements switch on only then, so the no-JS markup stays plain.
 */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

function rowLabels(seats: readonly PickerSeat[]): { y: number; row: string }[] {
  const seen = new Map<number, string>();
  for (const s of inReadingOrder(seats)) if (!seen.has(s.y)) seen.set(s.y, s.row);
  return [...seen].map(([y, row]) => ({ y, row }));
}

function gridStyle(seats: readonly PickerSeat[]): CSSProperties {
  const columns = seats.length === 0 ? 1 : Math.max(...seats.map((s) => s.x)) + 1;
  return {
    gridTemplateColumns: `${ROW_LABEL_REM}rem repeat(${columns}, ${SEAT_REM}rem)`,
    gridAutoRows: `${SEAT_REM}rem`,
    gap: `${GAP_REM}rem`,
  };
}

function CheckMark(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-4 w-4">
      <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function Cross(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="h-3.5 w-3.5">
      <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

interface SeatProps {
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

function Seat({ seat, name, checked, hydrated, tabStop, inputRef, onToggle, onFocus, onKeyDown }: SeatProps): JSX.Element {
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
        aria-label={seatLabel(seat)}
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

function Swatch({ className, children }: { className: string; children?: JSX.Element }): JSX.Element {
  return (
    <span aria-hidden="true" className={`inline-grid h-5 w-5 shrink-0 place-items-center border-2 text-[10px] font-semibold ${className}`}>
      {children}
    </span>
  );
}

/** Visible key: every entry pairs colour with a shape and words. */
function Legend(): JSX.Element {
  const item = 'flex items-center gap-2';
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
      <li className={item}>
        <Swatch className={`${KIND_CLASSES.standard} ${KIND_TEXT.standard}`}>
          <span>7</span>
        </Swatch>
        Free seat (square, numbered)
      </li>
      <li className={item}>
        <Swatch className={KIND_CLASSES.wheelchair} />
        Wheelchair space (round)
      </li>
      <li className={item}>
        <Swatch className={KIND_CLASSES.companion} />
        Companion seat (dashed edge), with a wheelchair space
      </li>
      <li className={item}>
        <Swatch className="rounded-md border-[3px] border-stone-950 bg-accent text-white">
          <CheckMark />
        </Swatch>
        Your choice (tick, thick border)
      </li>
      <li className={item}>
        <Swatch className={`rounded-md ${TAKEN_CLASSES}`}>
          <Cross />
        </Swatch>
        Taken (cross)
      </li>
    </ul>
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Seat chooser for the booking form. Each seat is a real checkbox named
 * `name`, so the surrounding server-rendered form posts the choice with or
 * without JavaScript; once hydrated it adds the booking rules, a roving
 * tabindex with arrow-key movement, and a live summary.
 */
export function SeatPicker({ seats, max, name = 'seats', defaultSelected = [], onChange }: SeatPickerProps): JSX.Element {
  const [selected, setSelected] = useState<string[]>(() => normaliseSelection(defaultSelected, seats, max).selected);
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const hydrated = useHydrated();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const ordered = inReadingOrder(seats);
  const labels = rowLabels(seats);

  function show(text: string | null): void {
    // A fresh key re-inserts the text node so a repeated message is announced again.
    setMessage((prev) => (text === null ? null : { text, key: (prev?.key ?? 0) + 1 }));
  }

  function commit(next: string[], text: string | null): void {
    if (!sameIds(next, selected)) {
      setSelected(next);
      onChange?.(next);
    }
    show(text);
  }

  // Boxes ticked before hydration are live in the DOM but not in state; adopt
  // them once (through the rules) so the next render doesn't silently untick them.
  const adopted = useRef(false);
  useEffect(() => {
    if (adopted.current) return;
    adopted.current = true;
    const ticked = [...inputs.current].filter(([, el]) => el.checked).map(([id]) => id);
    if (sameIds(ticked, selected)) return;
    const { selected: next, message: text } = normaliseSelection(ticked, seats, max);
    if (!sameIds(next, selected)) {
      setSelected(next);
      onChange?.(next);
    }
    if (text) setMessage({ text, key: 1 });
  }, [seats, max, selected, onChange]);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>, seat: PickerSeat): void {
    const direction = keyToDirection(event.key, event.ctrlKey || event.metaKey);
    if (!direction) return; // Space, Tab etc. keep their native behaviour.
    event.preventDefault(); // Arrows would otherwise scroll the map or the page.
    const target = neighbour(seats, seat.id, direction);
    if (target) inputs.current.get(target)?.focus();
  }

  const tabStopId = focusedId !== null && seats.some((s) => s.id === focusedId) ? focusedId : initialFocusId(seats, selected);

  return (
    <fieldset className="min-w-0 max-w-full rounded-lg border border-stone-300 bg-white p-4">
      {/* min-w-0: a fieldset's default min-inline-size is min-content, which would push the page sideways. */}
      <legend className="px-1 font-serif text-lg font-semibold">Choose your seats</legend>
      <p className="text-sm text-muted">
        {/* The drawn screen is hidden from screen readers, so say which way the map faces. */}
        {labels[0] ? `Row ${labels[0].row} is nearest the screen. ` : null}
        Choose up to {max} {max === 1 ? 'seat' : 'seats'}. Companion seats can be booked only together with a wheelchair space.
        {hydrated ? ' With a keyboard, use the arrow keys to move between seats and Space to choose.' : null}
      </p>

      {/* Only the map scrolls sideways on narrow screens. No left padding, so the
          sticky row letters sit flush with the edge; scroll padding keeps a
          focused seat clear of them, and the right/vertical padding keeps the
          focus outline from being clipped. */}
      <div className="mt-3 max-w-full overflow-x-auto overscroll-x-contain py-2 [scroll-padding-left:2.75rem]">
        <div className="grid w-max pr-2" style={gridStyle(seats)}>
          <div aria-hidden="true" className="flex flex-col items-center gap-1" style={{ gridColumn: '2 / -1', gridRow: 1 }}>
            <span className="block h-2 w-full rounded-sm bg-stone-700" />
            <span className="text-xs font-semibold uppercase tracking-widest text-stone-700">Screen</span>
          </div>
          {labels.map(({ y, row }) => (
            <span
              key={y}
              aria-hidden="true"
              className="sticky left-0 z-20 grid place-items-center bg-white text-sm font-semibold text-stone-700"
              style={{ gridColumn: 1, gridRow: y + 2 }}
            >
              {row}
            </span>
          ))}
          {ordered.map((seat) => (
            <Seat
              key={seat.id}
              seat={seat}
              name={name}
              checked={selected.includes(seat.id)}
              hydrated={hydrated}
              tabStop={seat.id === tabStopId}
              inputRef={(el) => {
                if (el) inputs.current.set(seat.id, el);
                else inputs.current.delete(seat.id);
              }}
              onToggle={(s) => {
                const result = toggleSeat(selected, s, seats, max);
                commit(result.selected, result.message);
              }}
              onFocus={setFocusedId}
              onKeyDown={handleKeyDown}
            />
          ))}
        </div>
      </div>

      <Legend />

      <div className="mt-3 space-y-2 text-sm">
        <p role="status" className="font-semibold">
          {selectionSummary(selected, seats, max)}
        </p>
        <p role="status" className={message ? 'rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-ink' : 'sr-only'}>
          {message ? <span key={message.key}>{message.text}</span> : null}
        </p>
      </div>
    </fieldset>
  );
}
