'use client';

import { useEffect, useState } from 'react';
import { formatCents } from '@/lib/format';
import { formatTime } from '@/lib/time';
import type { AccessFundBody } from '@/web/api/serialize-access-fund';

/** How often the page asks again: the endpoint is cached for 15 seconds at the edge, so sooner would see nothing new. */
const POLL_MS = 20_000;

/**
 * The fund's live figures, read from GET /api/v1/access-fund when the page opens and every 20 seconds while it is
 * visible: the page around it stays static and cacheable. The figures are not a live region (a screen reader would
 * hear them every 20 seconds); the time they were read says how fresh they are.
 */
export function FundFigures() {
  const [figures, setFigures] = useState<AccessFundBody | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const res = await fetch('/api/v1/access-fund', { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as AccessFundBody;
        if (!stopped) {
          setFigures(body);
          setFailed(false);
        }
      } catch {
        if (!stopped) setFailed(true);
      }
    };
    void load();
    const id = setInterval(() => void load(), POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      clearInterval(id);
      document.removeEventListener('visibilitychange', load);
    };
  }, []);

  if (!figures) {
    return <p className="text-muted">{failed ? 'The figures could not be loaded just now. Please try again in a moment.' : 'Loading the latest figures…'}</p>;
  }
  const items: { label: string; value: string; note: string }[] = [
    { label: 'Money raised', value: formatCents(figures.raisedCents, figures.currency), note: 'Gifts received, less any refunded' },
    { label: 'Tickets funded', value: String(figures.ticketsFunded), note: `At ${formatCents(figures.ticketValueCents, figures.currency)} a ticket` },
    { label: 'Tickets issued', value: String(figures.ticketsIssued), note: 'Given through community partners' },
    { label: 'Tickets used', value: String(figures.ticketsUsed), note: 'Checked in at the door' },
  ];
  return (
    <div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border border-stone-300 bg-white p-4">
            <dt className="text-sm font-semibold">{i.label}</dt>
            <dd className="mt-1 font-serif text-3xl font-bold" data-figure={i.label}>
              {i.value}
            </dd>
            <dd className="mt-1 text-sm text-muted">{i.note}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">
        {/* The time may end in "a.m." itself: a semicolon, not a full stop, follows it. */}
        As of <time dateTime={figures.updatedAt}>{formatTime(new Date(figures.updatedAt), figures.timeZone)}</time>; the fund now holds{' '}
        {formatCents(figures.balanceCents, figures.currency)} for the next requests.
      </p>
    </div>
  );
}
