import type { Page } from '@playwright/test';
import { localDate } from '@/lib/time';
import { createFilm, createGaVenue, createPaidOrder, createTestScreening, createUser, uniq } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { captureWidths } from './support/screenshots';
import { uniqueEmail } from './support/booking';
import { expect, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

/** "$1,234.50" → 123450 */
const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^0-9.-]/g, '')) * 100);

test('staff read the dashboard, whose figures follow a sale made meanwhile without a reload; the sales reports export CSV', async ({ page, db, festival }, testInfo) => {
  const email = uniqueEmail('dash-staff');
  await createUser(db, { email, name: 'Dana Dashboard', role: 'staff', password: 'dashboard-password' });
  // A screening later today in the festival the site shows: among the dashboard's first screenings.
  const venue = await createGaVenue(db, festival.id, 40);
  const film = await createFilm(db, festival.id, { title: uniq('Dashboard Film') });
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    startsAt: new Date(Date.now() + 90 * 60_000),
    // No access places: a screening this close to its start is past the schemes' cut-off (their places go to general sale).
    allocations: { indigenous_access: 0, community_access: 0, donated: 0 },
  });

  await signInWithPassword(page, email, 'dashboard-password', '/box-office');
  await expect(page.getByRole('heading', { level: 1, name: 'Box office' })).toBeVisible();
  const row = page.locator(`tr[data-screening="${screeningId}"]`);
  await expect(row.getByRole('rowheader')).toContainText(film.title);
  await expect(row.locator('[data-figure="sold"]')).toHaveText('0');
  await expect(row.locator('[data-figure="available"]')).toHaveText('40');
  // Both charts are described, and their figures are in tables.
  await expect(page.getByRole('img', { name: /General sale per screening/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Net money in per day/ })).toBeVisible();
  const today = localDate(new Date(), festival.timeZone);
  const todayNet = page.locator(`tr[data-day="${today}"] [data-figure="net"]`);
  const before = cents(await todayNet.textContent());
  await expectAccessible(page);
  // The sections stay on the page for everyone who lands here.
  await expect(page.getByRole('region', { name: 'Sections' }).getByRole('link', { name: 'Rush line' })).toBeVisible();

  // A buyer pays for 3 tickets online meanwhile ($15 each): the page shows it within a poll, without a reload.
  const stamp = await page.getByTestId('dashboard-updated').getAttribute('datetime');
  await createPaidOrder(db, screeningId, { quantity: 3, clientKey: uniq('dash-buyer') });
  await expect(row.locator('[data-figure="sold"]')).toHaveText('3', { timeout: 25_000 });
  await expect(row.locator('[data-figure="available"]')).toHaveText('37');
  await expect.poll(async () => cents(await todayNet.textContent())).toBeGreaterThanOrEqual(before + 4500);
  expect(await page.getByTestId('dashboard-updated').getAttribute('datetime')).not.toBe(stamp);
  await captureWidths(page, testInfo, 'dashboard');

  // The sales reports: the day's screening table counts the sale, and its CSV says the same.
  await page.getByRole('navigation', { name: 'Box office' }).getByRole('link', { name: 'Sales reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales reports' })).toBeVisible();
  await page.getByLabel('Day', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Show' }).click();
  const sold = page.getByRole('region', { name: /By screening/ }).getByRole('row', { name: new RegExp(film.title) });
  await expect(sold.getByRole('cell')).toHaveText(['3', '0', '0', '$45', '$0', '$45']);
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'sales-reports');
  const csv = await page.request.get(`/box-office/sales/sales.csv?table=screenings&day=${today}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toMatch(new RegExp(`${film.title},3,0,0,4500,0,4500`));
  expect((await page.request.get('/box-office/sales/sales.csv?table=nonsense')).status()).toBe(400);
});

test('an audience member is refused the dashboard, its endpoint and the sales reports', async ({ page }) => {
  const response = await page.request.get('/api/v1/box-office/dashboard');
  expect(response.status()).toBe(401);
  await signInByEmailLink(page, uniqueEmail('dash-audience'));
  for (const path of ['/box-office', '/box-office/sales']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
  expect((await page.request.get('/api/v1/box-office/dashboard')).status()).toBe(403);
  expect((await page.request.get('/box-office/sales/sales.csv')).status()).toBe(403);
  await expectAccessible(page);
});
