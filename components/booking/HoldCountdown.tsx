'use client';

import { useEffect, useState } from 'react';

function remaining(expiresAt: string): number {
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000));
}

/**
 * The visible hold timer. It announces only at whole minutes (and the last
 * minute) so screen readers are not flooded every second.
 */
export function HoldCountdown({ expiresAt, expiredHref }: { expiresAt: string; expiredHref: string }) {
  const [seconds, setSeconds] = useState(() => remaining(expiresAt));
  useEffect(() => {
    const id = setInterval(() => setSeconds(remaining(expiresAt)), 1000);
    return () => clearInterval(id);
  }, [expiresAt]);
  const mm = Math.floor(seconds / 60);
  const ss = String(seconds % 60).padStart(2, '0');
  if (seconds === 0) {
    return (
      <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3">
        <p className="font-semibold">Your hold has expired and the seats were released.</p>
        <a href={expiredHref} className="underline">
          Choose again
        </a>
      </div>
    );
  }
  return (
    <div className="rounded-md border border-stone-300 bg-white p-3">
      <p>
        Seats held for{' '}
        <span className="font-mono text-lg font-bold" aria-hidden="true">
          {mm}:{ss}
        </span>
        <span className="sr-only" aria-live="polite">
          {seconds % 60 === 0 || seconds < 60 ? `${mm} minute${mm === 1 ? '' : 's'}${seconds < 60 ? ` ${seconds} seconds` : ''} left` : ''}
        </span>
      </p>
    </div>
  );
}
