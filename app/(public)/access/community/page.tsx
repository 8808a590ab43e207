import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { formatDateTime } from '@/lib/time';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { AccessPageLinks } from '@/components/access/AccessPageLinks';

const scheme = accessSchemeInfo('community_access');

export const metadata: Metadata = { title: scheme.title, description: scheme.lead };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Community Access: how the places reach people (partners, access codes), and how an organisation joins. */
export default async function CommunityAccessPage({ searchParams }: { searchParams: SearchParams }) {
  const filmParam = (await searchParams).film;
  const festival = await requireCurrentFestival();
  const film = typeof filmParam === 'string' ? await getFilmBySlug(festival, filmParam) : null;
  const upcoming = film?.screenings.filter((s) => s.saleState !== 'past' && s.saleState !== 'cancelled') ?? [];

  return (
    <Container>
      <PageHeading lead={scheme.lead}>{scheme.title}</PageHeading>
      <div className="max-w-2xl space-y-8">
        <p>{scheme.body}</p>

        <section aria-labelledby="through-partner">
          <h2 id="through-partner" className="font-serif text-2xl font-bold">
            Getting a ticket through an organisation
          </h2>
          <p className="mt-2">
            If you are supported by a community organisation that partners with the festival (a youth centre, a settlement service, a
            housing or health organisation), ask them about Community Access. They can book free tickets in your name and print or
            email them to you, or give you an access code to use yourself.
          </p>
        </section>

        <section aria-labelledby="with-code">
          <h2 id="with-code" className="font-serif text-2xl font-bold">
            Have an access code?
          </h2>
          <p className="mt-2">
            An access code is for one free ticket at one screening. Open that screening’s page and choose “Have an access code?”. You
            only need a name and an email address for your ticket; no account, no payment.
          </p>
          {film ? (
            upcoming.length ? (
              <ul className="mt-3 space-y-2">
                {upcoming.map((s) => (
                  <li key={s.id}>
                    <Link href={`/screenings/${s.id}/redeem`} className="underline">
                      Use a code for {film.title}, {formatDateTime(s.startsAt, festival.timeZone)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-muted">{film.title} has no screenings left to use a code for.</p>
            )
          ) : null}
        </section>

        <section aria-labelledby="for-organisations">
          <h2 id="for-organisations" className="font-serif text-2xl font-bold">
            For community organisations
          </h2>
          <p className="mt-2">
            Verified partners receive places at the screenings they choose, claim tickets for the people they work with (names are
            optional), hand out access codes, and give back places they cannot use, up to two days before the screening, so that
            nothing goes to waste. After each screening the partner portal shows how many tickets were used.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <ButtonLink href="/partners/apply">Apply to become a partner</ButtonLink>
            <ButtonLink href="/partner/allotments" variant="secondary">
              Partner portal
            </ButtonLink>
          </div>
        </section>

        <AccessPageLinks film={film} />
      </div>
    </Container>
  );
}
