'use client';

import { useState } from 'react';
import { SeatChoice, type SeatMode } from '@/components/booking/SeatChoice';
import type { PickerSeat } from '@/components/booking/SeatPicker';

/**
 * How many tickets, the one self-identification question, and (in a reserved house) best available or the seat
 * map. A plain form underneath: without JavaScript it still posts, and the server checks everything again.
 */
export function IndigenousClaimForm({ max, seats, action }: { max: number; seats: PickerSeat[] | null; action: (form: FormData) => Promise<void> }) {
  const [quantity, setQuantity] = useState(1);
  const [mode, setMode] = useState<SeatMode>('best');
  const [chosen, setChosen] = useState<string[]>([]);
  const seatsMismatch = seats !== null && mode === 'map' && chosen.length !== quantity;

  return (
    <form action={action} className="space-y-6">
      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">Your tickets</legend>
        <label htmlFor="quantity" className="block font-semibold">
          How many tickets?
        </label>
        <p id="quantity-hint" className="text-sm text-muted">
          You can claim up to {max} {max === 1 ? 'ticket' : 'tickets'} for this screening.
        </p>
        <select
          id="quantity"
          name="quantity"
          aria-describedby="quantity-hint"
          value={quantity}
          onChange={(e) => setQuantity(Number(e.target.value))}
          className="mt-2 min-h-11 rounded-md border border-stone-500 bg-white px-3"
        >
          {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </fieldset>

      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">About you</legend>
        <label className="flex items-start gap-3">
          <input type="checkbox" name="selfIdentified" value="yes" required className="mt-1 h-5 w-5 shrink-0" aria-describedby="self-id-hint" />
          <span>I am First Nations, Métis or Inuit.</span>
        </label>
        <p id="self-id-hint" className="mt-2 text-sm text-muted">
          That is the only question. We ask for no proof, and we keep nothing but the fact that these tickets were claimed through Indigenous Access.
        </p>
      </fieldset>

      <SeatChoice seats={seats} mode={mode} onModeChange={setMode} wanted={quantity} chosen={chosen} onChosenChange={setChosen} />

      <button
        type="submit"
        disabled={seatsMismatch}
        className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark disabled:cursor-not-allowed disabled:bg-stone-400 disabled:text-stone-900"
      >
        Claim {quantity} free ticket{quantity === 1 ? '' : 's'}
      </button>
    </form>
  );
}
