'use client';

import { useState } from 'react';
import { SeatChoice, type SeatMode } from '@/components/booking/SeatChoice';
import type { PickerSeat } from '@/components/booking/SeatPicker';
import { PendingButton } from '@/components/ui/PendingButton';

interface TicketTypeOption {
  code: string;
  name: string;
  price: string;
}

export type DeskPaymentMethod = 'cash' | 'card_terminal' | 'stripe' | 'complimentary';

const METHODS: { value: DeskPaymentMethod; label: string; hint: string }[] = [
  { value: 'cash', label: 'Cash', hint: 'Take the money, then sell.' },
  { value: 'card_terminal', label: 'Card terminal', hint: "Charge the terminal first, then type its receipt number." },
  { value: 'stripe', label: 'Card on the buyer’s phone (Stripe)', hint: 'Shows a payment link and QR code; tickets are issued when Stripe confirms.' },
  { value: 'complimentary', label: 'Complimentary', hint: 'No charge: a reason is required.' },
];

const input = 'mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-2';

/**
 * The walk-up sale: quantities per ticket type, seats (the same seat choice as the public booking), payment and an
 * optional buyer. A plain form underneath: the server checks everything again, and the hidden sale key makes a replayed
 * form sell once.
 */
export function DeskSaleForm({
  ticketTypes,
  seats,
  placesLeft,
  saleKey,
  boxOfficeEmail,
  action,
}: {
  ticketTypes: TicketTypeOption[];
  seats: PickerSeat[] | null;
  placesLeft: number;
  saleKey: string;
  boxOfficeEmail: string;
  action: (form: FormData) => Promise<void>;
}) {
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [mode, setMode] = useState<SeatMode>('best');
  const [chosen, setChosen] = useState<string[]>([]);
  const [method, setMethod] = useState<DeskPaymentMethod>('cash');
  const total = Object.values(quantities).reduce((a, b) => a + b, 0);
  const limit = Math.min(placesLeft, 20);
  const seatsMismatch = seats && mode === 'map' && chosen.length !== total;

  return (
    <form action={action} className="space-y-6">
      <input type="hidden" name="saleKey" value={saleKey} />
      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">Tickets</legend>
        <p className="text-sm text-muted">{placesLeft} place{placesLeft === 1 ? '' : 's'} left.</p>
        <div className="mt-3 space-y-3">
          {ticketTypes.map((t) => (
            <div key={t.code} className="flex items-center justify-between gap-4">
              <label htmlFor={`qty_${t.code}`} className="min-w-0">
                <span className="font-semibold">{t.name}</span> <span className="text-sm">{t.price}</span>
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
          {total} ticket{total === 1 ? '' : 's'}
          {total > limit ? ` — at most ${limit}` : ''}
        </p>
      </fieldset>

      <SeatChoice seats={seats} mode={mode} onModeChange={setMode} wanted={total} chosen={chosen} onChosenChange={setChosen} />

      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">Payment</legend>
        <div className="space-y-2">
          {METHODS.map((m) => (
            <div key={m.value}>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="method" value={m.value} checked={method === m.value} onChange={() => setMethod(m.value)} className="h-5 w-5" />
                <span>
                  <span className="font-semibold">{m.label}</span> <span className="text-sm text-muted">{m.hint}</span>
                </span>
              </label>
            </div>
          ))}
        </div>
        {method === 'card_terminal' ? (
          <div className="mt-3 sm:max-w-xs">
            <label htmlFor="sale-reference" className="block font-semibold">
              Terminal receipt number
            </label>
            <input id="sale-reference" name="reference" required maxLength={100} autoComplete="off" className={input} />
          </div>
        ) : null}
        {method === 'complimentary' ? (
          <div className="mt-3">
            <label htmlFor="sale-reason" className="block font-semibold">
              Reason for complimentary tickets
            </label>
            <input id="sale-reason" name="reason" maxLength={500} autoComplete="off" className={input} />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="rounded-lg border border-stone-300 bg-white p-4">
        <legend className="px-1 font-serif text-xl font-bold">Buyer, optional</legend>
        <p className="text-sm text-muted">
          Leave empty for an anonymous walk-up: the order is then recorded under the box office&apos;s own address ({boxOfficeEmail}) and no email is sent.
          {method === 'stripe' ? ' Stripe asks the buyer for their email on the payment page.' : ''}
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="sale-name" className="block font-semibold">
              Name
            </label>
            <input id="sale-name" name="name" maxLength={120} autoComplete="off" className={input} />
          </div>
          <div>
            <label htmlFor="sale-email" className="block font-semibold">
              Email (the tickets are sent here)
            </label>
            <input id="sale-email" name="email" type="email" maxLength={254} autoComplete="off" className={input} />
          </div>
        </div>
      </fieldset>

      <PendingButton className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
        {method === 'stripe' ? 'Create the payment link' : `Sell ${total > 0 ? `${total} ` : ''}ticket${total === 1 ? '' : 's'}`}
      </PendingButton>
      {total === 0 || total > limit || seatsMismatch ? (
        <p className="text-sm" role="status">
          {total === 0 ? 'Choose at least one ticket.' : total > limit ? `At most ${limit} tickets.` : 'Choose as many seats as tickets, or pick best available.'}
        </p>
      ) : null}
    </form>
  );
}
