'use client';

import { startTransition, useActionState, type FormEvent } from 'react';

export interface ImportPreviewRow {
  line: number;
  films: string;
  venue: string;
  when: string;
  createsFilm: boolean;
  errors: string[];
}

export type ImportState = {
  error?: string;
  rows?: ImportPreviewRow[];
  valid?: boolean;
  filmsCreated?: number;
  /** The file's text, sent back with the confirmation (checked again there, never trusted from the preview). */
  csv?: string;
} | null;

const button = 'min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white';

/** Upload → preview with row errors → confirm. The preview writes nothing; the confirmation imports all or nothing. */
export function ImportForm({ action }: { action: (previous: ImportState, form: FormData) => Promise<ImportState> }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  };
  const invalid = state?.rows?.filter((r) => r.errors.length > 0).length ?? 0;
  return (
    <div className="grid gap-6">
      <form action={dispatch} onSubmit={submit} className="grid max-w-xl gap-3" aria-label="Upload a programme file">
        <div>
          <label htmlFor="file" className="block text-sm font-semibold">
            Programme file (CSV, up to 2 MB and 5,000 rows)
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required className="mt-1 block w-full" />
        </div>
        <input type="hidden" name="step" value="preview" />
        <div>
          <button type="submit" className={button} disabled={pending}>
            Preview
          </button>
        </div>
      </form>

      {state?.error ? (
        <div role="alert" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
          <p className="font-semibold">Nothing was imported</p>
          <p className="mt-1 text-sm">{state.error}</p>
        </div>
      ) : null}

      {state?.rows ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title" className="font-serif text-2xl font-bold">
            Preview
          </h2>
          <p className="mt-1" role="status">
            {state.valid
              ? `${state.rows.length} screening${state.rows.length === 1 ? '' : 's'} ready to import${state.filmsCreated ? `, ${state.filmsCreated} new film${state.filmsCreated === 1 ? '' : 's'}` : ''}.`
              : `${invalid} row${invalid === 1 ? ' has' : 's have'} errors: fix the file and upload it again. Nothing is imported while any row is wrong.`}
          </p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Every row of the file, with its errors</caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="px-2 py-2">Line</th>
                  <th scope="col" className="px-2 py-2">Films</th>
                  <th scope="col" className="px-2 py-2">Venue</th>
                  <th scope="col" className="px-2 py-2">When</th>
                  <th scope="col" className="px-2 py-2">Errors</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((r) => (
                  <tr key={r.line} className={`border-b border-stone-200 ${r.errors.length ? 'bg-amber-50' : ''}`}>
                    <td className="px-2 py-2">{r.line}</td>
                    <td className="px-2 py-2">
                      {r.films}
                      {r.createsFilm ? ' (new film)' : ''}
                    </td>
                    <td className="px-2 py-2">{r.venue}</td>
                    <td className="px-2 py-2">{r.when}</td>
                    <td className="px-2 py-2">{r.errors.length ? r.errors.join(' ') : 'OK'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.valid && state.csv !== undefined ? (
            <form action={dispatch} onSubmit={submit} className="mt-4" aria-label="Confirm the import">
              <input type="hidden" name="step" value="confirm" />
              <input type="hidden" name="csv" value={state.csv} />
              <button type="submit" className={button} disabled={pending}>
                Import {state.rows.length} screening{state.rows.length === 1 ? '' : 's'}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
