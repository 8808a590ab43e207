'use client';

import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';

/** What a form's server action answers when it does not redirect: the refusal, in words for people. */
export type FormResult = { error: string } | null;

/**
 * A form whose server action answers with a refusal instead of redirecting. The refusal is shown above the fields, and
 * the fields keep what was typed (React resets a form after its action; submitting through a transition does not), so a
 * clash or a typo is fixed in place. Without JavaScript it is a plain form post and the page answers with the refusal.
 */
export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (previous: FormResult, form: FormData) => Promise<FormResult>;
  children: ReactNode;
  className?: string;
  /** The accessible name of the form (a region for assistive technology). */
  label?: string;
}) {
  const [state, dispatch] = useActionState(action, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
  return (
    <form action={dispatch} onSubmit={submit} className={className} aria-label={label}>
      {state?.error ? (
        <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
          <p className="font-semibold">Nothing was saved</p>
          <p className="mt-1 text-sm">{state.error}</p>
        </div>
      ) : null}
      {children}
    </form>
  );
}
