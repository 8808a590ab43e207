import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getFilmBySlug } from '@/domain/catalogue/films';
import { accessSchemeInfo } from '@/domain/catalogue/access-schemes';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { PageHeading } from '@/components/ui/PageHeading';
import { AccessPageLinks } from '@/components/access/AccessPageLinks';

const page = accessSchemeInfo('donated');

export const metadata: Metadata = { title: page.title, description: page.lead };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Ticket Donation Requests, for community partner organisations: how to ask, what happens next, and how to become a partner. */
export default async function DonationRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const filmParam = (await searchParams).film;
  const filmSlug = typeof filmParam === 'string' ? filmParam : undefined;
  const festival = await requireCurrentFestival();
  const film = filmSlug ? await getFilmBySlug(festival, filmSlug) : null;

  return (
    <Container>
      <PageHeading lead={page.lead}>{page.title}</PageHeading>
      <div className="max-w-2xl space-y-6">
        <p>{page.body}</p>
        {film ? (
          <p>
            To ask for tickets to {film.title}, choose one of its screenings on the request form, or give the days that suit the people you work with.
          </p>
        ) : null}

        <section aria-labelledby="how-heading">
          <h2 id="how-heading" className="font-serif text-2xl font-bold">
            How to ask
          </h2>
          <ol className="mt-2 list-decimal space-y-2 pl-6">
            <li>Sign in with your organisation&apos;s partner account (we email you a sign-in link; there is no password).</li>
            <li>Choose one or more screenings, or a range of days when any screening would do.</li>
            <li>Tell us how many tickets you need (up to 50), who they are for, any accessibility needs such as wheelchair spaces or captions, and who we should contact.</li>
            <li>
              Festival staff read every request. We email your contact either way: the tickets, all or some of them, or the reason we could not help this time. You can
              follow each request&apos;s status in the partner portal and withdraw it until we decide.
            </li>
            <li>Approved tickets appear in the partner portal. Add each guest&apos;s name, then print the tickets or forward them.</li>
          </ol>
          <p className="mt-4">
            <ButtonLink href="/partner/requests/new">Ask for donated tickets</ButtonLink>
          </p>
        </section>

        <section aria-labelledby="fair-heading">
          <h2 id="fair-heading" className="font-serif text-2xl font-bold">
            When more is asked than we have
          </h2>
          <p className="mt-2">
            Tickets are paid for by the access fund, which our audience gives to, at each screening&apos;s full price, and come from places set aside at every screening.
            When requests for one screening ask for more than is left, we hold a fair draw: each request is granted whole or not at all, and the draw&apos;s seed and
            outcome are recorded so that anyone can check it.
          </p>
        </section>

        <section aria-labelledby="partner-heading">
          <h2 id="partner-heading" className="font-serif text-2xl font-bold">
            Not a partner yet?
          </h2>
          <p className="mt-2">
            Community organisations, charities and support services are welcome.{' '}
            <Link href="/partners/apply" className="underline">
              Apply to become a community partner
            </Link>
            ; once we have verified your organisation, you can ask for tickets.
          </p>
        </section>

        <AccessPageLinks film={film} />
      </div>
    </Container>
  );
}
