import type { FilmDetail } from '@/domain/catalogue/films';
import type { ScreeningSummary } from '@/domain/catalogue/screenings';

/** schema.org ScreeningEvent objects for a film's screenings. */
export function screeningEventsJsonLd(
  film: FilmDetail,
  screenings: ScreeningSummary[],
  opts: { baseUrl: string; currency: string },
) {
  return screenings.map((s) => {
    const price = s.fromPriceCents ?? undefined;
    return {
      '@context': 'https://schema.org',
      '@type': 'ScreeningEvent',
      name: `${film.title} at ${s.venue.name}`,
      startDate: s.startsAt.toISOString(),
      endDate: s.endsAt.toISOString(),
      eventStatus: s.saleState === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      url: `${opts.baseUrl}/screenings/${s.id}`,
      location: {
        '@type': 'MovieTheater',
        name: s.venue.name,
        address: { '@type': 'PostalAddress', streetAddress: s.venue.addressLine, addressLocality: s.venue.city },
      },
      workPresented: {
        '@type': 'Movie',
        name: film.title,
        director: film.directors.map((name) => ({ '@type': 'Person', name })),
        dateCreated: film.year ? String(film.year) : undefined,
        duration: film.runtimeMinutes ? `PT${film.runtimeMinutes}M` : undefined,
        image: film.posterPath ? `${opts.baseUrl}${film.posterPath}` : undefined,
      },
      subtitleLanguage: film.subtitles ?? undefined,
      inLanguage: film.languages.join(', ') || undefined,
      offers:
        price === undefined
          ? undefined
          : {
              '@type': 'Offer',
              price: (price / 100).toFixed(2),
              priceCurrency: opts.currency,
              url: `${opts.baseUrl}/screenings/${s.id}/book`,
              availability:
                s.saleState === 'sold_out'
                  ? 'https://schema.org/SoldOut'
                  : s.saleState === 'on_sale' || s.saleState === 'few_left'
                    ? 'https://schema.org/InStock'
                    : 'https://schema.org/OutOfStock',
            },
    };
  });
}

/** JSON for a <script> element: `<` escaped so no string in the data can close the tag. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
