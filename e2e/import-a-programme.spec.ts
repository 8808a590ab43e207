import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { films, screenings } from '@/db/schema';
import { createFilm, createGaVenue, createUser, uniq } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { uniqueEmail } from './support/booking';
import { expect, test } from './support/fixtures';

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

const HEADER = 'film_slug,film_title,film_runtime,programme_title,venue_slug,date,start,end,qa,guest_note,features,status,on_sale,off_sale,prices';

test('a programme file with an error shows the row error and writes nothing; the fixed file imports', async ({ page, db, festival }) => {
  const email = uniqueEmail('importer');
  await createUser(db, { email, name: 'Ines Importer', role: 'staff', password: 'import-password' });
  const venue = await createGaVenue(db, festival.id, 60);
  const film = await createFilm(db, festival.id, { runtimeMinutes: 100 });
  const newSlug = uniq('harbour-lights');
  const [d1, d2] = [festival.days[2]!, festival.days[3]!];
  const good = [
    `${film.slug},,,,${venue.slug},${d1},14:00,,yes,Director in person,open_captions,on_sale,,,adult:Adult:17.00|youth:Youth:11.00`,
    `${newSlug},Harbour Lights,88,,${venue.slug},${d2},19:00,,no,,,on_sale,,,`,
  ];
  // Line 4 starts while line 2 is still running (14:00 + 100 + 10 + 30 minutes, then 15 of changeover): both rows are told.
  const withError = [...good, `${film.slug},,,,${venue.slug},${d1},16:00,,,,,,,,`];

  await signInWithPassword(page, email, 'import-password', '/box-office/programme/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import a programme' })).toBeVisible();
  await expectAccessible(page);
  const template = await page.request.get('/box-office/programme/import/template.csv');
  expect(template.status()).toBe(200);
  expect((await template.text()).split('\n')[0]).toBe(HEADER);

  await page.getByLabel(/Programme file/).setInputFiles({ name: 'programme.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...withError].join('\n')) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 rows have errors' })).toBeVisible();
  const preview = page.getByRole('table', { name: /Every row of the file/ });
  await expect(preview.getByRole('row').filter({ hasText: /^4/ })).toContainText('Overlaps line 2 of this file');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);
  expect(await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.venueId, venue.id))).toHaveLength(0);
  expect(await db.select({ id: films.id }).from(films).where(eq(films.slug, newSlug))).toHaveLength(0);

  await page.getByLabel(/Programme file/).setInputFiles({ name: 'programme.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...good].join('\n')) });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 screenings ready to import, 1 new film' })).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 screenings' }).click();
  await expect(page.getByText('2 screenings were imported.')).toBeVisible();
  await expectAccessible(page);
  expect(await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.venueId, venue.id))).toHaveLength(2);

  // The new film is on the public programme with its screening.
  await page.goto(`/films/${newSlug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Lights' })).toBeVisible();
  await expect(page.getByText(venue.name).first()).toBeVisible();
});
