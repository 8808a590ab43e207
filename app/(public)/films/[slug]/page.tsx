import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { listAccessAvailability } from '@/domain/catalogue/screenings';
import { getEnv } from '@/platform/env';
import { AGE_LABEL, PREMIERE_LABEL, formatRuntime, listToText } from '@/lib/format';
import { screeningEventsJsonLd, serializeJsonLd } from '@/web/json-ld';
import { AccessBlock } from '@/components/films/AccessBlock';
import { Credits } from '@/components/films/Credits';
import { RelatedFilms } from '@/components/films/RelatedFilms';
import { ScreeningList } from '@/components/screenings/ScreeningList';
import { Badge } from '@/components/ui/Badge';
import { Container } from '@/components/ui/Container';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const festival = await requireCurrentFestival();
  const film = await getFilmBySlug(festival, (await params).slug);
  if (!film) return { title: 'Film not found' };
  const description = film.logline || film.synopsis.slice(0, 200);
  return {
    title: film.title,
    description,
    alternates: { canonical: `/films/${film.slug}` },
    openGraph: {
      title: film.title,
      description,
      type: 'video.movie',
      url: `/films/${film.slug}`,
      images: film.posterPath ? [{ url: film.posterPath, width: 600, height: 900, alt: `Poster for ${film.title}` }] : undefined,
    },
    twitter: { card: 'summary_large_image', title: film.title, description },
  };
}

export default async function FilmPage({ params }: { params: Params }) {
  const festival = await requireCurrentFestival();
  const film = await getFilmBySlug(festival, (await params).slug);
  if (!film) notFound();

  const now = new Date();
  const upcoming = film.screenings.filter((s) => s.startsAt > now);
  const access = await listAccessAvailability(upcoming.map((s) => s.id));
  const premiere = PREMIERE_LABEL[film.premiereStatus];
  const jsonLd = screeningEventsJsonLd(film, upcoming, { baseUrl: getEnv().PUBLIC_BASE_URL, currency: festival.currency });
  const facts: [string, string][] = [
    ['Country', film.countries.join(', ')],
    ['Year', film.year ? String(film.year) : ''],
    ['Running time', formatRuntime(film.runtimeMinutes) ?? ''],
    ['Language', film.languages.length ? `In ${listToText(film.languages)}${film.subtitles ? ` with ${film.subtitles}` : ''}` : ''],
    ['Genre', film.genres.join(', ')],
    ['Audience', AGE_LABEL[film.ageRestriction] ?? ''],
    ['Content advisory', film.contentAdvisories.join(', ')],
  ];

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <div className="relative">
        {film.stillPath ? (
          <Image src={film.stillPath} alt="" width={1600} height={900} priority fetchPriority="high" className="h-40 w-full object-cover sm:h-64" unoptimized />
        ) : null}
      </div>
      <Container>
        <div className="mt-6 flex flex-col gap-6 md:flex-row">
          {film.posterPath ? (
            <Image
              src={film.posterPath}
              alt={`Poster for ${film.title}`}
              width={600}
              height={900}
              className="h-auto w-40 shrink-0 self-start rounded-md shadow md:w-56"
              unoptimized
            />
          ) : null}
          <div className="min-w-0 flex-1">
            <nav aria-label="Breadcrumb" className="text-sm">
              <Link href="/" className="underline">
                Programme
              </Link>
              {film.section ? (
                <>
                  {' / '}
                  <Link href={`/?section=${film.section.slug}`} className="underline">
                    {film.section.name}
                  </Link>
                </>
              ) : null}
            </nav>
            <h1 className="mt-2 font-serif text-4xl font-bold leading-tight">{film.title}</h1>
            {film.originalTitle && film.originalTitle !== film.title ? <p className="italic">{film.originalTitle}</p> : null}
            {film.directors.length > 0 ? <p className="mt-1 text-lg">Directed by {listToText(film.directors)}</p> : null}
            <div className="mt-2 flex flex-wrap gap-2">
              {film.section ? <Badge>{film.section.name}</Badge> : null}
              {premiere ? <Badge tone="info">{premiere}</Badge> : null}
            </div>
            <div className="mt-4 space-y-3 text-lg leading-relaxed">
              {film.synopsis.split(/\n\s*\n/).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
            {film.note ? <p className="mt-3 border-l-4 border-accent pl-3 text-sm">{film.note}</p> : null}
            {film.partners.length > 0 ? (
              <section aria-labelledby="partners-heading" className="mt-4">
                <h2 id="partners-heading" className="text-sm font-semibold uppercase tracking-wide text-accent">
                  Community Partner{film.partners.length > 1 ? 's' : ''}
                </h2>
                <ul className="mt-1 text-sm">
                  {film.partners.map((p) => (
                    <li key={p.slug}>
                      <span className="font-semibold">{p.name}</span> — {p.description}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {film.cast.length > 0 ? (
              <p className="mt-4">
                <span className="font-semibold">Cast: </span>
                {film.cast.map((c) => c.name).join(', ')}
              </p>
            ) : null}
            <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {facts
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="font-semibold">{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
            </dl>
          </div>
        </div>

        <section id="screenings" aria-labelledby="screenings-heading" className="mt-8 scroll-mt-4">
          <h2 id="screenings-heading" className="font-serif text-2xl font-bold">
            Book tickets
          </h2>
          <p className="text-sm text-muted">Times are in {festival.timeZone.replace('_', ' ')} time.</p>
          <div className="mt-3">
            <ScreeningList screenings={film.screenings} timeZone={festival.timeZone} />
          </div>
        </section>

        <div className="mt-8">
          <AccessBlock
            filmSlug={film.slug}
            timeZone={festival.timeZone}
            screenings={upcoming.filter((s) => s.status !== 'cancelled').map((s) => ({ id: s.id, startsAt: s.startsAt, venue: s.venue.name, access: access.get(s.id) ?? [] }))}
          />
        </div>

        <div className="mt-8 grid gap-8 md:grid-cols-2">
          <Credits credits={film.credits} />
          {film.directorProfiles.length > 0 ? (
            <section aria-labelledby="director-heading">
              <h2 id="director-heading" className="font-serif text-xl font-bold">
                Director
              </h2>
              {film.directorProfiles.map((d) => (
                <div key={d.slug} className="mt-2">
                  <h3 className="font-semibold">{d.name}</h3>
                  {d.bio ? <p className="mt-1 text-sm leading-relaxed">{d.bio}</p> : null}
                  {d.filmography.length > 0 ? (
                    <p className="mt-2 text-sm">
                      <span className="font-semibold">Filmography: </span>
                      {d.filmography.map((f) => `${f.title} (${f.year})`).join('; ')}
                    </p>
                  ) : null}
                </div>
              ))}
            </section>
          ) : null}
        </div>

        <div className="mt-10">
          <RelatedFilms films={film.related} />
        </div>
      </Container>
    </>
  );
}
