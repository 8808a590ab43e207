import type { Metadata } from 'next';
import Link from 'next/link';
import { listProgrammeFilterOptions, requireCurrentFestival } from '@/domain/catalogue/festival';
import { listProgrammePage } from '@/domain/catalogue/films';
import { filtersToQuery, parseProgrammeFiltersLenient } from '@/domain/catalogue/programme-filters';
import { formatIsoDateLong } from '@/lib/time';
import { FilmCard } from '@/components/programme/FilmCard';
import { FilterBar } from '@/components/programme/FilterBar';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { PageHeading } from '@/components/ui/PageHeading';

export const metadata: Metadata = {
  title: 'Programme',
  description: 'Every film of the festival: filter by day, section, venue, country, language and accessibility, and book seats.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ProgrammePage({ searchParams }: { searchParams: SearchParams }) {
  const festival = await requireCurrentFestival();
  const params = await searchParams;
  const { filters, invalid } = parseProgrammeFiltersLenient(params);
  const requestedPage = Number(Array.isArray(params.page) ? params.page[0] : params.page);
  const [options, programme] = await Promise.all([
    listProgrammeFilterOptions(festival),
    listProgrammePage(festival, filters, Number.isInteger(requestedPage) && requestedPage > 0 ? requestedPage : 1),
  ]);
  const { entries, total, page, pageCount } = programme;
  const active = Object.values(filters).filter(Boolean).length;
  const pageHref = (n: number) => {
    const query = filtersToQuery(filters);
    if (n === 1) return query || '/';
    return `${query ? `${query}&` : '?'}page=${n}`;
  };

  return (
    <Container>
      <PageHeading lead={festival.tagline}>
        {festival.name} <span className="text-muted">— programme</span>
      </PageHeading>
      <FilterBar options={options} filters={filters} />
      {invalid.length > 0 ? (
        <div className="mt-4">
          <Notice title="Some filters were ignored" tone="warn">
            These values in the address were not understood: {invalid.join(', ')}.
          </Notice>
        </div>
      ) : null}
      <h2 className="mt-6 text-lg font-semibold" aria-live="polite">
        {total} film{total === 1 ? '' : 's'}
        {filters.day ? ` on ${formatIsoDateLong(filters.day)}` : ''}
        {active > 0 ? ' match your filters' : ' in the programme'}
        {pageCount > 1 ? <span className="font-normal text-muted"> — page {page} of {pageCount}</span> : null}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2">Nothing matches. Try fewer filters or another day.</p>
      ) : (
        <div className="mt-4 grid gap-4">
          {entries.map((entry) => (
            <FilmCard key={entry.film.id} entry={entry} timeZone={festival.timeZone} />
          ))}
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Programme pages" className="mt-6 flex flex-wrap items-center gap-2">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} rel="prev" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 px-3 underline-offset-4 hover:underline">
              Previous
            </Link>
          ) : null}
          <ol className="flex flex-wrap gap-1">
            {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                <Link
                  href={pageHref(n)}
                  aria-current={n === page ? 'page' : undefined}
                  aria-label={`Page ${n}`}
                  className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border px-2 ${n === page ? 'border-accent bg-accent text-white' : 'border-stone-400 underline-offset-4 hover:underline'}`}
                >
                  {n}
                </Link>
              </li>
            ))}
          </ol>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} rel="next" className="inline-flex min-h-11 items-center rounded-md border border-stone-400 px-3 underline-offset-4 hover:underline">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Container>
  );
}
