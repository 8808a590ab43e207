import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client';
import { createScreening } from '../../domain/catalogue/screening-commands';
import { DEFAULT_SCHEME_SETTINGS } from '../../domain/access/settings';
import { moveFund } from '../../domain/access-fund/ledger';
import {
  accessSchemeSettings,
  donations,
  festivals,
  filmCast,
  filmCredits,
  filmPartners,
  films,
  organisations,
  people,
  relatedFilms,
  seatSections,
  seats,
  sections,
  venues,
} from '../schema';
import { addDays, localDate, zonedTimeToUtc } from '../../lib/time';
import { SEED_FILMS, SEED_ORGANISATIONS, SEED_PEOPLE, SEED_SECTIONS } from './content';
import { seedDemoAccounts } from './accounts';
import { SEED_SCHEDULE } from './schedule';
import { SEED_VENUES } from './venues';

export const DEMO_FESTIVAL = {
  slug: 'harbourfront-2026',
  name: 'Harbourfront Film Festival',
  edition: '2026 edition',
  tagline: 'Six days of new cinema from around the world, in four venues across Vancouver.',
  timeZone: 'America/Vancouver',
  currency: 'CAD',
  days: 6,
  /** The festival opens this many days after the seed runs, so the demo is always upcoming. */
  opensInDays: 4,
} as const;

const SEED_LOCK_KEY = 7_411_003;

const PRICES = {
  standard: [
    { code: 'adult', name: 'Adult', priceCents: 1800 },
    { code: 'senior', name: 'Senior (65+)', priceCents: 1500 },
    { code: 'youth', name: 'Student / Youth', description: 'Students with ID and anyone under 25', priceCents: 1200 },
  ],
  gala: [
    { code: 'adult', name: 'Adult', priceCents: 2800 },
    { code: 'senior', name: 'Senior (65+)', priceCents: 2500 },
    { code: 'youth', name: 'Student / Youth', description: 'Students with ID and anyone under 25', priceCents: 2200 },
  ],
  music: [
    { code: 'adult', name: 'Adult', priceCents: 4500 },
    { code: 'senior', name: 'Senior (65+)', priceCents: 4000 },
    { code: 'youth', name: 'Student / Youth', description: 'Students with ID and anyone under 25', priceCents: 3500 },
  ],
};

const ALLOCATIONS: Record<string, { indigenous_access: number; community_access: number; donated: number }> = {
  'lumen-cinema': { indigenous_access: 6, community_access: 8, donated: 4 },
  'harbour-hall': { indigenous_access: 10, community_access: 12, donated: 6 },
  'studio-theatre': { indigenous_access: 2, community_access: 3, donated: 2 },
  'fir-street-annex': { indigenous_access: 3, community_access: 4, donated: 2 },
};

export type SeedResult = { seeded: true; festivalId: string; screenings: number } | { seeded: false; festivalId: string };

/**
 * Seeds the demo festival once. Idempotent: a festival with the demo slug
 * means the seed already ran (under an advisory lock, so two instances
 * starting together seed it once).
 */
export async function seedDemoFestival(db: Database, now: Date = new Date(), opts: { demoAccounts: boolean } = { demoAccounts: true }): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, DEMO_FESTIVAL.slug));
    if (existing) {
      // Accounts came after the first demo databases were seeded; adding them is idempotent.
      if (opts.demoAccounts) await seedDemoAccounts(tx);
      return { seeded: false, festivalId: existing.id };
    }

    const tz = DEMO_FESTIVAL.timeZone;
    const firstDay = addDays(localDate(now, tz), DEMO_FESTIVAL.opensInDays);
    const [festival] = await tx
      .insert(festivals)
      .values({
        slug: DEMO_FESTIVAL.slug,
        name: DEMO_FESTIVAL.name,
        edition: DEMO_FESTIVAL.edition,
        tagline: DEMO_FESTIVAL.tagline,
        startsOn: firstDay,
        endsOn: addDays(firstDay, DEMO_FESTIVAL.days - 1),
        timeZone: tz,
        currency: DEMO_FESTIVAL.currency,
      })
      .returning();
    if (!festival) throw new Error('festival insert returned no row');
    // The demo festival's access rules: 5% Indigenous Access, 5% Community Access and 2% donated places by default
    // (each demo screening sets its own below), and the default cut-offs and limits.
    await tx.insert(accessSchemeSettings).values(
      (['indigenous_access', 'community_access', 'donated'] as const).map((scheme) => ({
        festivalId: festival.id,
        scheme,
        ...DEFAULT_SCHEME_SETTINGS[scheme],
        defaultShareBasisPoints: scheme === 'donated' ? 200 : 500,
      })),
    );

    const sectionIds = new Map<string, string>();
    for (const [position, s] of SEED_SECTIONS.entries()) {
      const [row] = await tx
        .insert(sections)
        .values({ festivalId: festival.id, slug: s.slug, name: s.name, description: s.description, position })
        .returning({ id: sections.id });
      sectionIds.set(s.slug, row!.id);
    }

    const orgIds = new Map<string, string>();
    for (const o of SEED_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ slug: o.slug, name: o.name, description: o.description, website: o.website ?? null })
        .onConflictDoUpdate({ target: organisations.slug, set: { name: o.name } })
        .returning({ id: organisations.id });
      orgIds.set(o.slug, row!.id);
    }

    const personIds = new Map<string, string>();
    for (const p of SEED_PEOPLE) {
      const [row] = await tx
        .insert(people)
        .values({ slug: p.slug, name: p.name, bio: p.bio ?? null, filmography: p.filmography ?? [] })
        .onConflictDoUpdate({ target: people.slug, set: { name: p.name } })
        .returning({ id: people.id });
      personIds.set(p.slug, row!.id);
    }
    const person = (slug: string) => {
      const id = personIds.get(slug);
      if (!id) throw new Error(`seed: unknown person ${slug}`);
      return id;
    };

    const filmIds = new Map<string, string>();
    const runtimes = new Map<string, number>();
    for (const f of SEED_FILMS) {
      const [row] = await tx
        .insert(films)
        .values({
          festivalId: festival.id,
          sectionId: sectionIds.get(f.section) ?? null,
          slug: f.slug,
          title: f.title,
          originalTitle: f.originalTitle ?? null,
          logline: f.logline,
          synopsis: f.synopsis,
          countries: f.countries,
          year: f.year,
          runtimeMinutes: f.runtimeMinutes,
          languages: f.languages,
          subtitles: f.subtitles,
          premiereStatus: f.premiereStatus,
          genres: f.genres,
          contentAdvisories: f.contentAdvisories,
          ageRestriction: f.ageRestriction,
          note: f.note ?? null,
          posterPath: `/posters/${f.slug}.svg`,
          stillPath: `/stills/${f.slug}.svg`,
        })
        .returning({ id: films.id });
      filmIds.set(f.slug, row!.id);
      runtimes.set(f.slug, f.runtimeMinutes);
      if (f.credits.length > 0) {
        await tx.insert(filmCredits).values(
          f.credits.map((c, position) => ({ filmId: row!.id, personId: person(c.person), role: c.role, position })),
        );
      }
      if (f.cast.length > 0) {
        await tx.insert(filmCast).values(f.cast.map((c, position) => ({ filmId: row!.id, personId: person(c), position })));
      }
      if (f.partners.length > 0) {
        await tx.insert(filmPartners).values(
          f.partners.map((o) => {
            const organisationId = orgIds.get(o);
            if (!organisationId) throw new Error(`seed: unknown organisation ${o}`);
            return { filmId: row!.id, organisationId };
          }),
        );
      }
    }
    for (const f of SEED_FILMS) {
      if (f.related.length === 0) continue;
      await tx.insert(relatedFilms).values(
        f.related.map((r, position) => {
          const relatedFilmId = filmIds.get(r);
          if (!relatedFilmId) throw new Error(`seed: unknown related film ${r}`);
          return { filmId: filmIds.get(f.slug)!, relatedFilmId, position };
        }),
      );
    }

    const venueIds = new Map<string, string>();
    for (const v of SEED_VENUES) {
      const [row] = await tx
        .insert(venues)
        .values({
          festivalId: festival.id,
          slug: v.slug,
          name: v.name,
          addressLine: v.addressLine,
          city: v.city,
          postalCode: v.postalCode,
          description: v.description,
          accessibilityInfo: v.accessibilityInfo,
          stepFree: v.stepFree,
          hearingLoop: v.hearingLoop,
          seating: v.seating,
          capacity: v.capacity,
        })
        .returning({ id: venues.id });
      venueIds.set(v.slug, row!.id);
      const sectionNames = [...new Set(v.seats.map((s) => s.section))];
      const seatSectionIds = new Map<string, string>();
      for (const [position, name] of sectionNames.entries()) {
        const [sec] = await tx.insert(seatSections).values({ venueId: row!.id, name, position }).returning({ id: seatSections.id });
        seatSectionIds.set(name, sec!.id);
      }
      if (v.seats.length > 0) {
        await tx.insert(seats).values(
          v.seats.map((s) => ({
            venueId: row!.id,
            sectionId: seatSectionIds.get(s.section)!,
            rowLabel: s.row,
            seatNumber: s.number,
            kind: s.kind,
            x: s.x,
            y: s.y,
          })),
        );
      }
    }

    if (opts.demoAccounts) await seedDemoAccounts(tx);

    let count = 0;
    for (const entry of SEED_SCHEDULE) {
      const startsAt = zonedTimeToUtc(addDays(firstDay, entry.day), entry.time, tz);
      const runtime = runtimes.get(entry.film);
      if (runtime === undefined) throw new Error(`seed: unknown film ${entry.film}`);
      const minutes = runtime + 10 + (entry.qa ? 30 : 0);
      const onSaleAt = entry.onSaleInDays
        ? new Date(now.getTime() + entry.onSaleInDays * 86_400_000)
        : new Date(now.getTime() - 86_400_000);
      const music = entry.film === 'laura-crema-sings-lorenz-hart';
      const result = await createScreening(tx, {
        festivalId: festival.id,
        venueId: venueIds.get(entry.venue)!,
        filmIds: [filmIds.get(entry.film)!],
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        status: entry.status ?? (entry.onSaleInDays ? 'scheduled' : 'on_sale'),
        onSaleAt,
        hasQa: Boolean(entry.qa),
        guestNote: entry.qa,
        features: entry.features ?? [],
        cancellationNote: entry.cancellationNote,
        ticketTypes: music ? PRICES.music : entry.gala ? PRICES.gala : PRICES.standard,
        allocations: ALLOCATIONS[entry.venue] ?? {},
      });
      if (!result.ok) throw new Error(`seed: screening ${entry.film} day ${entry.day}: ${result.message}`);
      count += 1;
    }
    if (opts.demoAccounts) await seedDemoDonations(tx, festival.id);
    return { seeded: true, festivalId: festival.id, screenings: count };
  });
}

/** A few paid gifts, so that the demo's access fund page and the review queue start with a balance to work with. */
const DEMO_DONATIONS = [
  { name: 'Demo donor (ten tickets)', amountCents: 18_000, tickets: 10 },
  { name: 'Demo donor (at checkout)', amountCents: 3_600, tickets: 2 },
  { name: 'Demo donor (an amount)', amountCents: 25_000, tickets: 0 },
];

async function seedDemoDonations(tx: Transaction, festivalId: string) {
  for (const d of DEMO_DONATIONS) {
    const [row] = await tx
      .insert(donations)
      .values({ festivalId, amountCents: d.amountCents, tickets: d.tickets, currency: DEMO_FESTIVAL.currency, donorName: d.name, donorEmail: 'donor@demo.example.org', status: 'paid', paidAt: new Date() })
      .returning({ id: donations.id });
    // Through the fund's one way of changing, like every real gift.
    await moveFund(tx, { festivalId, kind: 'donation', amountCents: d.amountCents, donationId: row!.id, note: 'Demo data' });
  }
}
