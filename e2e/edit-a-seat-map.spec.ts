import { sql } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { rows } from '@/db/sql';
import { createFilm, createReservedVenue, createTestScreening, createUser } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { uniqueEmail } from './support/booking';
import { expect, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff add a wheelchair space and block a seat on the seat map, the public seat picker shows both; a CSV with an error writes nothing', async ({ page, db, festival }) => {
  const venue = await createReservedVenue(db, festival.id, 3, 6);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 2, time: '11:40' });
  const email = uniqueEmail('seatmap-staff');
  await createUser(db, { email, name: 'Sasha Seats', role: 'staff', password: 'seat-map-password' });
  const seatCount = async () => (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM seats WHERE venue_id = ${venue.id}`))[0]!.n;

  await signInWithPassword(page, email, 'seat-map-password', '/box-office/venues');
  await expect(page.getByRole('heading', { level: 1, name: 'Venues and seat maps' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: `Edit the seat map of ${venue.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Seat map: ${venue.name}` })).toBeVisible();
  await expect(page.getByText('18 seats: 18 on sale, 0 blocked, 1 wheelchair, 1 companion.')).toBeVisible();
  await expectAccessible(page);

  // Keyboard only: from the last row's first seat, down one line to an empty position, then into the panel.
  await page.getByRole('button', { name: 'Row C seat 1', exact: true }).click();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Empty position, column 1, line 4' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add a seat here' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Row D seat 1' })).toBeVisible();
  await page.getByLabel('Kind').selectOption('wheelchair');
  await expect(page.getByRole('button', { name: 'Row D seat 1, wheelchair space' })).toBeVisible();

  // Block seat A4 (a broken seat).
  await page.getByRole('button', { name: 'Row A seat 4', exact: true }).click();
  await page.getByLabel('Blocked (never sold)').check();
  await expect(page.getByRole('button', { name: 'Row A seat 4, blocked' })).toBeVisible();
  await expect(page.getByText('19 seats: 18 on sale, 1 blocked, 2 wheelchair, 1 companion (not saved yet).')).toBeVisible();
  await page.getByRole('button', { name: 'Save seat map' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Seat map saved: 1 added, 0 removed, 1 changed. The upcoming screening here follows it.');
  await expectAccessible(page);
  expect(await seatCount()).toBe(19);

  // The public seat picker of the venue's screening shows the new wheelchair space, and the blocked seat as taken.
  await page.goto(`/screenings/${screeningId}/book`);
  await page.getByLabel(/Choose on the seat map/).check();
  await expect(page.getByRole('checkbox', { name: 'Row D, seat 1, wheelchair space' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Row A, seat 4, taken' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Row A, seat 5', exact: true })).toBeVisible();

  // Export, then import a file with errors: every bad line is listed and nothing is written.
  await page.goto(`/box-office/venues/${venue.id}/import`);
  await expect(page.getByRole('heading', { level: 1, name: `Import a seat map: ${venue.name}` })).toBeVisible();
  const exported = await page.request.get(`/box-office/venues/${venue.id}/seat-map.csv`);
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  expect(csv.split('\n')[0]).toBe('section,row,seat,x,y,kind,blocked');
  expect(csv).toContain('Stalls,D,1,0,3,wheelchair,no');
  expect(csv).toContain('Stalls,A,4,3,0,standard,yes');
  const broken = `${csv}Stalls,E,1,0,3,standard,no\nStalls,E,2,1,4,sofa,no\n`;
  await page.getByLabel('Seat map file (CSV or JSON)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was written' });
  await expect(problems).toContainText('broken.csv: 2 problems. Nothing was written.');
  await expect(problems.getByRole('row')).toHaveText([/Line\s*Problem/, /^21\s*Duplicate position: x 0, y 3 is also line 20\./, /^22\s*Unknown kind "sofa"/]);
  await expect(page.getByRole('button', { name: 'Replace the seat map' })).toHaveCount(0);
  await expectAccessible(page);
  expect(await seatCount()).toBe(19);

  // The same file without its mistakes imports: one seat more.
  const fixed = `${csv}Stalls,E,1,1,3,standard,no\n`;
  await page.getByLabel('Seat map file (CSV or JSON)').setInputFiles({ name: 'fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'fixed.csv: ready to import' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Replace the seat map' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Seat map imported: 1 added, 0 removed, 0 changed');
  expect(await seatCount()).toBe(20);
});

test('an audience member is refused the venue pages and the seat map download; anonymous people are sent to sign in', async ({ page, db, festival }) => {
  const venue = await createReservedVenue(db, festival.id, 1, 4);
  const email = uniqueEmail('seatmap-audience');
  await createUser(db, { email, role: 'audience' });
  const anonymous = await page.goto(`/box-office/venues/${venue.id}/seat-map`);
  expect(anonymous?.ok()).toBe(true);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await signInByEmailLink(page, email);
  for (const path of ['/box-office/venues', `/box-office/venues/${venue.id}/seat-map`, `/box-office/venues/${venue.id}/import`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  }
  await expectAccessible(page);
  expect((await page.request.get(`/box-office/venues/${venue.id}/seat-map.csv`)).status()).toBe(403);
});

test('staff create a venue: a refusal keeps what was typed; then they edit its changeover', async ({ page, db }) => {
  const email = uniqueEmail('venue-staff');
  await createUser(db, { email, name: 'Vic Venues', role: 'staff', password: 'venue-password' });
  const slug = `annex-${Date.now().toString(36)}`;
  const name = `The Annex ${slug.slice(6)}`;

  await signInWithPassword(page, email, 'venue-password', '/box-office/venues/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New venue' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Web address').fill('lumen-cinema');
  await page.getByLabel('Street address').fill('9 Pier Road');
  await page.getByLabel('City').fill('Vancouver');
  await page.getByLabel('Step-free access').check();
  await page.getByLabel('General admission (a number of places)').check();
  await page.getByLabel('Capacity').fill('120');
  await page.getByRole('button', { name: 'Create venue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('Another venue already has the web address "lumen-cinema".');
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await expect(page.getByLabel('Capacity')).toHaveValue('120');
  await expect(page.getByLabel('Step-free access')).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('Web address').fill(slug);
  await page.getByRole('button', { name: 'Create venue' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The venue was created.' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Changeover (minutes)').fill('25');
  await page.getByRole('button', { name: 'Save venue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The venue was saved.' })).toBeVisible();
  await expect(page.getByLabel('Changeover (minutes)')).toHaveValue('25');

  await page.goto('/box-office/venues');
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('General admission');
  const entries = await rows<{ action: string }>(db, sql`SELECT action FROM audit_entries e JOIN users u ON u.id = e.actor_id WHERE u.email = ${email} ORDER BY e.created_at`);
  expect(entries.map((e) => e.action)).toEqual(['createVenue', 'updateVenue']);
});
