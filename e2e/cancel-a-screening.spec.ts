import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { createUser } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { fillBuyer, payOnHostedCheckout, uniqueEmail } from './support/booking';
import { createFilmAtPrices, signInWithPassword } from './support/cancellations';
import { expect, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

test('staff cancel a screening; the holder’s email link offers a refund, an exchange or a gift; the refund goes through Stripe and the progress reaches done', async ({
  page,
  browser,
  db,
  festival,
}) => {
  const { film, screenings } = await createFilmAtPrices(db, festival, [1500, 1500], { day: 3 });
  const [cancelled, other] = screenings as [string, string];
  const holder = uniqueEmail('cancel-holder');

  // The holder bought a ticket online, with a card.
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto(`/screenings/${cancelled}/book`);
  await buyerPage.getByLabel(/^Adult/).selectOption('1');
  await buyerPage.getByRole('button', { name: /Hold 1 ticket/ }).click();
  await expect(buyerPage).toHaveURL(/\/checkout\//);
  await fillBuyer(buyerPage, holder);
  await payOnHostedCheckout(buyerPage, '4242 4242 4242 4242');
  await expect(buyerPage.getByText('Payment received: your tickets are ready')).toBeVisible({ timeout: 20_000 });

  const staff = uniqueEmail('cancel-staff');
  await createUser(db, { email: staff, name: 'Casey Cancels', role: 'staff', password: 'cancel-password' });
  await signInWithPassword(page, staff, 'cancel-password', '/box-office/cancellations');
  await expect(page.getByRole('heading', { level: 1, name: 'Cancellations' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/box-office/cancellations/new?screening=${cancelled}`);
  await expect(page.getByRole('heading', { level: 1, name: `Cancel ${film.title}` })).toBeVisible();
  await expect(page.getByTestId('paid-orders')).toHaveText('1');
  await expect(page.getByTestId('free-orders')).toHaveText('0');
  await expectAccessible(page);
  await page.getByLabel('Reason').fill('The only print was damaged in transit');
  await page.getByRole('button', { name: 'Cancel the screening and email 1 holder' }).click();

  await expect(page).toHaveURL(new RegExp(`/box-office/cancellations/${cancelled}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Cancelled: ${film.title}` })).toBeVisible();
  // The job emails the holder within seconds; the page follows without a reload.
  await expect(page.locator('[data-state="offered"]')).toHaveText('1', { timeout: 20_000 });
  await expectAccessible(page);

  // Online sales stopped at once.
  const sale = await buyerPage.goto(`/screenings/${cancelled}`);
  expect(sale?.status()).toBeLessThan(500);
  await expect(buyerPage.getByText(/cancelled/i).first()).toBeVisible();

  // The holder's email holds their private link: three choices.
  await buyerPage.goto('/dev/outbox');
  await buyerPage.getByRole('row', { name: new RegExp(`${holder.replace(/[.+]/g, '\\$&')}.*Cancelled:`) }).getByRole('link').click();
  const text = (await buyerPage.locator('pre').textContent()) ?? '';
  const link = /Choose here: (\S+)/.exec(text)?.[1];
  expect(link).toMatch(/\/cancellations\/choose\/[A-Za-z0-9_-]{43}$/);
  await buyerPage.goto(link!);
  await expect(buyerPage.getByRole('heading', { level: 1, name: `${film.title} is cancelled` })).toBeVisible();
  await expect(buyerPage.getByRole('heading', { name: 'A refund' })).toBeVisible();
  await expect(buyerPage.getByRole('heading', { name: 'An exchange' })).toBeVisible();
  await expect(buyerPage.getByRole('heading', { name: 'A gift to the access fund' })).toBeVisible();
  await expect(buyerPage.getByLabel('Screening and ticket').locator(`option[value^="${other}:"]`)).toHaveCount(1);
  await expectAccessible(buyerPage);
  await buyerPage.getByRole('button', { name: 'Refund me $15' }).click();
  await expect(buyerPage.getByText(/Your money has been refunded/)).toBeVisible();
  await expectAccessible(buyerPage);

  // The money went back through Stripe (the emulator), once.
  const refunds = await rows<{ status: string; stripe_refund_id: string | null; source: string; amount_cents: number }>(db, sql`
    SELECT r.status, r.stripe_refund_id, r.source, r.amount_cents FROM refunds r JOIN orders o ON o.id = r.order_id
    WHERE o.screening_id = ${cancelled} AND r.request_key LIKE 'cancel:%'`);
  expect(refunds).toEqual([{ status: 'succeeded', stripe_refund_id: expect.stringMatching(/^re_/), source: 'buyer', amount_cents: 1500 }]);

  // The staff page reaches done by itself.
  await expect(page.getByTestId('progress-status')).toHaveText('Done: every order has been dealt with.', { timeout: 20_000 });
  await expect(page.locator('[data-state="refunded"]')).toHaveText('1');
  await expectAccessible(page);

  // A wrong link opens nothing.
  const wrong = await buyerPage.goto(`/cancellations/choose/${'A'.repeat(43)}`);
  expect(wrong?.status()).toBe(404);
  await buyerContext.close();
});

test('an audience member is refused the cancellation pages', async ({ page, db, festival }) => {
  const { screenings } = await createFilmAtPrices(db, festival, [1500], { day: 3 });
  await signInByEmailLink(page, uniqueEmail('cancel-audience'));
  for (const path of ['/box-office/cancellations', `/box-office/cancellations/new?screening=${screenings[0]}`, `/box-office/cancellations/${screenings[0]}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
});
