import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { getAccessAvailability, getScreeningDetail } from '@/domain/catalogue/screenings';
import { canBook } from '@/domain/inventory/availability';
import { FEATURE_LABEL_SHORT } from '@/domain/catalogue/features';
import { AGE_LABEL, formatCents, formatRuntime, listToText } from '@/lib/format';
import { accessSchemeInfo, accessSchemePath } from '@/domain/catalogue/access-schemes';
import { formatDateTime, formatDayLong, formatTime } from '@/lib/time';
import { FeatureList } from '@/components/screenings/FeatureList';
import { SaleStatusBadge } from '@/components/screenings/SaleStatusBadge';
import { SeatMapPreview } from '@/components/screenings/SeatMapPreview';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { Notice } from '@/components/ui/Notice';
import { accessAvailabilityText } from '@/components/access/AccessAvailabilityText';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const festival = await requireCurrentFestival();
  const s = await getScreeningDetail(festival, (await params).id);
  if (!s) return { title: 'Screening not found' };
  const title = `${s.title} — ${formatDateTime(s.startsAt, festival.timeZone)}`;
  return { title, description: `${s.title} at ${s.venue.name}.`, openGraph: { title, description: s.filmDetails[0]?.logline } };
}

export default async function ScreeningPage({ params }: { params: Params }) {
  const festival = await requireCurrentFestival();
  const s = await getScreeningDetail(festival, (await params).id);
  if (!s) notFound();
  const tz = festival.timeZone;
  const bookable = canBook(s.saleState);
  const access = (await getAccessAvailability(s.id)).filter((a) => a.allocated > 0 || a.released);

  return (
    <Container>
      <nav aria-label="Breadcrumb" className="mt-6 text-sm">
        <Link href="/" className="underline">
          Programme
        </Link>
        {s.films[0] ? (
          <>
            {' / '}
            <Link href={`/films/${s.films[0].slug}`} className="underline">
              {s.films[0].title}
            </Link>
          </>
        ) : null}
      </nav>
      <header className="mt-2">
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{s.title}</h1>
        <p className="mt-2 text-lg">
          <time dateTime={s.startsAt.toISOString()}>
            {formatDayLong(s.startsAt, tz)}, {formatTime(s.startsAt, tz)}
          </time>{' '}
          – <time dateTime={s.endsAt.toISOString()}>{formatTime(s.endsAt, tz)}</time>{' '}
          <span className="text-sm text-muted">({tz.replace('_', ' ')} time)</span>
        </p>
        <p>
          <Link href={`/venues/${s.venue.slug}`} className="font-semibold underline">
            {s.venue.name}
          </Link>
          , {s.venueDetail.addressLine}, {s.venueDetail.city}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <SaleStatusBadge state={s.saleState} />
          <FeatureList features={s.features} hasQa={s.hasQa} />
        </div>
      </header>

      {s.saleState === 'cancelled' ? (
        <div className="mt-4">
          <Notice title="This screening is cancelled" tone="warn">
            {s.cancellationNote ?? 'Ticket holders will be refunded.'}
          </Notice>
        </div>
      ) : null}
      {s.saleState === 'not_yet_on_sale' && s.onSaleAt ? (
        <div className="mt-4">
          <Notice title="Not on sale yet">Tickets go on sale {formatDateTime(s.onSaleAt, tz)}.</Notice>
        </div>
      ) : null}

      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          {s.filmDetails.map((f) => (
            <article key={f.slug} className="flex gap-4 rounded-lg border border-stone-300 bg-white p-4">
              {f.posterPath ? <Image src={f.posterPath} alt="" width={96} height={144} className="h-36 w-24 shrink-0 rounded" unoptimized /> : null}
              <div>
                <h2 className="font-serif text-xl font-bold">
                  <Link href={`/films/${f.slug}`} className="underline-offset-4 hover:underline">
                    {f.title}
                  </Link>
                </h2>
                {f.directors.length > 0 ? <p className="text-sm">Directed by {listToText(f.directors)}</p> : null}
                <p className="text-sm text-muted">
                  {[f.countries.join(', '), f.year, formatRuntime(f.runtimeMinutes)].filter(Boolean).join(' · ')}
                </p>
                <p className="text-sm text-muted">
                  {f.languages.length ? `In ${listToText(f.languages)}${f.subtitles ? ` with ${f.subtitles}` : ''}. ` : ''}
                  {AGE_LABEL[f.ageRestriction]}
                  {f.contentAdvisories.length ? `. Advisory: ${f.contentAdvisories.join(', ')}` : ''}
                </p>
                <p className="mt-2">{f.logline}</p>
              </div>
            </article>
          ))}
          {s.hasQa && s.guestNote ? (
            <section aria-labelledby="guests-heading">
              <h2 id="guests-heading" className="font-serif text-xl font-bold">
                Q&amp;A and guests
              </h2>
              <p>{s.guestNote}</p>
            </section>
          ) : null}
          {s.features.length > 0 ? (
            <section aria-labelledby="features-heading">
              <h2 id="features-heading" className="font-serif text-xl font-bold">
                Accessibility at this screening
              </h2>
              <ul className="ml-5 list-disc">
                {s.features.map((f) => (
                  <li key={f}>{FEATURE_LABEL_SHORT[f].long}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="venue-heading">
            <h2 id="venue-heading" className="font-serif text-xl font-bold">
              Getting there and access
            </h2>
            <p className="mt-1">
              {s.venueDetail.name}, {s.venueDetail.addressLine}, {s.venueDetail.city} {s.venueDetail.postalCode}
            </p>
            <p className="mt-1 text-sm">
              {s.venueDetail.stepFree ? 'Step-free access.' : 'Not step-free: see below.'}{' '}
              {s.venueDetail.hearingLoop ? 'Hearing loop.' : ''}
            </p>
            <p className="mt-1 text-sm leading-relaxed">{s.venueDetail.accessibilityInfo}</p>
          </section>
          {s.seatMap ? (
            <section aria-labelledby="seatmap-heading">
              <h2 id="seatmap-heading" className="font-serif text-xl font-bold">
                Seating
              </h2>
              <p className="mb-2 text-sm text-muted">Reserved seating: you choose your seats when you book.</p>
              <SeatMapPreview seats={s.seatMap} />
            </section>
          ) : (
            <p className="text-sm">General admission: seats are not reserved; doors open 30 minutes before the start.</p>
          )}
        </div>

        <aside aria-labelledby="tickets-heading" className="h-fit rounded-lg border border-stone-300 bg-white p-4">
          <h2 id="tickets-heading" className="font-serif text-xl font-bold">
            Tickets
          </h2>
          <table className="mt-2 w-full text-sm">
            <caption className="sr-only">Ticket prices, taxes and fees included</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1">
                  Ticket
                </th>
                <th scope="col" className="py-1 text-right">
                  Price
                </th>
              </tr>
            </thead>
            <tbody>
              {s.ticketTypes.map((t) => (
                <tr key={t.code} className="border-t border-stone-200">
                  <th scope="row" className="py-1 text-left font-normal">
                    {t.name}
                    {t.description ? <span className="block text-xs text-muted">{t.description}</span> : null}
                  </th>
                  <td className="py-1 text-right font-semibold">{formatCents(t.priceCents, festival.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-muted">Prices include taxes and fees.</p>
          <p className="mt-3 text-sm">
            {s.saleState === 'cancelled' || s.saleState === 'past'
              ? 'No tickets are sold for this screening.'
              : `${s.available} of ${s.capacity} places available.`}
          </p>
          <div className="mt-3">
            {bookable ? (
              <ButtonLink href={`/screenings/${s.id}/book`}>Book tickets</ButtonLink>
            ) : (
              <p className="font-semibold">
                <SaleStatusBadge state={s.saleState} />
              </p>
            )}
          </div>
          {access.length > 0 && s.saleState !== 'cancelled' && s.saleState !== 'past' ? (
            <div className="mt-4 border-t border-stone-200 pt-3 text-sm">
              <h3 className="font-semibold">Indigenous &amp; Community Access</h3>
              <ul className="mt-1 space-y-1">
                {access.map((a) => (
                  <li key={a.scheme}>
                    <span className="font-semibold">{accessSchemeInfo(a.scheme).label}:</span> {accessAvailabilityText(a, tz)}
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs text-muted">Places not claimed by the cut-off go back on general sale.</p>
              <p className="mt-1">
                <Link href={accessSchemePath('indigenous_access', s.films[0]?.slug ?? '')} className="underline">
                  {accessSchemeInfo('indigenous_access').title}
                </Link>{' '}
                {s.allocations.some((a) => a.scheme === 'indigenous_access' && a.quantity > 0) ? (
                  <>
                    (
                    <Link href={`/access/indigenous/${s.id}`} className="underline">
                      Claim Indigenous Access tickets
                    </Link>
                    ){' '}
                  </>
                ) : null}
                ·{' '}
                <Link href={accessSchemePath('community_access', s.films[0]?.slug ?? '')} className="underline">
                  {accessSchemeInfo('community_access').title}
                </Link>
              </p>
            </div>
          ) : null}
          {s.saleState !== 'cancelled' && s.saleState !== 'past' && s.allocations.some((a) => a.scheme === 'community_access' && a.quantity > 0) ? (
            <p className="mt-3 text-sm">
              <Link href={`/screenings/${s.id}/redeem`} className="font-semibold underline">
                Have an access code?
              </Link>{' '}
              Use it here for a free ticket.
            </p>
          ) : null}
        </aside>
      </div>
    </Container>
  );
}
