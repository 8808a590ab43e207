import Link from 'next/link';
import type { ProgrammeFilterOptions } from '@/domain/catalogue/festival';
import { filtersToQuery, type ProgrammeFilters } from '@/domain/catalogue/programme-filters';
import { formatIsoDateShort } from '@/lib/time';

const SELECTS = [
  { key: 'section', label: 'Section', all: 'All sections' },
  { key: 'venue', label: 'Venue', all: 'All venues' },
  { key: 'country', label: 'Country', all: 'All countries' },
  { key: 'language', label: 'Language', all: 'All languages' },
  { key: 'feature', label: 'Accessibility', all: 'Any' },
] as const;

/**
 * Filters are a plain GET form, so they live in the URL and work without
 * JavaScript; the day tabs are links that keep the other filters.
 */
export function FilterBar({ options, filters }: { options: ProgrammeFilterOptions; filters: ProgrammeFilters }) {
  const optionsFor = (key: (typeof SELECTS)[number]['key']) => options[key === 'section' ? 'sections' : key === 'venue' ? 'venues' : key === 'country' ? 'countries' : key === 'language' ? 'languages' : 'features'];
  return (
    <section aria-labelledby="filters-heading" className="rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="filters-heading" className="sr-only">
        Filter the programme
      </h2>
      <nav aria-label="Festival days">
        <ul className="flex gap-2 overflow-x-auto pb-2">
          <li>
            <Link
              href={`/${filtersToQuery(filters, { day: undefined })}`}
              aria-current={!filters.day ? 'page' : undefined}
              className={`inline-block whitespace-nowrap rounded-full border px-3 py-2 text-sm ${!filters.day ? 'border-accent bg-accent text-white' : 'border-stone-400'}`}
            >
              All days
            </Link>
          </li>
          {options.days.map((day) => (
            <li key={day}>
              <Link
                href={`/${filtersToQuery(filters, { day })}`}
                aria-current={filters.day === day ? 'page' : undefined}
                className={`inline-block whitespace-nowrap rounded-full border px-3 py-2 text-sm ${filters.day === day ? 'border-accent bg-accent text-white' : 'border-stone-400'}`}
              >
                {formatIsoDateShort(day)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/" role="search" aria-label="Programme" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {filters.day ? <input type="hidden" name="day" value={filters.day} /> : null}
        <div className="sm:col-span-2 lg:col-span-3">
          <label htmlFor="q" className="block text-sm font-semibold">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            placeholder="Title, director, cast or country"
            maxLength={100}
            className="mt-1 w-full rounded-md border border-stone-500 px-3 py-2"
          />
        </div>
        {SELECTS.map((s) => (
          <div key={s.key}>
            <label htmlFor={`filter-${s.key}`} className="block text-sm font-semibold">
              {s.label}
            </label>
            <select
              id={`filter-${s.key}`}
              name={s.key}
              defaultValue={filters[s.key] ?? ''}
              className="mt-1 w-full rounded-md border border-stone-500 bg-white px-3 py-2"
            >
              <option value="">{s.all}</option>
              {optionsFor(s.key).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="flex items-end gap-3">
          <button type="submit" className="min-h-11 rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
            Show films
          </button>
          <Link href="/" className="py-2 text-sm underline">
            Clear all
          </Link>
        </div>
      </form>
    </section>
  );
}
