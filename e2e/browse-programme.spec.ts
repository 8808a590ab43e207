import { screenings } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { expect, festivalClock, test } from './support/fixtures';
import { createBrowsableFilm } from './support/programme-data';

test('an audience member narrows the programme with filters, opens a film and reaches a screening', async ({ page, db, festival }) => {
  const { film, country, reserved } = await createBrowsableFilm(db, festival, { day: 2, time: '20:15' });
  const [row] = await db.select().from(screenings).where(eq(screenings.id, reserved));
  const clock = festivalClock(row!.startsAt, festival.timeZone);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('programme');

  await page.getByLabel('Section').selectOption({ label: 'Panorama' });
  await page.getByLabel('Country').selectOption({ label: country });
  await page.getByRole('button', { name: 'Show films' }).click();
  await expect(page).toHaveURL(/section=panorama/);
  await expect(page).toHaveURL(new RegExp(`country=${encodeURIComponent(country).replace(/%20/g, '(\\+|%20)')}`));
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole('heading', { name: film.title })).toBeVisible();

  // The day tab keeps the other filters and shows only that day's screening.
  await page.getByRole('navigation', { name: 'Festival days' }).getByRole('link').nth(3).click();
  await expect(page).toHaveURL(new RegExp(`day=${festival.days[2]}`));
  await expect(page).toHaveURL(/section=panorama/);
  const card = page.getByRole('article').first();
  await expect(card.locator('time')).toHaveCount(1);
  await expect(card.locator('time').first()).toContainText(clock.time);

  await card.getByRole('link', { name: film.title, exact: true }).click();
  await expect(page).toHaveURL(`/films/${film.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(film.title);
  await expect(page.getByText('Directed by')).toBeVisible();

  await page.locator(`a[href="/screenings/${reserved}"]`).first().click();
  await expect(page).toHaveURL(`/screenings/${reserved}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(film.title);
  // Festival time although the server runs in Pacific/Auckland.
  await expect(page.locator('header time').first()).toHaveText(`${clock.day}, ${clock.time}`);
  await expect(page.getByText('1181 Seymour Street').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Seat map: \d+ of \d+ seats free/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '$15' })).toBeVisible();
  await expect(page.getByText('Open captions')).toBeVisible();

  await page.getByRole('link', { name: 'Book tickets' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book tickets');
  await expect(page.getByLabel(/^Adult/)).toBeVisible();
});

test('filters that match nothing say so, and a bad filter value in the address is ignored with a notice', async ({ page }) => {
  await page.goto('/?q=zzzz-no-such-film');
  await expect(page.getByText('Nothing matches')).toBeVisible();

  await page.goto('/?day=not-a-day&section=panorama');
  await expect(page.getByText('Some filters were ignored')).toBeVisible();
  await expect(page.getByRole('article').filter({ hasText: 'Here' }).first()).toBeVisible();
});
