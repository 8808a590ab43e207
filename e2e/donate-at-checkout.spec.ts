import { expect, test } from './support/fixtures';
import { EMULATOR, fillBuyer, payOnHostedCheckout, uniqueEmail } from './support/booking';
import { expectFundPageAtLeast, fundFigures, noSeriousViolations } from './support/access-fund';
import { createBrowsableFilm } from './support/programme-data';

test('a buyer books a ticket, adds a donated ticket and an amount, pays, and the public fund figures go up', async ({ page, db, festival, request }) => {
  const { ga } = await createBrowsableFilm(db, festival, { day: 4, time: '13:40' });
  const email = uniqueEmail('gift');
  const before = await fundFigures(request);

  await page.goto(`/screenings/${ga}/book`);
  await page.getByLabel(/^Adult/).selectOption('1');
  await page.getByRole('button', { name: /Hold 1 ticket/ }).click();
  await expect(page).toHaveURL(/\/checkout\//);

  // One ticket at $15, one donated ticket at the same face value, and $10.
  await page.getByLabel(/^Donated tickets/).selectOption('1');
  await page.getByLabel('Or any amount, in whole dollars').fill('10');
  await expect(page.getByText('Total to pay: $40.')).toBeVisible();
  await noSeriousViolations(page);
  await fillBuyer(page, email);

  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/checkout/cs_`));
  await expect(page.getByText(/Gift to the access fund \(one donated ticket\)/)).toBeVisible();
  await noSeriousViolations(page);
  await payOnHostedCheckout(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByText('Payment received: your tickets are ready')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('article', { name: /^Ticket / })).toHaveCount(1);
  await expect(page.getByText('It includes your gift of $25 to the access fund')).toBeVisible();
  await noSeriousViolations(page);

  // The gift reached the fund (from the verified webhook) and the public page says so.
  const gift = 1500 + 1000;
  await expect.poll(async () => (await fundFigures(request)).raisedCents, { timeout: 20_000 }).toBeGreaterThanOrEqual(before.raisedCents + gift);
  const after = await fundFigures(request);
  expect(after.ticketsFunded).toBeGreaterThanOrEqual(before.ticketsFunded + 1);
  await expectFundPageAtLeast(page, { raisedCents: before.raisedCents + gift, ticketsFunded: before.ticketsFunded + 1 });
  await expect(page.getByText(email)).toHaveCount(0);
  await noSeriousViolations(page);

  // The confirmation mentions the gift; the receipt is its own email.
  await page.goto('/dev/outbox');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toHaveCount(2);
  await page.getByRole('row', { name: new RegExp(`${email}.*Thank you for your gift`) }).getByRole('link').click();
  await expect(page.locator('pre')).toContainText('Your gift of $25 (one donated ticket) to the access fund has been received.');
});
