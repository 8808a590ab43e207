/**
 * A list page's search: a plain GET form, so it works without JavaScript and the search stays in the URL.
 * `hidden` carries the page's other filters along.
 */
export function SearchBox({ label, q, id = 'q', hidden = {} }: { label: string; q: string; id?: string; hidden?: Record<string, string> }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">
          {label}
        </label>
        <input id={id} name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-500 bg-white px-2" />
      </div>
      <button type="submit" className="min-h-11 rounded-md border border-stone-500 px-4 font-semibold">
        Search
      </button>
    </form>
  );
}
