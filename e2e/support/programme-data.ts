import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { sections, venues } from '@/db/schema';
import { createFilm, createTestScreening, uniq } from '../../tests/support/factories';

interface FestivalRef {
  id: string;
  timeZone: string;
  startsOn: string;
  days: string[];
}

async function venueId(db: Database, festivalId: string, slug: string) {
  const [v] = await db.select({ id: venues.id }).from(venues).where(and(eq(venues.festivalId, festivalId), eq(venues.slug, slug)));
  return v!.id;
}

/**
 * A film of its own in the demo festival's Panorama, from a country no other
 * film has, with one reserved-seating screening and one general-admission one.
 */
export async function createBrowsableFilm(db: Database, festival: FestivalRef, o: { day: number; time: string }) {
  const [panorama] = await db
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.festivalId, festival.id), eq(sections.slug, 'panorama')));
  const token = uniq('e2e').slice(4);
  const country = `Testland ${token}`;
  const film = await createFilm(db, festival.id, {
    title: `Lanterns ${token}`,
    sectionId: panorama!.id,
    countries: [country],
    languages: ['Icelandic'],
    director: `Director ${token}`,
  });
  const reserved = await createTestScreening(db, festival, {
    venueId: await venueId(db, festival.id, 'lumen-cinema'),
    filmIds: [film.id],
    day: o.day,
    time: o.time,
    features: ['open_captions'],
  });
  const ga = await createTestScreening(db, festival, {
    venueId: await venueId(db, festival.id, 'harbour-hall'),
    filmIds: [film.id],
    day: o.day + 1,
    time: '11:00',
  });
  return { film, country, reserved, ga };
}
