import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { createScreening } from '../../domain/catalogue/screening-commands';
import { DEFAULT_SCHEME_SETTINGS } from '../../domain/access/settings';
import { issueTickets } from '../../domain/orders/issue-tickets';
import { hashToken, newToken } from '../../platform/tokens';
import { accessSchemeSettings, festivals, films, seatSections, seats, sections, venues } from '../schema';
import { addDays, localDate, zonedTimeToUtc } from '../../lib/time';
import { SEED_FILMS } from './content';
import { layoutSeats } from './venues';

/**
 * A festival of real size to measure on (issue 10): about 250 films, 1,000 screenings, 10 venues over 12 days, with
 * sold tickets and live holds, created beside the demo festival under its own slug. Content is generated (titles from
 * word lists, posters borrowed from the demo films): it is for benchmarks, not for reading.
 */
export const LARGE_FESTIVAL = {
  slug: 'large-festival-2026',
  name: 'Large Test Festival',
  timeZone: 'America/Vancouver',
  currency: 'CAD',
  days: 12,
  films: 250,
  screenings: 1000,
} as const;

const ADJECTIVES = ['Silent', 'Northern', 'Last', 'Quiet', 'Burning', 'Paper', 'Hidden', 'Salt', 'Summer', 'Glass', 'Distant', 'Red', 'Broken', 'Golden', 'Wild', 'Small', 'Night', 'Open', 'Blue', 'Winter', 'Second', 'Lost', 'Bright', 'Slow', 'Hollow'];
const NOUNS = ['River', 'Harbour', 'Orchard', 'Station', 'Garden', 'Archive', 'Island', 'Letters', 'Mountain', 'Kitchen', 'Border', 'Choir', 'Season', 'Tide', 'Lantern', 'Field', 'Bridge', 'Signal', 'Window', 'Market'];
const COUNTRIES = ['Canada', 'Belgium', 'France', 'Japan', 'Mexico', 'Brazil', 'Kenya', 'India', 'Norway', 'Chile', 'South Korea', 'Iran'];
const LANGUAGES = ['English', 'French', 'Japanese', 'Spanish', 'Portuguese', 'Swahili', 'Hindi', 'Norwegian', 'Korean', 'Persian'];
const SECTIONS = [
  { slug: 'galas', name: 'Galas' },
  { slug: 'world-cinema', name: 'World Cinema' },
  { slug: 'canadian-front', name: 'Canadian Front' },
  { slug: 'documentaries', name: 'Documentaries' },
  { slug: 'shorts', name: 'Shorts' },
  { slug: 'midnight', name: 'Midnight' },
];
/** Start times: a slot every 115 minutes fits an 89-minute film, 10 minutes of introduction and the venue's 15-minute changeover. */
const SLOTS = ['09:00', '10:55', '12:50', '14:45', '16:40', '18:35', '20:30', '22:25', '00:20'];

/** Deterministic pseudo-random numbers, so two runs make the same festival. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type LargeSeedResult = { seeded: true; festivalId: string; films: number; screenings: number; ticketsSold: number; liveHolds: number } | { seeded: false; festivalId: string };

/** Creates the large festival once (its slug present means done). Takes a minute or two; logs progress. */
export async function seedLargeFestival(db: Database, now: Date = new Date(), log: (line: string) => void = () => undefined): Promise<LargeSeedResult> {
  const [existing] = await db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, LARGE_FESTIVAL.slug));
  if (existing) return { seeded: false, festivalId: existing.id };
  const rand = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const tz = LARGE_FESTIVAL.timeZone;
  const firstDay = addDays(localDate(now, tz), 3);

  const [festival] = await db
    .insert(festivals)
    .values({
      slug: LARGE_FESTIVAL.slug,
      name: LARGE_FESTIVAL.name,
      edition: '2026 edition',
      tagline: 'Twelve days, ten venues, two hundred and fifty films: the size of a real city festival.',
      startsOn: firstDay,
      endsOn: addDays(firstDay, LARGE_FESTIVAL.days - 1),
      timeZone: tz,
      currency: LARGE_FESTIVAL.currency,
    })
    .returning();
  const festivalId = festival!.id;
  await db.insert(accessSchemeSettings).values(
    (['indigenous_access', 'community_access', 'donated'] as const).map((scheme) => ({ festivalId, scheme, ...DEFAULT_SCHEME_SETTINGS[scheme], defaultShareBasisPoints: scheme === 'donated' ? 200 : 500 })),
  );
  const sectionRows = await db
    .insert(sections)
    .values(SECTIONS.map((s, position) => ({ festivalId, slug: s.slug, name: s.name, description: `The ${s.name} section.`, position })))
    .returning({ id: sections.id });

  const filmRows: { id: string; runtime: number }[] = [];
  const used = new Set<string>();
  for (let i = 0; i < LARGE_FESTIVAL.films; i++) {
    let title = `${pick(ADJECTIVES)} ${pick(NOUNS)}`;
    while (used.has(title)) title = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${used.size % 9 + 2}`;
    used.add(title);
    const demo = SEED_FILMS[i % SEED_FILMS.length]!;
    const runtime = 70 + Math.floor(rand() * 20);
    const [row] = await db
      .insert(films)
      .values({
        festivalId,
        sectionId: sectionRows[i % sectionRows.length]!.id,
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') + `-${i + 1}`,
        title,
        logline: `A generated film for the large test festival, number ${i + 1}: ${title.toLowerCase()} and the people around it.`,
        synopsis: `${title} is generated test content.\n\nIt exists so that the programme, the film pages and the box office can be measured at a real festival's size.`,
        countries: [pick(COUNTRIES)],
        year: 2024 + Math.floor(rand() * 3),
        runtimeMinutes: runtime,
        languages: [pick(LANGUAGES)],
        subtitles: 'English subtitles',
        genres: ['Drama'],
        posterPath: `/posters/${demo.slug}.svg`,
        stillPath: `/stills/${demo.slug}.svg`,
      })
      .returning({ id: films.id });
    filmRows.push({ id: row!.id, runtime });
  }
  log(`[seed:large] ${filmRows.length} films`);

  // Ten venues: six reserved houses of 120 to 420 seats, four general-admission rooms.
  const venueRows: { id: string }[] = [];
  for (let v = 0; v < 10; v++) {
    const reserved = v < 6;
    const [row] = await db
      .insert(venues)
      .values({
        festivalId,
        slug: `venue-${v + 1}`,
        name: `${pick(ADJECTIVES)} ${reserved ? 'Cinema' : 'Hall'} ${v + 1}`,
        addressLine: `${100 + v * 37} Main Street`,
        city: 'Vancouver, BC',
        postalCode: 'V6B 1A1',
        description: 'A generated venue of the large test festival.',
        accessibilityInfo: 'Step-free entrance; wheelchair spaces in the last row.',
        stepFree: true,
        hearingLoop: v % 2 === 0,
        seating: reserved ? 'reserved' : 'general_admission',
        capacity: reserved ? null : 80 + v * 30,
      })
      .returning({ id: venues.id });
    venueRows.push(row!);
    if (reserved) {
      const rowsCount = 8 + v * 3;
      const layout = layoutSeats(
        Array.from({ length: rowsCount }, (_, r) => ({
          row: String.fromCharCode(65 + (r % 26)) + (r >= 26 ? String(Math.floor(r / 26)) : ''),
          section: 'Stalls',
          blocks: [5, 5],
          special: r === rowsCount - 1 ? { 1: 'wheelchair' as const, 2: 'companion' as const } : undefined,
        })),
      );
      const [section] = await db.insert(seatSections).values({ venueId: row!.id, name: 'Stalls', position: 0 }).returning({ id: seatSections.id });
      await db.insert(seats).values(layout.map((s) => ({ venueId: row!.id, sectionId: section!.id, rowLabel: s.row, seatNumber: s.number, kind: s.kind, x: s.x, y: s.y })));
    }
  }

  const settings = { appSecret: 'seed-large', baseUrl: 'http://localhost', holdMinutes: 10, emailStatus: 'stored' as const };
  let screeningsMade = 0;
  let ticketsSold = 0;
  let liveHolds = 0;
  for (let day = 0; day < LARGE_FESTIVAL.days && screeningsMade < LARGE_FESTIVAL.screenings; day++) {
    for (let slot = 0; slot < SLOTS.length && screeningsMade < LARGE_FESTIVAL.screenings; slot++) {
      for (let v = 0; v < venueRows.length && screeningsMade < LARGE_FESTIVAL.screenings; v++) {
        const film = filmRows[(screeningsMade * 7 + v) % filmRows.length]!;
        const startDay = SLOTS[slot]! < '05:00' ? addDays(firstDay, day + 1) : addDays(firstDay, day);
        const startsAt = zonedTimeToUtc(startDay, SLOTS[slot]!, tz);
        const made = await createScreening(db, {
          festivalId,
          venueId: venueRows[v]!.id,
          filmIds: [film.id],
          startsAt,
          endsAt: new Date(startsAt.getTime() + (film.runtime + 10) * 60_000),
          status: 'on_sale',
          onSaleAt: new Date(now.getTime() - 86_400_000),
          ticketTypes: [
            { code: 'adult', name: 'Adult', priceCents: 1600 },
            { code: 'youth', name: 'Student / Youth', priceCents: 1100 },
          ],
        });
        if (!made.ok) throw new Error(`seed:large: screening ${screeningsMade}: ${made.message}`);
        screeningsMade += 1;
        // Sales: most screenings a few orders, one in twelve sold out.
        const soldOut = screeningsMade % 12 === 0;
        await db.transaction(async (tx) => {
          const [pool] = await tx.execute<{ capacity: number; adult: string }>(sql`
            SELECT p.capacity, (SELECT id FROM ticket_types WHERE screening_id = ${made.screeningId} AND code = 'adult') AS adult
            FROM inventory_pools p WHERE p.screening_id = ${made.screeningId} AND p.kind = 'standard'`);
          const orders = soldOut ? Math.ceil(pool!.capacity / 6) : 1 + Math.floor(rand() * 4);
          for (let o = 0; o < orders; o++) {
            const issued = await issueTickets(
              tx,
              {
                screeningId: made.screeningId,
                pool: 'standard',
                lines: [{ ticketTypeId: pool!.adult, quantity: soldOut ? 6 : 2 }],
                buyer: { name: `Buyer ${screeningsMade}-${o}`, email: `buyer${screeningsMade}-${o}@large.example.org` },
                source: 'online',
                payment: { method: 'cash', amountCents: (soldOut ? 6 : 2) * 1600 },
                sendEmail: false,
              },
              settings,
            );
            if (!issued.ok) break;
            ticketsSold += issued.tickets.length;
          }
          // A live hold on general-admission screenings that still have room: what a busy on-sale morning looks like.
          if (!soldOut && v >= 6) {
            const held = await tx.execute(sql`UPDATE inventory_pools SET held = held + 2
              WHERE screening_id = ${made.screeningId} AND kind = 'standard' AND held + sold + 2 <= capacity RETURNING 1`);
            if (held.length > 0) {
              await tx.execute(sql`INSERT INTO holds (id, screening_id, pool_kind, status, quantity, token_hash, client_key, expires_at)
                VALUES (gen_random_uuid(), ${made.screeningId}, 'standard', 'active', 2, ${hashToken(newToken())}, 'seed-large', now() + interval '10 minutes')`);
              liveHolds += 1;
            }
          }
        });
      }
    }
    log(`[seed:large] day ${day + 1}: ${screeningsMade} screenings, ${ticketsSold} tickets sold`);
  }
  return { seeded: true, festivalId, films: filmRows.length, screenings: screeningsMade, ticketsSold, liveHolds };
}
