'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/**
 * A submit button that cannot be pressed twice while its form is on its way: a double click on "Assign places" or
 * "Issue tickets" would otherwise send the command twice. The server still decides (a replayed form is the domain's
 * concern); this only spares people the accident. Without JavaScript it is a plain submit button.
 */
export function PendingButton({ children, className, label }: { children: ReactNode; className: string; label?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" aria-label={label} disabled={pending} aria-disabled={pending} className={`${className} disabled:cursor-wait disabled:opacity-70`}>
      {children}
    </button>
  );
}
