import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createUser } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';
import { createBrowsableFilm } from './support/programme-data';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking).toEqual([]);
}

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff set the defaults, change a screening’s allocation with a reason, and read its history; the public sees the figures', async ({ page, db, festival }) => {
  const email = uniqueEmail('alloc-staff');
  await createUser(db, { email, name: 'Alex Allocations', role: 'staff', password: 'allocations-password' });
  const { film, ga } = await createBrowsableFilm(db, festival, { day: 1, time: '13:10' });

  await signInWithPassword(page, email, 'allocations-password', '/box-office/allocations');
  await expect(page.getByRole('heading', { level: 1, name: 'Access allocations' })).toBeVisible();
  await expectNoSeriousViolations(page);

  // Festival defaults: Community Access offers last 90 minutes (and back to 120 at the end, for the other journeys).
  const community = page.getByRole('form', { name: 'Community Access' });
  await community.getByLabel('Waiting-list offers last (minutes)').fill('90');
  await community.getByRole('button', { name: 'Save Community Access defaults' }).click();
  await expect(page.getByText('Defaults saved for Community Access')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Community Access' }).getByLabel('Waiting-list offers last (minutes)')).toHaveValue('90');

  // Find the screening by day and venue, and open it.
  await page.getByLabel('Day').selectOption(festival.days[2]!);
  await page.getByLabel('Venue').selectOption({ label: 'Harbour Hall' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/day=.*venue=harbour-hall/);
  await expectNoSeriousViolations(page);
  await page.getByRole('link', { name: film.title }).click();
  await expect(page).toHaveURL(new RegExp(`/box-office/allocations/${ga}$`));
  await expect(page.getByRole('heading', { level: 1, name: film.title })).toBeVisible();
  await expectNoSeriousViolations(page);

  // Set Indigenous Access to exactly 9 (the festival's default gave it 5% of the house), with a reason.
  const indigenous = page.getByRole('region', { name: 'Indigenous Access' });
  await indigenous.getByLabel('Change').selectOption('set');
  await indigenous.getByLabel('Places').fill('9');
  await indigenous.getByLabel('Reason').fill('Elders’ screening with the friendship centre');
  await indigenous.getByRole('button', { name: 'Save Indigenous Access change' }).click();
  await expect(page.getByText('Allocation set for Indigenous Access.')).toBeVisible();
  const history = page.getByRole('table', { name: /Every change/ });
  const first = history.getByRole('row').filter({ hasText: 'Elders’ screening with the friendship centre' });
  await expect(first.getByRole('cell')).toHaveText([/\S/, 'Indigenous Access', 'Set', /^[+\-−]?\d+$/, '9', 'Alex Allocations', 'Elders’ screening with the friendship centre']);

  // Release 2 back to general sale.
  await page.getByRole('region', { name: 'Indigenous Access' }).getByLabel('Change').selectOption('release');
  await page.getByRole('region', { name: 'Indigenous Access' }).getByLabel('Places').fill('2');
  await page.getByRole('region', { name: 'Indigenous Access' }).getByLabel('Reason').fill('Fewer guests than planned');
  await page.getByRole('region', { name: 'Indigenous Access' }).getByRole('button', { name: 'Save Indigenous Access change' }).click();
  await expect(page.getByText('Places released to general sale for Indigenous Access.')).toBeVisible();
  await expect(history.getByRole('row').filter({ hasText: 'Fewer guests than planned' }).getByRole('cell')).toHaveText([/\S/, 'Indigenous Access', 'Release', '-2', '7', 'Alex Allocations', 'Fewer guests than planned']);

  // Asking for more than general sale has is refused, and nothing changes.
  await page.getByRole('region', { name: 'Donated tickets' }).getByLabel('Places').fill('5000');
  await page.getByRole('region', { name: 'Donated tickets' }).getByLabel('Reason').fill('Far too many');
  await page.getByRole('region', { name: 'Donated tickets' }).getByRole('button', { name: 'Save Donated tickets change' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was changed' })).toContainText('General sale does not have that many free places');
  await expect(history.getByRole('row').filter({ hasText: 'Far too many' })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // The public screening page shows what is really claimable, and when the cut-off is.
  await page.goto(`/screenings/${ga}`);
  await expect(page.getByText(/Indigenous Access:\s*7 of 7 places left, until/)).toBeVisible();
  // And so does the film page's access block, screening by screening.
  await page.goto(`/films/${film.slug}`);
  const upcoming = page.getByRole('table', { name: 'Places set aside at upcoming screenings' });
  await expect(upcoming.getByRole('row').filter({ hasText: 'Harbour Hall' })).toContainText('7 of 7 places left, until');
  await expectNoSeriousViolations(page);

  // The API says the same, live, with each cut-off; a bad id is a 400 with a message.
  const live = await page.request.get(`/api/v1/screenings/${ga}/access`);
  expect(live.status()).toBe(200);
  const body = (await live.json()) as { access: { scheme: string; allocated: number; available: number; released: boolean; cutOffAt: string }[] };
  expect(body.access.find((a) => a.scheme === 'indigenous_access')).toMatchObject({ allocated: 7, available: 7, released: false });
  const detail = (await (await page.request.get(`/api/v1/screenings/${ga}`)).json()) as { access: { scheme: string; available: number }[] };
  expect(detail.access.find((a) => a.scheme === 'indigenous_access')?.available).toBe(7);
  const bad = await page.request.get('/api/v1/screenings/not-a-screening/access');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toMatch(/UUID/);

  // Bulk edit: the same screening gets 2 donated places.
  await page.goto(`/box-office/allocations?day=${festival.days[2]}&venue=harbour-hall`);
  await page.getByRole('checkbox', { name: new RegExp(film.title) }).check();
  await page.getByLabel('Scheme').selectOption('donated');
  await page.getByLabel('Set each to').selectOption('places');
  await page.getByLabel('Places or %').fill('2');
  await page.getByLabel('Reason', { exact: true }).fill('Donations came in');
  await page.getByRole('button', { name: 'Apply to chosen screenings' }).click();
  await expect(page.getByText('1 screening changed.')).toBeVisible();

  // Put the shared default back.
  await page.getByRole('form', { name: 'Community Access' }).getByLabel('Waiting-list offers last (minutes)').fill('120');
  await page.getByRole('form', { name: 'Community Access' }).getByRole('button', { name: 'Save Community Access defaults' }).click();
  await expect(page.getByText('Defaults saved for Community Access')).toBeVisible();
});

test('an audience member signed in is refused the allocation pages, and a visitor is sent to sign in', async ({ page, db, festival }) => {
  const { ga } = await createBrowsableFilm(db, festival, { day: 1, time: '15:20' });
  await page.goto('/box-office/allocations');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbox-office%2Fallocations/);

  const email = uniqueEmail('alloc-audience');
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).first().getByRole('link').click();
  const link = /Sign in: (\S+)/.exec((await page.locator('pre').textContent()) ?? '')?.[1];
  expect(link).toBeDefined();
  // The link brings them back where they were going: signed in now, and still not allowed.
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Your account' })).toBeVisible();

  for (const path of ['/box-office/allocations', `/box-office/allocations/${ga}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
  await expectNoSeriousViolations(page);
});
