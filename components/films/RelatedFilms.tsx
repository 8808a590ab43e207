import Image from 'next/image';
import Link from 'next/link';
import type { FilmCard } from '@/domain/catalogue/films';

export function RelatedFilms({ films }: { films: FilmCard[] }) {
  if (films.length === 0) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading" className="font-serif text-xl font-bold">
        You may also like
      </h2>
      <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {films.map((f) => (
          <li key={f.slug} className="flex gap-3 rounded-md border border-stone-300 bg-white p-3">
            {f.posterPath ? <Image src={f.posterPath} alt="" width={64} height={96} className="h-24 w-16 shrink-0 rounded" unoptimized /> : null}
            <div>
              <Link href={`/films/${f.slug}`} className="font-semibold underline-offset-4 hover:underline">
                {f.title}
              </Link>
              <p className="text-sm text-muted">{f.logline}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
