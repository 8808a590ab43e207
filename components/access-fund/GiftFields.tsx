'use client';

import { useId, useState } from 'react';
import { formatCents } from '@/lib/format';

/** What "donate a ticket" and the amount are bounded by (domain/access-fund/donations.ts GIFT_LIMITS, checked again on the server). */
export const GIFT_FIELD_LIMITS = { maxTickets: 10, maxDollars: 1000 } as const;

function wholeDollars(value: string): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, GIFT_FIELD_LIMITS.maxDollars) : 0;
}

/**
 * The optional gift to the access fund: n donated tickets at `ticketValueCents` each and/or whole dollars. Its fields
 * post with the form they sit in (`giftTickets`, `giftDollars`); without JavaScript they still work, and the server
 * recomputes the price. With JavaScript the total updates as the buyer chooses (`withTotal` shows it, politely announced).
 */
export function GiftFields({
  ticketValueCents,
  currency,
  baseCents = 0,
  withTotal = false,
  payButton = false,
  intro,
  legend = 'Give to the access fund (optional)',
}: {
  ticketValueCents: number;
  currency: string;
  /** What the buyer pays without the gift (the tickets at checkout; 0 on the donation page). */
  baseCents?: number;
  withTotal?: boolean;
  /** Render the form's submit button, "Pay" and the total with the gift (the checkout form). */
  payButton?: boolean;
  intro: string;
  /** The fieldset's name: optional beside a purchase, the whole point on the donation page. */
  legend?: string;
}) {
  const id = useId();
  const [tickets, setTickets] = useState(0);
  const [dollars, setDollars] = useState('');
  const gift = tickets * ticketValueCents + wholeDollars(dollars) * 100;
  return (
    <>
      <fieldset className="space-y-3 rounded-md border border-stone-300 p-3">
        <legend className="px-1 font-semibold">{legend}</legend>
        <p className="text-sm text-muted">{intro}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-tickets`} className="block text-sm font-semibold">
              Donated tickets ({formatCents(ticketValueCents, currency)} each)
            </label>
            <select
              id={`${id}-tickets`}
              name="giftTickets"
              value={tickets}
              onChange={(e) => setTickets(Number(e.target.value))}
              className="mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2"
            >
              {Array.from({ length: GIFT_FIELD_LIMITS.maxTickets + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n === 0 ? 'None' : n}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-dollars`} className="block text-sm font-semibold">
              Or any amount, in whole dollars
            </label>
            <input
              id={`${id}-dollars`}
              name="giftDollars"
              type="number"
              inputMode="numeric"
              min={0}
              max={GIFT_FIELD_LIMITS.maxDollars}
              step={1}
              value={dollars}
              onChange={(e) => setDollars(e.target.value)}
              aria-describedby={`${id}-dollars-hint`}
              className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2"
            />
            <p id={`${id}-dollars-hint`} className="mt-1 text-xs text-muted">
              Up to {formatCents(GIFT_FIELD_LIMITS.maxDollars * 100, currency)}.
            </p>
          </div>
        </div>
        {withTotal ? (
          <p className="text-sm" aria-live="polite">
            {gift > 0 ? (
              <>
                Your gift: <strong>{formatCents(gift, currency)}</strong>. Total to pay: <strong>{formatCents(baseCents + gift, currency)}</strong>.
            </>
          ) : (
            'No gift added.'
          )}
        </p>
      ) : null}
    </fieldset>
    {payButton ? (
      <button type="submit" className="min-h-11 rounded-md bg-accent px-6 py-2 font-semibold text-white hover:bg-accent-dark">
        Pay {formatCents(baseCents + gift, currency)}
      </button>
    ) : null}
    </>
  );
}
