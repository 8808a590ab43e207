import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { INDIGENOUS_LIST_LIMIT, listIndigenousScreeningsForPage } from '@/domain/access/indigenous-views';
import { formatDayLong, formatIsoDateShort, formatTime, localDayRange } from '@/lib/time';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';

const scheme = accessSchemeInfo('indigenous_access');

export const metadata: Metadata = { title: scheme.title, description: scheme.lead };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Indigenous Access: what it is, how it works, and the screenings with places to claim (one film's, with ?film=slug). */
export default async function IndigenousAccessPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const filmParam = query.film;
  const filmSlug = typeof filmParam === 'string' && /^[a-z0-9-]{1,120}$/.test(filmParam) ? filmParam : undefined;
  const festival = await requireCurrentFestival();
  const tz = festival.timeZone;
  const film = filmSlug ? await getFilmBySlug(festival, filmSlug) : null;
  // One festival day at a time when asked (?day=): at a festival's size the whole list would not fit one page.
  const day = typeof query.day === 'string' && festival.days.includes(query.day) ? query.day : undefined;
  const screenings = await listIndigenousScreeningsForPage(festival.id, film?.slug, day ? localDayRange(day, tz) : undefined);
  const dayLink = (d?: string) => {
    const params = new URLSearchParams();
    if (film) params.set('film', film.slug);
    if (d) params.set('day', d);
    const q = params.toString();
    return `/access/indigenous${q ? `?${q}` : ''}`;
  };

  return (
    <Container>
      <PageHeading lead={scheme.lead}>{scheme.title}</PageHeading>
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <section aria-labelledby="how" className="space-y-3 leading-relaxed">
          <h2 id="how" className="font-serif text-2xl font-bold">
            How it works
          </h2>
          <p>
            At every screening of {festival.name}, places are set aside for First Nations, Métis and Inuit audience members. The tickets are free, and
            they are yours to claim.
          </p>
          <ol className="list-decimal space-y-2 pl-6">
            <li>Sign in with your email address: we send you a link, no password needed.</li>
            <li>Choose a screening below and how many tickets you need (usually up to two).</li>
            <li>
              Tick the box to say that you are First Nations, Métis or Inuit. That is all we ask: no proof, no status card, no question about your Nation
              or ancestry.
            </li>
            <li>Your tickets are confirmed at once and emailed to you, with a QR code, a PDF and a calendar file, just like any other ticket.</li>
          </ol>
          <p>
            We keep only the fact that these tickets were claimed through Indigenous Access. Festival staff do not see who claimed them, and our reports
            show numbers only.
          </p>
          <p>
            Plans change: you can cancel from <Link href="/account/requests" className="underline">My access requests</Link>, and the places go back for
            someone else. If a screening&rsquo;s places are all claimed, you can join its waiting list and we will email you if places come back.
          </p>
        </section>

        <section aria-labelledby="screenings">
          <h2 id="screenings" className="font-serif text-2xl font-bold">
            {film ? `Screenings of ${film.title}` : 'Upcoming screenings'}
          </h2>
          {film ? (
            <p className="mt-1 text-sm">
              <Link href={`/films/${film.slug}`} className="underline">
                Back to {film.title}
              </Link>{' '}
              ·{' '}
              <Link href="/access/indigenous" className="underline">
                All screenings
              </Link>
            </p>
          ) : null}
          <nav aria-label="Festival days" className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm">
            <Link href={dayLink()} aria-current={day ? undefined : 'page'} className={day ? 'underline' : 'font-semibold'}>
              All days
            </Link>
            {festival.days.map((d) => (
              <Link key={d} href={dayLink(d)} aria-current={day === d ? 'page' : undefined} className={day === d ? 'font-semibold' : 'underline'}>
                {formatIsoDateShort(d)}
              </Link>
            ))}
          </nav>
          {screenings.length === INDIGENOUS_LIST_LIMIT ? (
            <p className="mt-2 text-sm">These are the next {INDIGENOUS_LIST_LIMIT} screenings: choose a day to see the others.</p>
          ) : null}
          {screenings.length === 0 ? (
            <p className="mt-3">
              {day ? 'No screenings that day have Indigenous Access places.' : 'No upcoming screenings have Indigenous Access places at the moment. Please check back soon.'}
            </p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
              {screenings.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                  <div className="min-w-0">
                    <p className="font-semibold">{s.title}</p>
                    <p className="text-sm">
                      <time dateTime={s.startsAt.toISOString()}>
                        {formatDayLong(s.startsAt, tz)}, {formatTime(s.startsAt, tz)}
                      </time>{' '}
                      · {s.venueName}
                    </p>
                    <p className="text-sm">
                      {!s.open ? 'Claims have closed' : s.placesLeft === 0 ? 'All claimed: join the waiting list' : `${s.placesLeft} ${s.placesLeft === 1 ? 'place' : 'places'} left`}
                    </p>
                  </div>
                  {s.open ? (
                    <ButtonLink href={`/access/indigenous/${s.id}`} label={`${s.placesLeft === 0 ? 'Join the waiting list' : 'Claim tickets'}: ${s.title}, ${formatDayLong(s.startsAt, tz)} ${formatTime(s.startsAt, tz)}`}>
                      {s.placesLeft === 0 ? 'Join the waiting list' : 'Claim'}
                    </ButtonLink>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4 text-sm">
            <Link href="/access" className="underline">
              All access schemes
            </Link>
          </p>
        </section>
      </div>
    </Container>
  );
}
