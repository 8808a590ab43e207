import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_FILMS, SEED_PEOPLE } from '../db/seed/content';
import { renderPoster, renderStill } from '../lib/poster';

/** Writes public/posters/<slug>.svg and public/stills/<slug>.svg for the demo films. */
const root = path.join(process.cwd(), 'public');
mkdirSync(path.join(root, 'posters'), { recursive: true });
mkdirSync(path.join(root, 'stills'), { recursive: true });
for (const film of SEED_FILMS) {
  const directorSlug = film.credits.find((c) => c.role === 'director')?.person;
  const director = SEED_PEOPLE.find((p) => p.slug === directorSlug)?.name ?? 'Unknown';
  writeFileSync(path.join(root, 'posters', `${film.slug}.svg`), renderPoster({ title: film.title, director, year: film.year, palette: film.palette }));
  writeFileSync(path.join(root, 'stills', `${film.slug}.svg`), renderStill({ title: film.title, palette: film.palette }));
}
console.log(`wrote ${SEED_FILMS.length} posters and stills`);
