import { describe, expect, it } from 'vitest';
import { SEED_FILMS, SEED_ORGANISATIONS, SEED_PEOPLE, SEED_SECTIONS } from '@/db/seed/content';
import { SEED_SCHEDULE } from '@/db/seed/schedule';
import { SEED_VENUES } from '@/db/seed/venues';

describe('demo programme content', () => {
  const people = new Set(SEED_PEOPLE.map((p) => p.slug));
  const films = new Set(SEED_FILMS.map((f) => f.slug));

  it('references only people, sections, partners and films that exist', () => {
    for (const f of SEED_FILMS) {
      expect(SEED_SECTIONS.map((s) => s.slug)).toContain(f.section);
      for (const p of [...f.cast, ...f.credits.map((c) => c.person)]) expect(people).toContain(p);
      for (const o of f.partners) expect(SEED_ORGANISATIONS.map((x) => x.slug)).toContain(o);
      for (const r of f.related) expect(films).toContain(r);
    }
    for (const e of SEED_SCHEDULE) {
      expect(films).toContain(e.film);
      expect(SEED_VENUES.map((v) => v.slug)).toContain(e.venue);
    }
  });

  it('gives every film a director with a biography, and Here everything the reference page shows', () => {
    for (const f of SEED_FILMS) {
      const director = f.credits.find((c) => c.role === 'director');
      expect(director, f.slug).toBeDefined();
      expect(SEED_PEOPLE.find((p) => p.slug === director!.person)?.bio, f.slug).toBeTruthy();
      expect(f.synopsis.length, f.slug).toBeGreaterThan(200);
    }
    const here = SEED_FILMS.find((f) => f.slug === 'here')!;
    expect(here.section).toBe('panorama');
    expect(here.countries).toEqual(['Belgium']);
    expect(here.year).toBe(2023);
    expect(new Set(here.credits.map((c) => c.role))).toEqual(
      new Set(['director', 'producer', 'screenwriter', 'cinematography', 'editor', 'production_design', 'original_music']),
    );
    expect(here.related).toHaveLength(6);
    expect(here.partners.length).toBeGreaterThan(0);
  });

  it('lays out a reserved cinema of at least 150 seats where every wheelchair space has a companion seat beside it', () => {
    const cinema = SEED_VENUES.find((v) => v.seating === 'reserved' && v.seats.length >= 150);
    expect(cinema).toBeDefined();
    for (const venue of SEED_VENUES.filter((v) => v.seating === 'reserved')) {
      const at = new Map(venue.seats.map((s) => [`${s.x},${s.y}`, s]));
      expect(new Set(venue.seats.map((s) => `${s.row}${s.number}`)).size).toBe(venue.seats.length);
      for (const w of venue.seats.filter((s) => s.kind === 'wheelchair')) {
        const beside = [at.get(`${w.x - 1},${w.y}`), at.get(`${w.x + 1},${w.y}`), at.get(`${w.x + 2},${w.y}`), at.get(`${w.x - 2},${w.y}`)];
        expect(beside.some((s) => s?.kind === 'companion'), `${venue.slug} ${w.row}${w.number}`).toBe(true);
      }
    }
  });
});
