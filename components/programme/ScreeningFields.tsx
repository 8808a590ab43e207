import { FEATURE_LABEL_SHORT, type AccessibilityFeature } from '@/domain/catalogue/features';

export const fieldClass = 'mt-1 min-h-11 w-full rounded-md border border-stone-500 bg-white px-3 py-2';
export const labelClass = 'block text-sm font-semibold';
export const hintClass = 'mt-1 text-xs text-muted';

export interface ScreeningFieldValues {
  filmIds: string[];
  programmeTitle: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  hasQa: boolean;
  guestNote: string;
  features: string[];
  onSaleAt: string;
  offSaleAt: string;
  status: string;
}

/** The screening form's fields (create and edit); times are festival-local, shown with the zone's name. */
export function ScreeningFields({
  choices,
  values,
  zoneLabel,
}: {
  choices: { venues: { id: string; name: string; changeoverMinutes: number }[]; films: { id: string; title: string; runtimeMinutes: number | null }[] };
  values: ScreeningFieldValues;
  zoneLabel: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor="filmIds" className={labelClass}>
          Films shown
        </label>
        <select id="filmIds" name="filmIds" multiple required defaultValue={values.filmIds} size={Math.min(8, Math.max(3, choices.films.length))} aria-describedby="filmIds-hint" className={fieldClass}>
          {choices.films.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
              {f.runtimeMinutes ? ` (${f.runtimeMinutes} min)` : ''}
            </option>
          ))}
        </select>
        <p id="filmIds-hint" className={hintClass}>
          One film, or several for a programme (hold Ctrl or ⌘ to choose more than one; a programme needs a title).
        </p>
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="programmeTitle" className={labelClass}>
          Programme title (several films only)
        </label>
        <input id="programmeTitle" name="programmeTitle" defaultValue={values.programmeTitle} maxLength={200} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="venueId" className={labelClass}>
          Venue
        </label>
        <select id="venueId" name="venueId" required defaultValue={values.venueId} className={fieldClass}>
          <option value="">Choose a venue</option>
          {choices.venues.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} ({v.changeoverMinutes} min changeover)
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="status" className={labelClass}>
          Status
        </label>
        <select id="status" name="status" defaultValue={values.status} aria-describedby="status-hint" className={fieldClass}>
          <option value="scheduled">Scheduled (on sale from its on-sale time)</option>
          <option value="on_sale">On sale now</option>
          <option value="off_sale">Off sale</option>
        </select>
        <p id="status-hint" className={hintClass}>
          To cancel a screening, use Cancellations: every ticket holder is told and offered a refund.
        </p>
      </div>
      <div>
        <label htmlFor="startsAt" className={labelClass}>
          Starts ({zoneLabel})
        </label>
        <input id="startsAt" name="startsAt" type="datetime-local" required defaultValue={values.startsAt} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="endsAt" className={labelClass}>
          Ends ({zoneLabel}, optional)
        </label>
        <input id="endsAt" name="endsAt" type="datetime-local" defaultValue={values.endsAt} aria-describedby="endsAt-hint" className={fieldClass} />
        <p id="endsAt-hint" className={hintClass}>
          Empty: the films&apos; runtimes plus 10 minutes, and 30 more with a Q&amp;A.
        </p>
      </div>
      <div>
        <label htmlFor="onSaleAt" className={labelClass}>
          On sale from ({zoneLabel}, optional)
        </label>
        <input id="onSaleAt" name="onSaleAt" type="datetime-local" defaultValue={values.onSaleAt} className={fieldClass} />
      </div>
      <div>
        <label htmlFor="offSaleAt" className={labelClass}>
          Online sales stop ({zoneLabel}, optional)
        </label>
        <input id="offSaleAt" name="offSaleAt" type="datetime-local" defaultValue={values.offSaleAt} aria-describedby="offSaleAt-hint" className={fieldClass} />
        <p id="offSaleAt-hint" className={hintClass}>
          Empty: at the start. The desk can still sell until the start.
        </p>
      </div>
      <div className="flex items-center gap-2 sm:col-span-2">
        <input id="hasQa" name="hasQa" type="checkbox" defaultChecked={values.hasQa} className="size-5" />
        <label htmlFor="hasQa" className="font-semibold">
          Q&amp;A after the screening
        </label>
      </div>
      <div className="sm:col-span-2">
        <label htmlFor="guestNote" className={labelClass}>
          Guest note
        </label>
        <input id="guestNote" name="guestNote" defaultValue={values.guestNote} maxLength={500} placeholder="Q&A with the director after the film." className={fieldClass} />
      </div>
      <fieldset className="sm:col-span-2">
        <legend className={labelClass}>Accessibility features</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {(Object.keys(FEATURE_LABEL_SHORT) as AccessibilityFeature[]).map((f) => (
            <div key={f} className="flex items-center gap-2">
              <input id={`feature-${f}`} name="features" value={f} type="checkbox" defaultChecked={values.features.includes(f)} className="size-5" />
              <label htmlFor={`feature-${f}`}>{FEATURE_LABEL_SHORT[f].long}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
