import type { Page } from '@playwright/test';
import { createGaVenue, createFilm, createTestScreening, createUser } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';
import { signInWithPassword } from './support/cancellations';
import { signInByEmailLink } from './support/partners';
import { uniq } from '../tests/support/factories/unique';

/**
 * The public pages are cached for everyone alike (README, Caching): what changes by the second or by the person comes
 * from small endpoints. These journeys prove what a visitor sees on such a page: availability that catches up within
 * the stated staleness (about 10 seconds), and a header that is their own.
 */
test('a screening that sells out while its film page is open shows as sold out within seconds, without a reload', async ({ page, db, festival, request }) => {
  const film = await createFilm(db, festival.id, { title: `Last Seats ${uniq('f').slice(-6)}` });
  // Eight places: more than the "few left" line (5), and one hold can take them all (the per-order maximum).
  const venue = await createGaVenue(db, festival.id, 8);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 2, time: '21:30' });

  const response = await page.goto(`/films/${film.slug}`);
  expect(response?.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+/);
  const row = page.getByRole('list').getByRole('listitem').filter({ has: page.locator(`a[href="/screenings/${screeningId}"]`) });
  await expect(row.getByText('On sale')).toBeVisible();
  await expect(row.getByRole('link', { name: /^Book tickets:/ })).toBeVisible();

  // Someone else takes all eight places, through the same hold API the booking page uses.
  const hold = await request.post(`/api/v1/screenings/${screeningId}/holds`, { data: { items: [{ ticketType: 'adult', quantity: 8 }] } });
  expect(hold.status()).toBe(201);
  const heldAt = Date.now();

  // No reload: the page's availability island asks again every few seconds.
  await expect(row.getByText('Sold out')).toBeVisible({ timeout: 12_000 });
  expect(Date.now() - heldAt).toBeLessThan(12_000);
  await expect(row.getByRole('link', { name: /^Details:/ })).toBeVisible();
  await expect(row.getByRole('link', { name: /^Book tickets:/ })).toHaveCount(0);

  // A new visitor sees it too, however old the cached page they are sent.
  const other = await page.context().browser()!.newPage();
  await other.goto(`/films/${film.slug}`);
  const otherRow = other.getByRole('list').getByRole('listitem').filter({ has: other.locator(`a[href="/screenings/${screeningId}"]`) });
  await expect(otherRow.getByText('Sold out')).toBeVisible({ timeout: 12_000 });
  await other.close();
});

test('each signed-in visitor sees their own header on the cached programme; a visitor signed out sees "Sign in"', async ({ browser, db }) => {
  const people = [
    { email: uniqueEmail('header-ana'), name: `Ana ${uniq('n').slice(-5)}`, role: 'audience' as const },
    { email: uniqueEmail('header-ben'), name: `Ben ${uniq('n').slice(-5)}`, role: 'staff' as const },
  ];
  const pages: Page[] = [];
  for (const person of people) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (person.role === 'staff') {
      // Staff sign in with a password; audience members by emailed link.
      await createUser(db, { ...person, password: 'header-island-password' });
      await signInWithPassword(page, person.email, 'header-island-password', '/box-office');
    } else {
      await createUser(db, person);
      await signInByEmailLink(page, person.email);
      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    }
    pages.push(page);
  }
  const anonymous = await (await browser.newContext()).newPage();

  const responses = [];
  for (const page of [...pages, anonymous]) responses.push(await page.goto('/'));
  // The HTML is the cached page everyone gets: no one's name is in it, whoever asked for it.
  for (const response of responses) {
    expect(response!.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+/);
    const html = await response!.text();
    for (const person of people) expect(html).not.toContain(person.name);
  }

  const nav = (page: (typeof pages)[number]) => page.getByRole('navigation', { name: 'Main' });
  await expect(nav(pages[0]!).getByRole('link', { name: `Your account (${people[0]!.name})` })).toBeVisible();
  await expect(nav(pages[0]!).getByRole('link', { name: 'Box office' })).toHaveCount(0);
  await expect(nav(pages[1]!).getByRole('link', { name: `Your account (${people[1]!.name})` })).toBeVisible();
  await expect(nav(pages[1]!).getByRole('link', { name: 'Box office' })).toBeVisible();
  await expect(nav(anonymous).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(nav(anonymous).getByText(people[0]!.name)).toHaveCount(0);

  // Signing out changes the header at once, on the same cached page.
  await pages[0]!.goto('/account');
  await pages[0]!.getByRole('button', { name: 'Sign out' }).click();
  await pages[0]!.goto('/');
  await expect(nav(pages[0]!).getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(nav(pages[0]!).getByText(people[0]!.name)).toHaveCount(0);
});
