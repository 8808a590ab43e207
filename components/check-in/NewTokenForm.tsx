'use client';

import { useActionState } from 'react';
import { PendingButton } from '@/components/ui/PendingButton';

export type NewTokenState = { token?: string; label?: string; expiresAt?: string; error?: string };

/** Creates a door device's API token and shows its secret this once (the server keeps only a hash). */
export function NewTokenForm({ action }: { action: (state: NewTokenState, form: FormData) => Promise<NewTokenState> }) {
  const [state, formAction] = useActionState(action, {});
  const input = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
  return (
    <div className="space-y-4">
      <form action={formAction} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="token-label" className="block font-semibold">
            Device name
          </label>
          <input id="token-label" name="label" required maxLength={80} placeholder="Door 2 phone" className={input} />
        </div>
        <div>
          <label htmlFor="token-days" className="block font-semibold">
            Valid for (days)
          </label>
          <input id="token-days" name="days" type="number" min={1} max={90} defaultValue={30} className={input} />
        </div>
        <PendingButton className="rounded-md bg-ink px-4 py-2 font-semibold text-white hover:bg-stone-700">Create token</PendingButton>
      </form>
      {state.error ? (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3">
          {state.error}
        </p>
      ) : null}
      {state.token ? (
        <div role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Token for {state.label}: copy it now, it is shown only once.</p>
          <p className="mt-2 break-all font-mono text-base" data-testid="new-token">
            {state.token}
          </p>
          <p className="mt-2 text-sm">
            The device sends it as <code>Authorization: Bearer …</code> to the JSON API (for example <code>POST /api/v1/check-ins</code>).
          </p>
        </div>
      ) : null}
    </div>
  );
}
