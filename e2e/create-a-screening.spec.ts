import type { Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { screenings } from '@/db/schema';
import { createGaVenue, createUser, uniq } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { uniqueEmail } from './support/booking';
import { expect, festivalClock, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff create a film and a screening, a clash in the venue is refused, and the public programme shows it', async ({ page, db, festival }) => {
  const email = uniqueEmail('programmer');
  await createUser(db, { email, name: 'Pat Programmer', role: 'staff', password: 'programme-password' });
  const venue = await createGaVenue(db, festival.id, 80);
  const slug = uniq('the-lantern-keepers');
  const title = `The Lantern Keepers ${slug.slice(-8)}`;

  await signInWithPassword(page, email, 'programme-password', '/box-office/programme');
  await expect(page.getByRole('heading', { level: 1, name: 'Programme' })).toBeVisible();
  await expectAccessible(page);

  // The film.
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Films' }).click();
  await page.getByRole('link', { name: 'New film' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New film' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Slug (web address)').fill('Not a slug');
  await page.getByLabel('Runtime (minutes)').fill('95');
  await page.getByLabel('Countries').fill('Canada, Iceland');
  await page.getByRole('button', { name: 'Create film' }).click();
  // A bad slug is refused in place, and what was typed stays.
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('slug is lower-case letters');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await page.getByLabel('Slug (web address)').fill(slug);
  await page.getByRole('button', { name: 'Create film' }).click();
  await expect(page.getByText('The film was created.')).toBeVisible();
  await expectAccessible(page);
  const filmPage = new URL(page.url()).pathname;

  // A partner organisation for it, from the programme's own navigation; a bad slug is refused in place.
  const orgSlug = uniq('lantern-society');
  const orgName = `Lantern Society ${orgSlug.slice(-8)}`;
  await page.getByRole('navigation', { name: 'Programme' }).getByRole('link', { name: 'Organisations' }).click();
  await page.getByRole('link', { name: 'New organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New organisation' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Name').fill(orgName);
  await page.getByLabel('Slug').fill('Not a slug');
  await page.getByLabel('Description').fill('Keeps the lanterns lit.');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText('slug is lower-case letters');
  await expect(page.getByLabel('Name')).toHaveValue(orgName);
  await page.getByLabel('Slug').fill(orgSlug);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('The organisation was added.')).toBeVisible();
  await expectAccessible(page);
  await page.goto(filmPage);
  const addPartner = page.getByRole('form', { name: 'Add a partner' });
  await addPartner.getByLabel('Organisation (slug)').fill(orgSlug);
  await addPartner.getByRole('button', { name: 'Add partner' }).click();
  await expect(page.getByText('The partners were saved.')).toBeVisible();

  // The screening, on the festival's second day at 19:00 festival time.
  await page.goto('/box-office/programme/screenings/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New screening' })).toBeVisible();
  await expectAccessible(page);
  const day = festival.days[1]!;
  await page.getByLabel('Films shown').selectOption({ label: `${title} (95 min)` });
  await page.getByLabel('Venue').selectOption({ label: `${venue.name} (15 min changeover)` });
  await page.getByLabel(/^Starts/).fill(`${day}T19:00`);
  await page.getByLabel('Q&A after the screening').check();
  await page.getByLabel('Guest note').fill('Q&A with the director after the film.');
  await page.getByLabel('Open captions').check();
  await page.getByLabel('Adult price ($)').fill('16.50');
  await page.getByRole('button', { name: 'Create screening' }).click();
  await expect(page.getByText('The screening was created.')).toBeVisible();
  await expectAccessible(page);
  const screeningId = /screenings\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const [row] = await db.select().from(screenings).where(eq(screenings.id, screeningId));
  // 95 minutes + 10 + 30 for the Q&A: the default end.
  expect(row!.endsAt.getTime() - row!.startsAt.getTime()).toBe(135 * 60_000);
  const clock = festivalClock(row!.startsAt, festival.timeZone);
  expect(clock.time).toMatch(/^7:00/);

  // A second screening in the same venue at 21:20 (before 19:00 + 135 minutes + 15 of changeover) is refused; nothing is made.
  await page.goto('/box-office/programme/screenings/new');
  await page.getByLabel('Films shown').selectOption({ label: `${title} (95 min)` });
  await page.getByLabel('Venue').selectOption({ label: `${venue.name} (15 min changeover)` });
  await page.getByLabel(/^Starts/).fill(`${day}T21:20`);
  await page.getByRole('button', { name: 'Create screening' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText(`${venue.name} is busy`);
  await expect(page.getByLabel(/^Starts/)).toHaveValue(`${day}T21:20`);
  expect(await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.venueId, venue.id))).toHaveLength(1);

  // The price list: a youth price.
  await page.goto(`/box-office/programme/screenings/${screeningId}`);
  const add = page.getByRole('form', { name: 'Add a ticket type' });
  await add.getByLabel('Code').fill('youth');
  await add.getByLabel('Name').fill('Student / Youth');
  await add.getByLabel('Price ($)').fill('11');
  await add.getByRole('button', { name: 'Add ticket type' }).click();
  await expect(page.getByText('The price list was saved.')).toBeVisible();

  // The public programme shows it at once, in festival time.
  await page.goto(`/films/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(orgName)).toBeVisible();
  await expect(page.getByText(/7:00\s?p\.?m/i).first()).toBeVisible();
  await page.goto(`/screenings/${screeningId}`);
  await expect(page.getByText('Q&A with the director after the film.')).toBeVisible();
  await expect(page.getByText(venue.name).first()).toBeVisible();
});

test('an audience member is refused the programme pages and actions', async ({ page }) => {
  const email = uniqueEmail('audience-programme');
  await signInByEmailLink(page, email);
  for (const path of ['/box-office/programme', '/box-office/programme/screenings/new', '/box-office/programme/films/new', '/box-office/programme/organisations/new', '/box-office/programme/import']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const template = await page.request.get('/box-office/programme/import/template.csv');
  expect(template.status()).toBe(403);
});
