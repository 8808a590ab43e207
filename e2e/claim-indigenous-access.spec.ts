import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { venues } from '@/db/schema';
import { claimIndigenousTickets } from '@/domain/access/indigenous';
import { createFilm, createUser, createTestScreening, TEST_ORDER_SETTINGS, uniq } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';

/** No serious or critical WCAG 2.2 AA violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking).toEqual([]);
}

test('a person signs in by email link, claims two free Indigenous Access tickets, cancels one, and joins a waiting list where places ran out', async ({
  page,
  db,
  festival,
  baseURL,
}) => {
  const venue = async (slug: string) => (await db.select({ id: venues.id }).from(venues).where(and(eq(venues.festivalId, festival.id), eq(venues.slug, slug))))[0]!.id;
  const token = uniq('ia').slice(3);
  const film = await createFilm(db, festival.id, { title: `River Songs ${token}` });
  const reserved = await createTestScreening(db, festival, { venueId: await venue('lumen-cinema'), filmIds: [film.id], day: 2, time: '19:40', allocations: { indigenous_access: 4 } });
  const full = await createTestScreening(db, festival, { venueId: await venue('harbour-hall'), filmIds: [film.id], day: 3, time: '13:20', allocations: { indigenous_access: 1 } });
  // Someone else has claimed the second screening's only place.
  const other = await createUser(db, { name: 'Another Claimant' });
  const taken = await claimIndigenousTickets(db, { ...other, name: 'Another Claimant' }, { screeningId: full, quantity: 1, selfIdentified: true }, { ...TEST_ORDER_SETTINGS, baseUrl: baseURL! });
  expect(taken.ok).toBe(true);

  // The scheme's page, for this film: how it works, and its screenings.
  await page.goto(`/access/indigenous?film=${film.slug}`);
  await expect(page.getByRole('heading', { name: 'Indigenous Access Tickets', level: 1 })).toBeVisible();
  await expect(page.getByText('no proof, no status card')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Claim tickets: / }).click();

  // Not signed in: sign in by email link, and come back to the claim page.
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  const email = uniqueEmail('indigenous');
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).first().getByRole('link').click();
  const link = /Sign in: (\S+)/.exec((await page.locator('pre').textContent()) ?? '')?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page).toHaveURL(new RegExp(`/access/indigenous/${reserved}$`));

  // Claim two: the one question, best available seats, confirmed at once.
  await expect(page.getByRole('heading', { name: 'Claim Indigenous Access tickets' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('How many tickets?').selectOption('2');
  await page.getByRole('button', { name: 'Claim 2 free tickets' }).click();
  // The form refuses without the self-identification (a required checkbox); tick it and claim.
  await expect(page).toHaveURL(new RegExp(`/access/indigenous/${reserved}$`));
  await page.getByLabel('I am First Nations, Métis or Inuit.').check();
  await page.getByRole('button', { name: 'Claim 2 free tickets' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Your tickets are ready')).toBeVisible();
  await expect(page.getByRole('article', { name: /^Ticket / })).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Download tickets (PDF)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeVisible();
  await expectAccessible(page);

  // The confirmation email, like a paid order's, with the PDF and calendar file.
  await page.goto('/dev/outbox');
  await expect(page.getByRole('row', { name: new RegExp(email) }).filter({ hasNotText: 'Sign in' }).first()).toBeVisible();

  // Cancel one of the two tickets from My access requests.
  await page.goto('/account/requests');
  await expect(page.getByRole('heading', { name: 'My access requests' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Cancel ticket 1 for ${film.title}` }).click();
  await expect(page.getByText('The ticket is cancelled and the places are free for someone else.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Ticket \d/ })).toHaveCount(1);
  await expectAccessible(page);

  // Where every place is claimed: a clear message, and the waiting list.
  await page.goto(`/access/indigenous/${full}`);
  await expect(page.getByText('All Indigenous Access places for this screening are claimed')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(page.getByText('You are on the waiting list')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/account/requests');
  await expect(page.getByRole('button', { name: `Leave the waiting list for ${film.title}` })).toBeVisible();
});
