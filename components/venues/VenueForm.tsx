'use client';

import { useActionState, useId, useState } from 'react';
import { PendingButton } from '@/components/ui/PendingButton';
import { EMPTY_VENUE_FORM, type VenueFormState } from '@/web/venues/forms';

export interface VenueFormValues {
  name: string;
  slug: string;
  addressLine: string;
  city: string;
  postalCode: string;
  description: string;
  accessibilityInfo: string;
  stepFree: boolean;
  hearingLoop: boolean;
  seating: 'reserved' | 'general_admission';
  capacity: number | null;
  changeoverMinutes: number;
}

const field = 'mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
const labelClass = 'block text-sm font-semibold';

/**
 * Create or edit a venue. The server action answers a refusal with its message, each field's problem and what was
 * posted, so nothing typed is lost; the command decides, this form only shows.
 */
export function VenueForm({
  action,
  initial,
  venueId,
  submitLabel,
  seatingLocked,
}: {
  action: (state: VenueFormState, form: FormData) => Promise<VenueFormState>;
  initial: VenueFormValues;
  venueId?: string;
  submitLabel: string;
  /** Why the seating mode may not change, shown beside it (the server refuses anyway). */
  seatingLocked?: string;
}) {
  const [state, formAction] = useActionState(action, EMPTY_VENUE_FORM);
  const id = useId();
  const v = (key: keyof VenueFormValues): string => {
    const posted = state.values[key];
    if (typeof posted === 'string') return posted;
    const value = initial[key];
    return value === null ? '' : String(value);
  };
  const checked = (key: 'stepFree' | 'hearingLoop'): boolean => {
    const posted = state.values[key];
    return typeof posted === 'boolean' ? posted : initial[key];
  };
  const [seating, setSeating] = useState(v('seating'));
  const error = (key: string) =>
    state.fields[key] ? (
      <p id={`${id}-${key}-error`} className="mt-1 text-sm font-semibold text-accent">
        {state.fields[key]}
      </p>
    ) : null;
  const described = (key: string, hint?: string) => [state.fields[key] ? `${id}-${key}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;

  const text = (key: keyof VenueFormValues, label: string, o: { required?: boolean; hint?: string; maxLength?: number; autoComplete?: string } = {}) => (
    <div>
      <label htmlFor={`${id}-${key}`} className={labelClass}>
        {label}
        {o.required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      <input
        id={`${id}-${key}`}
        name={key}
        type="text"
        required={o.required}
        maxLength={o.maxLength ?? 200}
        autoComplete={o.autoComplete ?? 'off'}
        defaultValue={v(key)}
        aria-invalid={state.fields[key] ? true : undefined}
        aria-describedby={described(key, o.hint ? `${id}-${key}-hint` : undefined)}
        className={field}
      />
      {o.hint ? (
        <p id={`${id}-${key}-hint`} className="mt-1 text-xs text-muted">
          {o.hint}
        </p>
      ) : null}
      {error(key)}
    </div>
  );

  return (
    // The key re-mounts the fields with what was posted after each answer (React resets a form once its action ran).
    <form key={JSON.stringify(state.values)} action={formAction} className="grid max-w-2xl gap-4" noValidate={false}>
      {venueId ? <input type="hidden" name="venueId" value={venueId} /> : null}
      {state.message ? (
        <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
          <p className="font-semibold">Nothing was saved</p>
          <p className="mt-1 text-sm">{state.message}</p>
        </div>
      ) : null}
      {text('name', 'Name', { required: true, maxLength: 120 })}
      {text('slug', 'Web address', { required: true, maxLength: 80, hint: 'Lower-case letters, digits and hyphens: the venue page is /venues/<this>.' })}
      {text('addressLine', 'Street address', { required: true, autoComplete: 'street-address' })}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('city', 'City', { required: true, maxLength: 100 })}
        {text('postalCode', 'Postal code', { maxLength: 20 })}
      </div>
      <div>
        <label htmlFor={`${id}-description`} className={labelClass}>
          Description <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea id={`${id}-description`} name="description" rows={3} maxLength={4000} defaultValue={v('description')} className={field} />
      </div>
      <div>
        <label htmlFor={`${id}-accessibilityInfo`} className={labelClass}>
          Accessibility information <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-accessibilityInfo`}
          name="accessibilityInfo"
          rows={3}
          maxLength={4000}
          defaultValue={v('accessibilityInfo')}
          aria-describedby={`${id}-accessibilityInfo-hint`}
          className={field}
        />
        <p id={`${id}-accessibilityInfo-hint`} className="mt-1 text-xs text-muted">
          Entrances, lifts, toilets, where wheelchair spaces are: shown on the public venue page.
        </p>
      </div>
      <fieldset className="grid gap-2">
        <legend className={labelClass}>Access features</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="stepFree" defaultChecked={checked('stepFree')} className="h-5 w-5" /> Step-free access
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="hearingLoop" defaultChecked={checked('hearingLoop')} className="h-5 w-5" /> Hearing loop
        </label>
      </fieldset>
      <fieldset className="grid gap-2" aria-describedby={seatingLocked ? `${id}-seating-locked` : undefined}>
        <legend className={labelClass}>Seating</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="seating" value="reserved" checked={seating === 'reserved'} onChange={() => setSeating('reserved')} className="h-5 w-5" />
          Reserved seats (a seat map)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="seating"
            value="general_admission"
            checked={seating === 'general_admission'}
            onChange={() => setSeating('general_admission')}
            className="h-5 w-5"
          />
          General admission (a number of places)
        </label>
        {seatingLocked ? (
          <p id={`${id}-seating-locked`} className="text-sm text-muted">
            {seatingLocked}
          </p>
        ) : null}
        {error('seating')}
      </fieldset>
      {seating === 'general_admission' ? (
        <div>
          <label htmlFor={`${id}-capacity`} className={labelClass}>
            Capacity
          </label>
          <input
            id={`${id}-capacity`}
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            step={1}
            required
            defaultValue={v('capacity')}
            aria-invalid={state.fields.capacity ? true : undefined}
            aria-describedby={described('capacity')}
            className={field}
          />
          {error('capacity')}
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-changeoverMinutes`} className={labelClass}>
          Changeover (minutes)
        </label>
        <input
          id={`${id}-changeoverMinutes`}
          name="changeoverMinutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          step={1}
          required
          defaultValue={v('changeoverMinutes')}
          aria-invalid={state.fields.changeoverMinutes ? true : undefined}
          aria-describedby={described('changeoverMinutes', `${id}-changeover-hint`)}
          className={field}
        />
        <p id={`${id}-changeover-hint`} className="mt-1 text-xs text-muted">
          Time between one screening&apos;s end and the next one&apos;s start here (cleaning, seating).
        </p>
        {error('changeoverMinutes')}
      </div>
      <div>
        <PendingButton className="rounded-md bg-accent px-4 py-2 font-semibold text-white">{submitLabel}</PendingButton>
      </div>
    </form>
  );
}
