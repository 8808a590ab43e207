import Link from 'next/link';
import type { ProgrammeEntry } from '@/domain/catalogue/films';
import { formatRuntime, listToText } from '@/lib/format';
import { ScreeningList } from '@/components/screenings/ScreeningList';

export function FilmCard({ entry, timeZone }: { entry: ProgrammeEntry; timeZone: string }) {
  const { film } = entry;
  const facts = [film.countries.join(', '), film.year, formatRuntime(film.runtimeMinutes)].filter(Boolean).join(' · ');
  return (
    <article className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-4 sm:flex-row" aria-labelledby={`film-${film.slug}`}>
      {film.posterPath ? (
        // A plain img, not next/image: the posters are small SVGs that next/image would not optimise anyway, and its client
        // component costs the programme one more script request and ~7 kB of JavaScript before the first paint (issue 10).
        // eslint-disable-next-line @next/next/no-img-element
        <img src={film.posterPath} alt="" width={120} height={180} loading="lazy" decoding="async" className="h-auto w-24 shrink-0 self-start rounded sm:w-32" />
      ) : null}
      <div className="min-w-0 flex-1">
        {film.section ? <p className="text-xs font-semibold uppercase tracking-wide text-accent">{film.section.name}</p> : null}
        <h2 id={`film-${film.slug}`} className="font-serif text-2xl font-bold">
          <Link href={`/films/${film.slug}`} className="underline-offset-4 hover:underline">
            {film.title}
          </Link>
        </h2>
        {film.directors.length > 0 ? <p className="text-sm">Directed by {listToText(film.directors)}</p> : null}
        <p className="text-sm text-muted">{facts}</p>
        <p className="mt-2">{film.logline}</p>
        <h3 className="mt-3 text-sm font-semibold">Next screenings</h3>
        <div className="mt-1">
          <ScreeningList screenings={entry.screenings} timeZone={timeZone} compact />
        </div>
        {entry.moreScreenings > 0 ? (
          <p className="mt-1 text-sm">
            <Link href={`/films/${film.slug}#screenings`} className="underline">
              {entry.moreScreenings} more screening{entry.moreScreenings === 1 ? '' : 's'} of {film.title}
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}
