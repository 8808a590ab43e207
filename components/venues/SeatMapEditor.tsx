'use client';

import { useActionState, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { PendingButton } from '@/components/ui/PendingButton';
import { LAYOUT_LIMITS, layoutSeatName, SEAT_KINDS, summariseLayout, validateLayout, type LayoutSeat } from '@/lib/seat-layout';
import type { SeatKind } from '@/lib/seats';
import type { SaveLayoutState } from '@/web/venues/forms';

/**
 * The seat map editor: a grid of positions (each a button, one tab stop, arrow keys move between them) and a panel that
 * edits the chosen position: add a seat there, or change its section, row, number, kind and whether it is blocked, or
 * remove it; whole rows too. Nothing is saved until "Save seat map", which sends the whole layout to one command; the
 * server checks it again and refuses, naming them, seats that are sold or held.
 */

type EditorSeat = LayoutSeat & { key: string };

const KIND_LABEL: Record<SeatKind, string> = { standard: 'Standard', wheelchair: 'Wheelchair space', companion: 'Companion seat', aisle: 'Aisle seat' };
const KIND_CELL: Record<SeatKind, string> = {
  standard: 'rounded-md border-[#14532d] bg-[#15803d] text-white',
  aisle: 'rounded-md border-[#14532d] bg-[#15803d] text-white',
  wheelchair: 'rounded-full border-[#1e3a8a] bg-[#1d4ed8] text-white',
  companion: 'rounded-md border-dashed border-[#0f766e] bg-white text-[#0f766e]',
};
const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-2 py-1.5';
const labelClass = 'block text-sm font-semibold';
const button = 'rounded-md border border-stone-500 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100';

function withoutKey(s: EditorSeat): LayoutSeat {
  return { id: s.id, section: s.section, row: s.row, number: s.number, x: s.x, y: s.y, kind: s.kind, blocked: s.blocked };
}

let counter = 0;
const newKey = () => `new-${++counter}`;

function cellName(seat: EditorSeat | undefined, x: number, y: number): string {
  if (!seat) return `Empty position, column ${x + 1}, line ${y + 1}`;
  const kind = seat.kind === 'standard' ? '' : `, ${KIND_LABEL[seat.kind].toLowerCase()}`;
  return `Row ${seat.row} seat ${seat.number}${kind}${seat.blocked ? ', blocked' : ''}`;
}

/** The next row label after the labels in use: A…Z, then AA, AB… */
function nextRowLabel(used: string[]): string {
  const set = new Set(used);
  for (let i = 0; i < 702; i++) {
    const label = i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
    if (!set.has(label)) return label;
  }
  return `R${used.length + 1}`;
}

export function SeatMapEditor({
  venueId,
  initial,
  action,
}: {
  venueId: string;
  initial: LayoutSeat[];
  action: (state: SaveLayoutState, form: FormData) => Promise<SaveLayoutState>;
}) {
  const [seats, setSeats] = useState<EditorSeat[]>(() => initial.map((s) => ({ ...s, key: s.id ?? newKey() })));
  // After a save the page sends the saved layout (new seats now have ids): start again from it.
  const [base, setBase] = useState(() => JSON.stringify(initial));
  if (base !== JSON.stringify(initial)) {
    setBase(JSON.stringify(initial));
    setSeats(initial.map((s) => ({ ...s, key: s.id ?? newKey() })));
  }
  const [cursor, setCursor] = useState<{ x: number; y: number }>(() => ({ x: initial[0]?.x ?? 0, y: initial[0]?.y ?? 0 }));
  const [rowLabelDraft, setRowLabelDraft] = useState('');
  const [state, formAction] = useActionState(action, { status: 'idle' } as SaveLayoutState);
  const cells = useRef(new Map<string, HTMLButtonElement | null>());

  const at = useMemo(() => new Map(seats.map((s) => [`${s.x},${s.y}`, s])), [seats]);
  const width = Math.min(LAYOUT_LIMITS.gridSize, Math.max(4, ...seats.map((s) => s.x + 2)));
  const depth = Math.min(LAYOUT_LIMITS.gridSize, Math.max(2, ...seats.map((s) => s.y + 2)));
  const selected = at.get(`${cursor.x},${cursor.y}`);
  const rowSeats = seats.filter((s) => s.y === cursor.y);
  const sections = [...new Set(seats.map((s) => s.section))];
  const problems = validateLayout(seats);
  const summary = summariseLayout(seats);
  const dirty = JSON.stringify(seats.map(withoutKey)) !== base;

  const focusCell = (x: number, y: number) => {
    setCursor({ x, y });
    setRowLabelDraft('');
    // After React has rendered the new tab stop.
    requestAnimationFrame(() => cells.current.get(`${x},${y}`)?.focus());
  };

  const onGridKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusCell(e.key === 'Home' ? 0 : width - 1, cursor.y);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const x = Math.min(width - 1, Math.max(0, cursor.x + move[0]));
    const y = Math.min(depth - 1, Math.max(0, cursor.y + move[1]));
    focusCell(x, y);
  };

  const update = (key: string, change: Partial<LayoutSeat>) => setSeats((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const addSeatHere = () => {
    if (selected) return;
    const sameRow = seats.filter((s) => s.y === cursor.y);
    const neighbour = sameRow[0] ?? [...seats].sort((a, b) => Math.abs(a.y - cursor.y) - Math.abs(b.y - cursor.y))[0];
    const row = sameRow[0]?.row ?? nextRowLabel(seats.map((s) => s.row));
    const number = Math.max(0, ...sameRow.map((s) => s.number)) + 1;
    setSeats((all) => [...all, { key: newKey(), section: neighbour?.section ?? 'Stalls', row, number, x: cursor.x, y: cursor.y, kind: 'standard', blocked: false }]);
  };

  const removeSelected = () => {
    if (!selected) return;
    setSeats((all) => all.filter((s) => s.key !== selected.key));
  };

  const renameRow = () => {
    const label = rowLabelDraft.trim();
    if (!label) return;
    setSeats((all) => all.map((s) => (s.y === cursor.y ? { ...s, row: label } : s)));
    setRowLabelDraft('');
  };

  const renumberRow = () => {
    const order = [...rowSeats].sort((a, b) => a.x - b.x).map((s) => s.key);
    setSeats((all) => all.map((s) => (s.y === cursor.y ? { ...s, number: order.indexOf(s.key) + 1 } : s)));
  };

  const fillRow = () => {
    const row = rowSeats[0]?.row ?? nextRowLabel(seats.map((s) => s.row));
    const section = rowSeats[0]?.section ?? sections[0] ?? 'Stalls';
    const last = Math.max(width - 2, 0);
    const added: EditorSeat[] = [];
    let number = Math.max(0, ...rowSeats.map((s) => s.number));
    for (let x = 0; x <= last; x++) {
      if (!at.has(`${x},${cursor.y}`)) added.push({ key: newKey(), section, row, number: ++number, x, y: cursor.y, kind: 'standard', blocked: false });
    }
    setSeats((all) => [...all, ...added]);
  };

  const removeRow = () => setSeats((all) => all.filter((s) => s.y !== cursor.y));

  /** A copy of this row's positions on a new line behind it; the lines behind move back one. */
  const addRowBehind = () => {
    const label = nextRowLabel(seats.map((s) => s.row));
    const copies: EditorSeat[] = rowSeats.map((s, i) => ({ key: newKey(), section: s.section, row: label, number: i + 1, x: s.x, y: cursor.y + 1, kind: 'standard', blocked: false }));
    setSeats((all) => [...all.map((s) => (s.y > cursor.y ? { ...s, y: s.y + 1 } : s)), ...copies]);
  };

  const setRowSection = (section: string) => setSeats((all) => all.map((s) => (s.y === cursor.y ? { ...s, section } : s)));

  const grid = [];
  for (let y = 0; y < depth; y++) {
    for (let x = 0; x < width; x++) {
      const seat = at.get(`${x},${y}`);
      const isCursor = cursor.x === x && cursor.y === y;
      grid.push(
        <button
          key={`${x},${y}`}
          ref={(el) => {
            cells.current.set(`${x},${y}`, el);
          }}
          type="button"
          tabIndex={isCursor ? 0 : -1}
          aria-label={cellName(seat, x, y)}
          aria-pressed={isCursor}
          onClick={() => focusCell(x, y)}
          onKeyDown={onGridKey}
          style={{ gridColumn: x + 1, gridRow: y + 1 }}
          className={`relative grid h-8 w-8 place-items-center border-2 text-[11px] font-semibold leading-none focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-stone-950 ${
            seat ? (seat.blocked ? 'rounded-md border-stone-500 bg-stone-200 text-stone-800' : KIND_CELL[seat.kind]) : 'rounded-md border-dotted border-stone-400 bg-white text-stone-500'
          } ${isCursor ? 'ring-4 ring-amber-500' : ''}`}
        >
          <span aria-hidden="true">{seat ? (seat.blocked ? '×' : seat.number) : '+'}</span>
        </button>,
      );
    }
  }

  const layoutJson = JSON.stringify(seats.map(withoutKey));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-labelledby="seat-grid-title">
        <h2 id="seat-grid-title" className="font-serif text-xl font-bold">
          Layout
        </h2>
        <p id="seat-grid-help" className="mt-1 text-sm text-muted">
          The screen is at the top. Choose a position with the arrow keys or a click; the panel edits it. Empty positions show +, blocked seats ×.
        </p>
        <p className="mt-1 text-sm" aria-live="polite">
          {summary.seats} seats: {summary.sellable} on sale, {summary.blocked} blocked, {summary.wheelchair} wheelchair, {summary.companion} companion
          {dirty ? ' (not saved yet)' : ''}.
        </p>
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-300 bg-white p-3">
          <p className="mb-2 rounded bg-stone-800 py-1 text-center text-xs font-semibold uppercase tracking-wide text-white">Screen</p>
          <div role="group" aria-label="Seat positions" aria-describedby="seat-grid-help" className="grid w-max gap-1" style={{ gridTemplateColumns: `repeat(${width}, 2rem)` }}>
            {grid}
          </div>
        </div>
      </section>

      <section aria-labelledby="seat-panel-title" className="rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="seat-panel-title" className="font-serif text-xl font-bold">
          {selected ? `Row ${selected.row} seat ${selected.number}` : `Empty position`}
        </h2>
        <p className="text-sm text-muted">
          Column {cursor.x + 1}, line {cursor.y + 1}
        </p>
        {selected ? (
          <div className="mt-3 grid gap-3">
            <div>
              <label htmlFor="seat-section" className={labelClass}>
                Section
              </label>
              <input id="seat-section" list="seat-sections" value={selected.section} maxLength={60} onChange={(e) => update(selected.key, { section: e.target.value })} className={field} />
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div>
                <label htmlFor="seat-row" className={labelClass}>
                  Row
                </label>
                <input id="seat-row" value={selected.row} maxLength={LAYOUT_LIMITS.label} onChange={(e) => update(selected.key, { row: e.target.value })} className={field} />
              </div>
              <div>
                <label htmlFor="seat-number" className={labelClass}>
                  Seat number
                </label>
                <input
                  id="seat-number"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={LAYOUT_LIMITS.seatNumber}
                  value={Number.isFinite(selected.number) ? selected.number : ''}
                  onChange={(e) => update(selected.key, { number: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
                  className={field}
                />
              </div>
            </div>
            <div>
              <label htmlFor="seat-kind" className={labelClass}>
                Kind
              </label>
              <select id="seat-kind" value={selected.kind} onChange={(e) => update(selected.key, { kind: e.target.value as SeatKind })} className={field}>
                {SEAT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={selected.blocked} onChange={(e) => update(selected.key, { blocked: e.target.checked })} className="h-5 w-5" />
              Blocked (never sold)
            </label>
            <button type="button" onClick={removeSelected} className={button}>
              Remove this seat
            </button>
          </div>
        ) : (
          <div className="mt-3">
            <button type="button" onClick={addSeatHere} className={button}>
              Add a seat here
            </button>
          </div>
        )}

        <h3 className="mt-6 font-semibold">This line{rowSeats[0] ? ` (row ${rowSeats[0].row}, ${rowSeats.length} seats)` : ''}</h3>
        <div className="mt-2 grid gap-2">
          {rowSeats.length > 0 ? (
            <>
              <div className="flex items-end gap-2">
                <div className="grow">
                  <label htmlFor="row-label" className={labelClass}>
                    Rename the row
                  </label>
                  <input id="row-label" value={rowLabelDraft} maxLength={LAYOUT_LIMITS.label} onChange={(e) => setRowLabelDraft(e.target.value)} className={field} />
                </div>
                <button type="button" onClick={renameRow} className={button}>
                  Rename
                </button>
              </div>
              <div>
                <label htmlFor="row-section" className={labelClass}>
                  Section of the whole row
                </label>
                <input id="row-section" list="seat-sections" value={rowSeats[0]?.section ?? ''} maxLength={60} onChange={(e) => setRowSection(e.target.value)} className={field} />
              </div>
              <button type="button" onClick={renumberRow} className={button}>
                Number the row left to right
              </button>
              <button type="button" onClick={removeRow} className={button}>
                Remove the row
              </button>
            </>
          ) : null}
          <button type="button" onClick={fillRow} className={button}>
            Fill this line with seats
          </button>
          <button type="button" onClick={addRowBehind} className={button} disabled={rowSeats.length === 0}>
            Add a row behind this one
          </button>
        </div>
        <datalist id="seat-sections">
          {sections.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </section>

      <form action={formAction} className="lg:col-span-2">
        <input type="hidden" name="venueId" value={venueId} />
        <input type="hidden" name="layout" value={layoutJson} />
        {problems.length > 0 ? (
          <div role="alert" className="mb-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-sm">
            <p className="font-semibold">Fix these before saving</p>
            <ul className="mt-1 list-disc pl-5">
              {problems.slice(0, 10).map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {state.status === 'saved' ? (
          <div role="status" className="mb-3 rounded-md border-l-4 border-sky-600 bg-sky-50 p-4">
            <p className="font-semibold">Saved</p>
            <p className="mt-1 text-sm">{state.message}</p>
          </div>
        ) : null}
        {state.status === 'refused' ? (
          <div role="alert" className="mb-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
            <p className="font-semibold">Nothing was saved</p>
            <p className="mt-1 text-sm">{state.message}</p>
            {state.errors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {state.errors.slice(0, 10).map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <p className="mb-3 text-sm text-muted">
          Upcoming screenings at this venue follow the saved map. Seats that are sold or held cannot be removed or blocked.
          {selected ? ` Chosen: ${layoutSeatName(selected)}.` : ''}
        </p>
        {problems.length > 0 ? (
          <button type="button" disabled aria-disabled="true" className="cursor-not-allowed rounded-md bg-stone-400 px-4 py-2 font-semibold text-white">
            Save seat map
          </button>
        ) : (
          <PendingButton className="rounded-md bg-accent px-4 py-2 font-semibold text-white">Save seat map</PendingButton>
        )}
      </form>
    </div>
  );
}
