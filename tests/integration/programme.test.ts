import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listFilms, listProgramme, listProgrammePage, getFilmBySlug } from '@/domain/catalogue/films';
import { requireCurrentFestival } from '@/domain/catalogue/festival';
import { createFestival, createFilm, createGaVenue, createSection, createTestScreening } from '../support/factories';

type Festival = Awaited<ReturnType<typeof createFestival>>;

describe('programme filters and search', () => {
  let festival: Festival;
  let panoramaSlug: string;
  let hallSlug: string;
  let ids: Record<'moss' | 'city' | 'bear', string>;

  beforeAll(async () => {
    const db = getDb();
    festival = await createFestival(db);
    const panorama = await createSection(db, festival.id, 'Panorama');
    panoramaSlug = panorama.slug;
    const hall = await createGaVenue(db, festival.id, 100);
    const annex = await createGaVenue(db, festival.id, 50);
    hallSlug = hall.slug;
    const moss = await createFilm(db, festival.id, {
      title: 'Mousse Éternelle',
      sectionId: panorama.id,
      countries: ['Belgium'],
      languages: ['French', 'Dutch'],
      director: 'Bas Devosky',
    });
    const city = await createFilm(db, festival.id, { title: 'City 100% Lights', countries: ['Canada'], languages: ['English'], director: 'Ann Lee' });
    const bear = await createFilm(db, festival.id, { title: 'The Bear Who Stayed', countries: ['Chile', 'Canada'], languages: ['Spanish'] });
    ids = { moss: moss.slug, city: city.slug, bear: bear.slug };
    await createTestScreening(db, festival, { venueId: hall.id, filmIds: [moss.id], day: 0, time: '14:00', features: ['open_captions'] });
    await createTestScreening(db, festival, { venueId: annex.id, filmIds: [moss.id], day: 1, time: '19:00' });
    await createTestScreening(db, festival, { venueId: annex.id, filmIds: [city.id], day: 1, time: '14:00', features: ['audio_description'] });
    // The bear film has no screening: it shows only when no screening filter is set.
  });

  const slugs = async (filters: Parameters<typeof listFilms>[1]) => (await listFilms(festival, filters)).map((f) => f.slug).sort();

  it('lists every film without filters', async () => {
    expect(await slugs({})).toEqual([ids.moss, ids.city, ids.bear].sort());
  });

  it('filters by section, country and language', async () => {
    expect(await slugs({ section: panoramaSlug })).toEqual([ids.moss]);
    expect(await slugs({ country: 'Canada' })).toEqual([ids.city, ids.bear].sort());
    expect(await slugs({ language: 'Dutch' })).toEqual([ids.moss]);
  });

  it('filters by day, venue and accessibility feature through the screenings', async () => {
    expect(await slugs({ day: festival.days[0] })).toEqual([ids.moss]);
    expect(await slugs({ day: festival.days[1] })).toEqual([ids.moss, ids.city].sort());
    expect(await slugs({ venue: hallSlug })).toEqual([ids.moss]);
    expect(await slugs({ feature: 'audio_description' })).toEqual([ids.city]);
    expect(await slugs({ feature: 'asl' })).toEqual([]);
  });

  it('searches title, director, cast and country, ignoring case and accents', async () => {
    expect(await slugs({ q: 'eternelle' })).toEqual([ids.moss]);
    expect(await slugs({ q: 'DEVOSKY' })).toEqual([ids.moss]);
    expect(await slugs({ q: 'chile' })).toEqual([ids.bear]);
    expect(await slugs({ q: 'nothing like this' })).toEqual([]);
  });

  it('treats LIKE wildcards in a search literally', async () => {
    expect(await slugs({ q: '%' })).toEqual([ids.city]);
    expect(await slugs({ q: '_' })).toEqual([]);
  });

  it('shows each film with only its matching upcoming screenings', async () => {
    const entries = await listProgramme(festival, { day: festival.days[1] });
    const moss = entries.find((e) => e.film.slug === ids.moss);
    expect(moss?.screenings).toHaveLength(1);
    expect(moss?.screenings[0]?.day).toBe(festival.days[1]);
  });

  it('pages the programme: every film once across the pages, only a page rendered at a time, a page past the end shows the last', async () => {
    const all = (await listFilms(festival, {})).map((f) => f.slug);
    expect(all).toHaveLength(3);
    const pages = [1, 2].map((n) => listProgrammePage(festival, {}, n, { pageSize: 2 }));
    const [first, second] = await Promise.all(pages);
    expect(first).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(first!.entries).toHaveLength(2);
    expect(second!.entries).toHaveLength(1);
    expect([...first!.entries, ...second!.entries].map((e) => e.film.slug)).toEqual(all);
    expect(await listProgrammePage(festival, {}, 99, { pageSize: 2 })).toMatchObject({ page: 2, total: 3 });
    expect(await listProgrammePage(festival, { q: 'nothing like this' }, 1)).toMatchObject({ entries: [], total: 0, page: 1, pageCount: 1 });
  });

  it('finds the demo films by director and cast', async () => {
    const demo = await requireCurrentFestival();
    expect((await listFilms(demo, { q: 'devos' })).map((f) => f.slug)).toEqual(['here']);
    expect((await listFilms(demo, { q: 'Liyo Gong' })).map((f) => f.slug)).toEqual(['here']);
    expect((await listFilms(demo, { q: 'etranger' })).map((f) => f.slug)).toEqual(['l-etranger']);
  });

  it('reads a whole film page from the database', async () => {
    const demo = await requireCurrentFestival();
    const here = await getFilmBySlug(demo, 'here');
    expect(here?.directors).toEqual(['Bas Devos']);
    expect(here?.section?.name).toBe('Panorama');
    expect(here?.cast.map((c) => c.name)).toContain('Stefan Gota');
    expect(here?.credits.map((c) => c.role)).toEqual([
      'director',
      'producer',
      'screenwriter',
      'cinematography',
      'editor',
      'production_design',
      'original_music',
    ]);
    expect(here?.directorProfiles[0]?.filmography.map((f) => f.title)).toEqual(expect.arrayContaining(['Violet', 'Hellhole', 'Ghost Tropic']));
    expect(here?.related).toHaveLength(6);
    expect(here?.partners.length).toBeGreaterThan(0);
    expect(here?.screenings.some((s) => s.saleState === 'cancelled')).toBe(true);
    expect(await getFilmBySlug(demo, 'no-such-film')).toBeNull();
    expect(await getFilmBySlug(demo, "'; DROP TABLE films; --")).toBeNull();
  });
});
