import type { FilmDetail } from '@/domain/catalogue/films';
import { CREDIT_LABEL } from '@/lib/format';

export function Credits({ credits }: { credits: FilmDetail['credits'] }) {
  if (credits.length === 0) return null;
  return (
    <section aria-labelledby="credits-heading">
      <h2 id="credits-heading" className="font-serif text-xl font-bold">
        Credits
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {credits.map((c) => (
          <div key={c.role} className="contents">
            <dt className="font-semibold">{CREDIT_LABEL[c.role]}</dt>
            <dd>{c.people.map((p) => p.name).join(', ')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
