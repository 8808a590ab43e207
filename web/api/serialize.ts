import type { FilmCard, FilmDetail } from '@/domain/catalogue/films';
import type { ScreeningDetail, ScreeningSummary } from '@/domain/catalogue/screenings';
import { SALE_STATE_LABEL } from '@/domain/inventory/availability';
import { formatDateTime } from '@/lib/time';

export function serializeFilmCard(f: FilmCard) {
  return {
    slug: f.slug,
    title: f.title,
    logline: f.logline,
    year: f.year,
    runtimeMinutes: f.runtimeMinutes,
    countries: f.countries,
    languages: f.languages,
    directors: f.directors,
    section: f.section,
    posterUrl: f.posterPath,
    url: `/films/${f.slug}`,
  };
}

export function serializeScreening(s: ScreeningSummary, timeZone: string) {
  return {
    id: s.id,
    title: s.title,
    films: s.films,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    localDate: s.day,
    localStart: formatDateTime(s.startsAt, timeZone),
    timeZone,
    status: s.status,
    saleState: s.saleState,
    saleStateLabel: SALE_STATE_LABEL[s.saleState],
    onSaleAt: s.onSaleAt?.toISOString() ?? null,
    available: s.available,
    capacity: s.capacity,
    fromPriceCents: s.fromPriceCents,
    hasQa: s.hasQa,
    features: s.features,
    venue: { slug: s.venue.slug, name: s.venue.name, seating: s.venue.seating },
    url: `/screenings/${s.id}`,
  };
}

export function serializeFilmDetail(f: FilmDetail, timeZone: string) {
  return {
    ...serializeFilmCard(f),
    originalTitle: f.originalTitle,
    synopsis: f.synopsis,
    subtitles: f.subtitles,
    premiereStatus: f.premiereStatus,
    genres: f.genres,
    contentAdvisories: f.contentAdvisories,
    ageRestriction: f.ageRestriction,
    note: f.note,
    stillUrl: f.stillPath,
    credits: f.credits.map((c) => ({ role: c.role, people: c.people.map((p) => p.name) })),
    cast: f.cast.map((c) => c.name),
    directorProfiles: f.directorProfiles.map((d) => ({ name: d.name, bio: d.bio, filmography: d.filmography })),
    partners: f.partners.map((p) => ({ slug: p.slug, name: p.name })),
    related: f.related.map((r) => ({ slug: r.slug, title: r.title, url: `/films/${r.slug}` })),
    screenings: f.screenings.map((s) => serializeScreening(s, timeZone)),
  };
}

export function serializeScreeningDetail(s: ScreeningDetail, timeZone: string) {
  return {
    ...serializeScreening(s, timeZone),
    venue: {
      slug: s.venueDetail.slug,
      name: s.venueDetail.name,
      seating: s.venue.seating,
      address: `${s.venueDetail.addressLine}, ${s.venueDetail.city} ${s.venueDetail.postalCode ?? ''}`.trim(),
      accessibilityInfo: s.venueDetail.accessibilityInfo,
      stepFree: s.venueDetail.stepFree,
      hearingLoop: s.venueDetail.hearingLoop,
    },
    guestNote: s.guestNote,
    cancellationNote: s.cancellationNote,
    ticketTypes: s.ticketTypes,
    // The published field is still called `programme` (API compatibility); its values are the access schemes.
    accessAllocations: s.allocations.map(({ scheme, quantity, remaining }) => ({ programme: scheme, quantity, remaining })),
    seats: s.seatMap?.map((seat) => ({ id: seat.id, section: seat.section, row: seat.row, number: seat.number, kind: seat.kind, state: seat.state })) ?? null,
  };
}
