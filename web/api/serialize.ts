import type { FilmCard, FilmDetail } from '@/domain/catalogue/films';
import type { AccessAvailability, ScreeningDetail, ScreeningSummary } from '@/domain/catalogue/screenings';
import { SALE_STATE_LABEL } from '@/domain/inventory/availability';
import { formatDateTime } from '@/lib/time';
import { z } from '@/web/api/openapi/zod';
import { AccessAvailabilityBody, serializeAccessAvailability } from '@/web/api/serialize-access';

/*
 * The bodies of the catalogue's API responses: each zod schema is both the OpenAPI component (its name in
 * `.openapi()`) and the return type of its serializer, so a field cannot be added, dropped or retyped in one without
 * the other. The schemas are not parsed at run time.
 */

const nullableString = z.string().nullable();
const nullableInteger = z.number().int().nullable();
const strings = z.array(z.string());
const slugAndTitle = z.object({ slug: z.string(), title: z.string() });

export const FilmCardBody = z
  .object({
    slug: z.string(),
    title: z.string(),
    logline: z.string(),
    year: nullableInteger,
    runtimeMinutes: nullableInteger,
    countries: strings,
    languages: strings,
    directors: strings,
    section: z.object({ slug: z.string(), name: z.string() }).nullable(),
    posterUrl: nullableString,
    url: z.string(),
  })
  .openapi('FilmCard');
export type FilmCardBody = z.infer<typeof FilmCardBody>;

export function serializeFilmCard(f: FilmCard): FilmCardBody {
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

const venueSummary = z.object({ slug: z.string(), name: z.string(), seating: z.string() });

export const ScreeningBody = z
  .object({
    id: z.guid(),
    title: z.string(),
    films: z.array(slugAndTitle),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    localDate: z.iso.date(),
    localStart: z.string(),
    timeZone: z.string(),
    status: z.enum(['scheduled', 'on_sale', 'off_sale', 'cancelled']),
    saleState: z.enum(['on_sale', 'few_left', 'sold_out', 'off_sale', 'cancelled', 'not_yet_on_sale', 'past']),
    saleStateLabel: z.string(),
    onSaleAt: z.iso.datetime().nullable(),
    available: z.number().int().openapi({ description: 'Standard places that can be bought now' }),
    capacity: z.number().int(),
    fromPriceCents: nullableInteger,
    hasQa: z.boolean(),
    features: strings,
    venue: venueSummary,
    url: z.string(),
  })
  .openapi('Screening');
export type ScreeningBody = z.infer<typeof ScreeningBody>;

export function serializeScreening(s: ScreeningSummary, timeZone: string): ScreeningBody {
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

export const FilmDetailBody = FilmCardBody.extend({
  originalTitle: nullableString,
  synopsis: z.string(),
  subtitles: nullableString,
  // The domain reads these two as plain strings: the enum is documented, not checked.
  premiereStatus: z.string().openapi({ enum: ['world', 'international', 'north_american', 'canadian', 'regional', 'none'] }),
  genres: strings,
  contentAdvisories: strings,
  ageRestriction: z.string().openapi({ enum: ['all_ages', '13_plus', '16_plus', '18_plus'] }),
  note: nullableString,
  stillUrl: nullableString,
  credits: z.array(z.object({ role: z.string(), people: strings })),
  cast: strings,
  directorProfiles: z.array(
    z.object({ name: z.string(), bio: nullableString, filmography: z.array(z.object({ title: z.string(), year: z.number().int() })) }),
  ),
  partners: z.array(z.object({ slug: z.string(), name: z.string() })),
  related: z.array(slugAndTitle.extend({ url: z.string() })),
  screenings: z.array(ScreeningBody),
}).openapi('FilmDetail');
export type FilmDetailBody = z.infer<typeof FilmDetailBody>;

export function serializeFilmDetail(f: FilmDetail, timeZone: string): FilmDetailBody {
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

export const ScreeningDetailBody = ScreeningBody.extend({
  venue: venueSummary.extend({ address: z.string(), accessibilityInfo: z.string(), stepFree: z.boolean(), hearingLoop: z.boolean() }),
  guestNote: nullableString,
  cancellationNote: nullableString,
  ticketTypes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: nullableString,
      priceCents: z.number().int().openapi({ description: 'All-in price' }),
      available: z.number().int(),
    }),
  ),
  accessAllocations: z.array(
    z.object({ programme: z.enum(['indigenous_access', 'community_access', 'donated']), quantity: z.number().int(), remaining: z.number().int() }),
  ),
  seats: z
    .array(
      z.object({
        id: z.guid(),
        section: z.string(),
        row: z.string(),
        number: z.number().int(),
        kind: z.enum(['standard', 'wheelchair', 'companion', 'aisle']),
        state: z.enum(['available', 'held', 'sold', 'blocked']),
      }),
    )
    .nullable(),
  access: z.array(AccessAvailabilityBody).openapi({ description: 'Honest availability per access scheme, with its cut-off' }),
}).openapi('ScreeningDetail');
export type ScreeningDetailBody = z.infer<typeof ScreeningDetailBody>;

export function serializeScreeningDetail(s: ScreeningDetail, timeZone: string, access: readonly AccessAvailability[]): ScreeningDetailBody {
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
    access: access.map(serializeAccessAvailability),
  };
}
