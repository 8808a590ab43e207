import type { Page } from '@playwright/test';
import { createUser } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { expectAccessible } from './support/accessibility';
import { fillBuyer, payOnHostedCheckout, uniqueEmail } from './support/booking';
import { signInByEmailLink } from './support/partners';
import { createBrowsableFilm } from './support/programme-data';
import { captureWidths } from './support/screenshots';

async function signInAsStaff(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff find an order by email and refund one ticket: the seat is back on sale and the buyer is emailed', async ({ browser, page, db, festival, request }, testInfo) => {
  const { reserved } = await createBrowsableFilm(db, festival, { day: 2, time: '17:05' });

  // A buyer books two seats online and pays with the test card.
  const buyer = uniqueEmail('refund-buyer');
  const shopper = await browser.newPage();
  await shopper.goto(`/screenings/${reserved}/book`);
  await shopper.getByLabel(/^Adult/).selectOption('2');
  await shopper.getByLabel(/Choose on the seat map/).check();
  await shopper.getByRole('checkbox', { name: 'Row C, seat 4' }).check();
  await shopper.getByRole('checkbox', { name: 'Row C, seat 5' }).check();
  await shopper.getByRole('button', { name: /Hold 2 tickets/ }).click();
  await fillBuyer(shopper, buyer);
  await payOnHostedCheckout(shopper, '4242 4242 4242 4242');
  await expect(shopper.getByText('Payment received: your tickets are ready')).toBeVisible({ timeout: 20_000 });
  await shopper.close();

  const seatState = async (n: number) => {
    const detail = await (await request.get(`/api/v1/screenings/${reserved}`)).json();
    return (detail.seats as { row: string; number: number; state: string }[]).find((s) => s.row === 'C' && s.number === n)!.state;
  };
  expect(await seatState(4)).toBe('sold');

  // Staff find it by the buyer's email.
  const staffEmail = uniqueEmail('refund-staff');
  await createUser(db, { email: staffEmail, name: 'Robin Refunds', role: 'staff', password: 'refund-staff-password' });
  await signInAsStaff(page, staffEmail, 'refund-staff-password', '/box-office/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await page.getByLabel('Name, email, order number or ticket code').fill(buyer);
  await page.getByRole('button', { name: 'Find' }).click();
  const results = page.getByRole('table', { name: /Orders matching the search/ });
  await expect(results.getByRole('row')).toHaveCount(2);
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'desk-order-lookup');
  await results.getByRole('link', { name: /^MQ-/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order MQ-/ })).toBeVisible();
  await expect(page.getByText(/^Card \(Stripe\): \$30\b/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Exchange to another screening' })).toHaveAttribute('href', /\/box-office\/exchanges\/new\?order=/);
  await expectAccessible(page);

  // Refund the ticket for C4, with a reason; the gift checkbox is not there (no gift).
  const form = page.getByRole('region', { name: 'Refund', exact: true });
  await form.getByRole('checkbox', { name: /Row C, seat 4/ }).check();
  await form.getByLabel('Reason').fill('The buyer’s friend cannot come');
  await form.getByRole('button', { name: 'Refund' }).click();
  await expect(page.getByText(/Refund(ed)? (of )?\$15\b/)).toBeVisible();
  // The refund's status: pending until Stripe confirms, then refunded.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole('region', { name: 'Refunds', exact: true }).getByText('Refunded', { exact: true }).count();
      },
      { timeout: 30_000, intervals: [1_000] },
    )
    .toBe(1);
  const tickets = page.getByRole('table', { name: /tickets and their check-ins/ });
  await expect(tickets.getByRole('row').filter({ hasText: 'Row C, seat 4' })).toContainText('Void');
  await expect(tickets.getByRole('row').filter({ hasText: 'Row C, seat 5' })).toContainText('Valid');
  await expect(page.getByRole('region', { name: 'Staff changes' })).toContainText('Robin Refunds');
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'desk-order-refunded');

  // The seat is back on sale, the other still sold; the buyer was told.
  expect(await seatState(4)).toBe('available');
  expect(await seatState(5)).toBe('sold');
  await page.goto('/dev/outbox');
  await expect(page.getByRole('row', { name: new RegExp(`${buyer.replace(/[.+]/g, '\\$&')}.*Refund`) })).toHaveCount(1);
});

test('an audience member gets 403 from the order lookup and the refund API', async ({ page }) => {
  await signInByEmailLink(page, uniqueEmail('audience-refund'));
  const lookup = await page.goto('/box-office/orders?q=someone');
  expect(lookup?.status()).toBe(403);
  const api = await page.request.post('/api/v1/box-office/orders/00000000-0000-4000-8000-000000000000/refunds', {
    data: { reason: 'Not mine to refund', requestKey: 'audience-attempt-1' },
  });
  expect(api.status()).toBe(403);
});
