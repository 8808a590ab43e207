'use client';

import { useActionState } from 'react';
import { PendingButton } from '@/components/ui/PendingButton';
import type { ImportLayoutState } from '@/web/venues/forms';

const button = 'rounded-md bg-accent px-4 py-2 font-semibold text-white';

/**
 * Import a seat map from a file, in two steps: check the file (every bad line listed, nothing written), then replace
 * the seat map with it. The second step posts the checked text back; the server reads and checks it again.
 */
export function LayoutImportForm({ venueId, action }: { venueId: string; action: (state: ImportLayoutState, form: FormData) => Promise<ImportLayoutState> }) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as ImportLayoutState);
  return (
    <div className="grid gap-6">
      <form action={formAction} className="grid max-w-xl gap-3">
        <input type="hidden" name="venueId" value={venueId} />
        <input type="hidden" name="intent" value="preview" />
        <div>
          <label htmlFor="layout-file" className="block text-sm font-semibold">
            Seat map file (CSV or JSON)
          </label>
          <input
            id="layout-file"
            name="file"
            type="file"
            required
            accept=".csv,.json,text/csv,application/json"
            aria-describedby="layout-file-hint"
            className="mt-1 block w-full rounded-md border border-stone-500 bg-white px-3 py-2"
          />
          <p id="layout-file-hint" className="mt-1 text-xs text-muted">
            Columns: section,row,seat,x,y,kind,blocked. Kind is standard, wheelchair, companion or aisle; blocked is yes or no. x and y count from 0 at the
            front left.
          </p>
        </div>
        <div>
          <PendingButton className={button}>Check the file</PendingButton>
        </div>
      </form>

      {state.status === 'invalid' ? (
        <section role="alert" aria-labelledby="import-errors-title" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
          <h2 id="import-errors-title" className="font-semibold">
            {state.fileName ? `${state.fileName}: ` : ''}
            {state.errors.length} problem{state.errors.length === 1 ? '' : 's'}. Nothing was written.
          </h2>
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Problems by line</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4">
                  Line
                </th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {state.errors.map((e, i) => (
                <tr key={i}>
                  <td className="pr-4 align-top">{e.line > 0 ? e.line : '—'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {state.status === 'valid' ? (
        <section aria-labelledby="import-preview-title" className="rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="import-preview-title" className="font-serif text-xl font-bold">
            {state.fileName}: ready to import
          </h2>
          <p className="mt-1 text-sm" role="status">
            {state.summary.seats} seats in {state.summary.sections} section{state.summary.sections === 1 ? '' : 's'}: {state.summary.sellable} on sale,{' '}
            {state.summary.blocked} blocked, {state.summary.wheelchair} wheelchair, {state.summary.companion} companion. It replaces the whole seat
            map: seats it leaves out are removed.
          </p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">The first seats of the file</caption>
              <thead>
                <tr>
                  {['Section', 'Row', 'Seat', 'x', 'y', 'Kind', 'Blocked'].map((h) => (
                    <th key={h} scope="col" className="pr-4">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.sample.map((s, i) => (
                  <tr key={i}>
                    <td className="pr-4">{s.section}</td>
                    <td className="pr-4">{s.row}</td>
                    <td className="pr-4">{s.number}</td>
                    <td className="pr-4">{s.x}</td>
                    <td className="pr-4">{s.y}</td>
                    <td className="pr-4">{s.kind}</td>
                    <td className="pr-4">{s.blocked ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={formAction} className="mt-4">
            <input type="hidden" name="venueId" value={venueId} />
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="format" value={state.format} />
            <input type="hidden" name="content" value={state.content} />
            <PendingButton className={button}>Replace the seat map</PendingButton>
          </form>
        </section>
      ) : null}

      {state.status === 'saved' ? (
        <div role="status" className="rounded-md border-l-4 border-sky-600 bg-sky-50 p-4">
          <p className="font-semibold">Imported</p>
          <p className="mt-1 text-sm">{state.message}</p>
        </div>
      ) : null}
      {state.status === 'refused' ? (
        <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
          <p className="font-semibold">Nothing was saved</p>
          <p className="mt-1 text-sm">{state.message}</p>
        </div>
      ) : null}
    </div>
  );
}
