'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type JSX, type KeyboardEvent } from 'react';
import {
  inReadingOrder,
  initialFocusId,
  keyToDirection,
  neighbour,
  normaliseSelection,
  selectionSummary,
  toggleSeat,
  type PickerSeat,
} from '@/components/booking/seat-picker-rules';
import { SeatBox } from '@/components/booking/SeatBox';
import { SeatLegend } from '@/components/booking/SeatLegend';

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
            <SeatBox
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

      <SeatLegend />

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
