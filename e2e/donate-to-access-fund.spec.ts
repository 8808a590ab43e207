import { formatCents } from '@/lib/format';
import { expect, test } from './support/fixtures';
import { createUser } from '../tests/support/factories';
import { EMULATOR, payOnHostedCheckout, uniqueEmail } from './support/booking';
import { expectFundPageAtLeast, fundFigures, noSeriousViolations } from './support/access-fund';

test('someone gives two tickets on the donation page, pays, is thanked, gets a receipt, and the public figures go up', async ({ page, request }) => {
  const email = uniqueEmail('donor');
  const before = await fundFigures(request);
  const gift = 2 * before.ticketValueCents;

  await page.goto('/access');
  await page.getByRole('link', { name: 'Donate a ticket' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Give to the access fund');
  await noSeriousViolations(page);
  await page.getByLabel(/^Donated tickets/).selectOption('2');
  await expect(page.getByText(`Your gift: ${formatCents(gift, before.currency)}.`)).toBeVisible();
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/checkout/cs_`));
  await expect(page.getByText(/gift to the access fund/)).toBeVisible();
  await noSeriousViolations(page);
  await payOnHostedCheckout(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/donate\/thanks\?donation=/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('Gift received')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText(`Your gift of ${formatCents(gift, before.currency)} is in the access fund.`)).toBeVisible();
  await noSeriousViolations(page);

  await page.getByRole('link', { name: 'See what the community has given' }).click();
  await expectFundPageAtLeast(page, { raisedCents: before.raisedCents + gift, ticketsFunded: before.ticketsFunded + 2 });
  await expect(page.getByText('Ada Lovelace')).toHaveCount(0);
  await noSeriousViolations(page);

  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(`${email}.*Thank you for your gift`) }).getByRole('link').click();
  await expect(page.locator('pre')).toContainText(`Your gift of ${formatCents(gift, before.currency)} (2 donated tickets) to the access fund has been received.`);
});

test('a cancelled payment takes no money and says so', async ({ page }) => {
  await page.goto('/donate');
  await page.getByLabel('Or any amount, in whole dollars').fill('20');
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(uniqueEmail('cancel'));
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/checkout/cs_`));
  await page.getByRole('link', { name: 'Cancel and go back' }).click();
  await expect(page.getByText('Payment cancelled')).toBeVisible();
  await noSeriousViolations(page);
});

test('staff read the fund’s ledger, newest first, with references instead of donors, and download it as CSV', async ({ page, db }) => {
  const email = uniqueEmail('fund-staff');
  await createUser(db, { email, name: 'Fund Staff', role: 'staff', password: 'fund-staff-password' });
  await page.goto('/box-office/fund');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbox-office%2Ffund/);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill('fund-staff-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/box-office\/fund$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access fund');
  await expect(page.getByText('Balance now')).toBeVisible();
  const ledger = page.getByRole('table', { name: /Access fund ledger/ });
  // The seed's demo gifts at least; each by its reference, never its donor's name.
  await expect(ledger.getByRole('row').filter({ hasText: 'Gift received' }).first()).toContainText(/Gift G-[0-9A-F]{8}/);
  await expect(page.getByText(/Demo donor/)).toHaveCount(0);
  await noSeriousViolations(page);

  const csv = await page.request.get('/box-office/fund/ledger.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text.split('\n')[0]).toBe('date,time,kind,what,amount,balance_after,gift,order,by,note');
  expect(text).toContain('donation,Gift received,');
  expect(text).not.toContain('Demo donor');
});
