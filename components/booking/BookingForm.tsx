'use client';

import { useState } from 'react';
import { SeatChoice, type SeatMode } from './SeatChoice';
import type { PickerSeat } from './SeatPicker';

interface TicketTypeOption {
  code: string;
  name: string;
  description: string | null;
  price: string;
}

/**
 * Quantities, then (in a reserved house) best available or the seat map. A
 * plain form underneath: without JavaScript it still posts the quantities,
 * the mode and any ticked seats, and the server checks everything again.
 */
export function BookingForm({
  ticketTypes,
  seats,
  maxPerOrder,
  available,
  action,
}: {
  ticketTypes: TicketTypeOption[];
  seats: PickerSeat[] | null;
  maxPerOrder: number;
  available: number;
  action: (form: FormData) => Promise<void>;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [mode, setMode] = useState<SeatMode>('best');
  const [chosen, setChosen] = useState<string[]>([]);
  const total = Object.values(quantities).reduce((a, b) => a + b, 0);
  const limit = Math.min(maxPerOrder, available);
  const seatsMismatch = seats && mode === 'map' && chosen.length !== total;

  return (
    <form action={action} className="space-y-6">
      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">Tickets</legend>
        <p className="text-sm text-muted">Up to {limit} tickets per order. Prices include taxes and fees.</p>
        <div className="mt-3 space-y-3">
          {ticketTypes.map((t) => (
            <div key={t.code} className="flex items-center justify-between gap-4">
              <label htmlFor={`qty_${t.code}`} className="min-w-0">
                <span className="font-semibold">{t.name}</span> <span className="text-sm">{t.price}</span>
                {t.description ? <span className="block text-xs text-muted">{t.description}</span> : null}
              </label>
              <select
                id={`qty_${t.code}`}
                name={`qty_${t.code}`}
                value={quantities[t.code] ?? 0}
                onChange={(e) => setQuantities({ ...quantities, [t.code]: Number(e.target.value) })}
                className="min-h-11 rounded-md border border-stone-500 bg-white px-3"
              >
                {Array.from({ length: limit + 1 }, (_, n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <p className="mt-3 font-semibold" aria-live="polite">
          {total} ticket{total === 1 ? '' : 's'} selected{total > limit ? ` — at most ${limit}` : ''}
        </p>
      </fieldset>

      <SeatChoice seats={seats} mode={mode} onModeChange={setMode} wanted={total} chosen={chosen} onChosenChange={setChosen} />

      <button
        type="submit"
        disabled={total === 0 || total > limit || Boolean(seatsMismatch)}
        className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark disabled:cursor-not-allowed disabled:bg-stone-400 disabled:text-stone-900"
      >
        Hold {total > 0 ? `${total} ` : ''}ticket{total === 1 ? '' : 's'} and continue
      </button>
    </form>
  );
}
