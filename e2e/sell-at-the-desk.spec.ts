import { sql } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { rows } from '@/db/sql';
import { createUser } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/accessibility';
import { uniqueEmail } from './support/booking';
import { signInByEmailLink } from './support/partners';
import { createBrowsableFilm } from './support/programme-data';
import { captureWidths } from './support/screenshots';

async function signInAsStaff(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff sell two tickets for cash to a walk-up, print and email them; complimentary tickets without a reason are refused', async ({ page, db, festival, request }, testInfo) => {
  const staffEmail = uniqueEmail('desk-staff');
  await createUser(db, { email: staffEmail, name: 'Dana Desk', role: 'staff', password: 'desk-staff-password' });
  const { film, reserved } = await createBrowsableFilm(db, festival, { day: 1, time: '15:40' });

  await signInAsStaff(page, staffEmail, 'desk-staff-password', '/box-office/sell');
  await expect(page.getByRole('heading', { level: 1, name: 'Sell at the desk' })).toBeVisible();
  await expectAccessible(page);

  // Find the screening by its title and open it.
  await page.getByLabel('Title').fill(film.title);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: new RegExp(film.title) }).first().click();
  await expect(page).toHaveURL(new RegExp(`screening=${reserved}`));
  await expect(page.getByRole('heading', { level: 2, name: film.title })).toBeVisible();

  // Two adults on the seat map, cash, no buyer details.
  await page.getByLabel(/^Adult/).selectOption('2');
  await page.getByLabel(/Choose on the seat map/).check();
  await page.getByRole('checkbox', { name: 'Row D, seat 7' }).check();
  await page.getByRole('checkbox', { name: 'Row D, seat 8' }).check();
  await expect(page.getByLabel('Cash')).toBeChecked();
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'desk-sale-form');
  await page.getByRole('button', { name: 'Sell 2 tickets' }).click();

  // The order page: sold, paid in cash by this staff member, under the box office's own address.
  await expect(page.getByText(/Sold 2 tickets: order MQ-/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Order MQ-/ })).toBeVisible();
  await expect(page.getByText('Walk-up (tickets@harbourfront.example)')).toBeVisible();
  await expect(page.getByText(/At the desk by Dana Desk/)).toBeVisible();
  await expect(page.getByText(/^Cash: \$30\b/)).toBeVisible();
  const tickets = page.getByRole('table', { name: /tickets and their check-ins/ });
  await expect(tickets.getByRole('row').filter({ hasText: 'Row D, seat 7' })).toContainText('Valid');
  await expect(tickets.getByRole('row').filter({ hasText: 'Row D, seat 8' })).toContainText('Valid');
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'desk-sale-done');

  // Print: the order's PDF, one page per ticket.
  const pdf = await page.request.get((await page.getByRole('link', { name: 'Print tickets (PDF)' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);

  // Email: the walk-up gives an address after all.
  const buyer = uniqueEmail('walk-up');
  await page.getByLabel('Email the tickets to').fill(buyer);
  await page.getByRole('button', { name: 'Email tickets' }).click();
  await expect(page.getByText(`Tickets emailed to ${buyer}.`)).toBeVisible();
  await page.goto('/dev/outbox');
  await expect(page.getByRole('row', { name: new RegExp(buyer.replace(/[.+]/g, '\\$&')) })).toHaveCount(1);

  // The seats are sold: the public seat map says so.
  const detail = await (await request.get(`/api/v1/screenings/${reserved}`)).json();
  const state = (n: number) => (detail.seats as { row: string; number: number; state: string }[]).find((s) => s.row === 'D' && s.number === n)!.state;
  expect([state(7), state(8)]).toEqual(['sold', 'sold']);

  // Complimentary without a reason: refused, with the reason why, and nothing sold.
  await page.goto(`/box-office/sell?screening=${reserved}`);
  await page.getByLabel(/^Adult/).selectOption('1');
  await page.getByLabel('Complimentary').check();
  await page.getByRole('button', { name: 'Sell 1 ticket' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Complimentary tickets need a reason.' })).toBeVisible();
  await expectAccessible(page);
  const [count] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orders WHERE screening_id = ${reserved}`);
  expect(count!.n).toBe(1);

  // With a reason it is issued at $0.
  await page.getByLabel(/^Adult/).selectOption('1');
  await page.getByLabel('Complimentary').check();
  await page.getByLabel('Reason for complimentary tickets').fill('Guest of the director');
  await page.getByRole('button', { name: 'Sell 1 ticket' }).click();
  await expect(page.getByText(/Sold 1 ticket: order MQ-/)).toBeVisible();
  await expect(page.getByText(/^Complimentary: \$0\b.*Guest of the director/)).toBeVisible();
});

test('an audience member cannot open the desk', async ({ page }) => {
  await signInByEmailLink(page, uniqueEmail('not-staff'));
  const sell = await page.goto('/box-office/sell');
  expect(sell?.status()).toBe(403);
  const orders = await page.goto('/box-office/orders');
  expect(orders?.status()).toBe(403);
});
