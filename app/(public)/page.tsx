import type { Metadata } from 'next';
import { listProgrammeFilterOptions, requireCurrentFestival } from '@/domain/catalogue/festival';
import { listProgramme } from '@/domain/catalogue/films';
import { parseProgrammeFiltersLenient } from '@/domain/catalogue/programme-filters';
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
  const { filters, invalid } = parseProgrammeFiltersLenient(await searchParams);
  const [options, entries] = await Promise.all([listProgrammeFilterOptions(festival), listProgramme(festival, filters)]);
  const active = Object.values(filters).filter(Boolean).length;

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
        {entries.length} film{entries.length === 1 ? '' : 's'}
        {filters.day ? ` on ${formatIsoDateLong(filters.day)}` : ''}
        {active > 0 ? ' match your filters' : ' in the programme'}
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
    </Container>
  );
}
