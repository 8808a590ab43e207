import type { ReactNode } from 'react';
import { Notice } from '@/components/ui/Notice';
import { PendingButton } from '@/components/ui/PendingButton';

/** The partner, allotment and access-code forms' small pieces: one look for labels, inputs and buttons. */

export const inputClass = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';

export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  /** Shown under the label and tied to the input with aria-describedby by the caller (`${id}-hint`). */
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function SubmitButton({ children, variant = 'primary', label }: { children: ReactNode; variant?: 'primary' | 'secondary'; label?: string }) {
  const look =
    variant === 'primary' ? 'bg-accent text-white hover:bg-accent-dark' : 'border border-stone-600 bg-white text-ink hover:bg-stone-100';
  return (
    <PendingButton label={label} className={`min-h-11 rounded-md px-4 py-2 font-semibold ${look}`}>
      {children}
    </PendingButton>
  );
}

/** The outcome of the last form, carried in the URL by the server action's redirect (?error=… or ?done=…). */
export function Flash({ query, done }: { query: Record<string, string | string[] | undefined>; done: Record<string, string> }) {
  const error = typeof query.error === 'string' ? query.error.slice(0, 300) : null;
  const ok = typeof query.done === 'string' ? done[query.done] : undefined;
  if (error) {
    return (
      <div className="mb-6">
        <Notice title="That did not work" tone="warn">
          {error}
        </Notice>
      </div>
    );
  }
  return ok ? (
    <div className="mb-6">
      <Notice title="Done">{ok}</Notice>
    </div>
  ) : null;
}
