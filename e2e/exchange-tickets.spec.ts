import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { createPaidOrder, createUser, TEST_ORDER_SETTINGS } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { uniqueEmail } from './support/booking';
import { createFilmAtPrices, signInWithPassword } from './support/cancellations';
import { expect, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

test('staff exchange an order’s two tickets to a dearer screening and take the difference in cash', async ({ page, db, festival }) => {
  const { film, screenings } = await createFilmAtPrices(db, festival, [1500, 2000], { day: 2 });
  const [from, to] = screenings as [string, string];
  const buyer = { name: 'Xavier Exchange', email: uniqueEmail('exchange-buyer') };
  const paid = await createPaidOrder(db, from, { quantity: 2, clientKey: buyer.email, buyer, settings: TEST_ORDER_SETTINGS });
  const [order] = await rows<{ number: string }>(db, sql`SELECT number FROM orders WHERE id = ${paid.orderId}`);
  const email = uniqueEmail('exchange-staff');
  await createUser(db, { email, name: 'Esme Exchanges', role: 'staff', password: 'exchange-password' });

  await signInWithPassword(page, email, 'exchange-password', '/box-office/exchanges/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange tickets' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Order number').fill(order!.number);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { name: `Order ${order!.number}` })).toBeVisible();
  await expect(page.getByText('2 valid tickets, worth $30.')).toBeVisible();
  await expectAccessible(page);

  await expect(page.getByLabel('Exchange to').locator(`option[value="${to}"]`)).toHaveText(new RegExp(`^${film.title}, .*\\(\\d+ left\\)$`));
  await page.getByLabel('Exchange to').selectOption(to);
  await page.getByRole('button', { name: 'Show prices' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^To ${film.title}`) })).toBeVisible();
  await expect(page.getByLabel('Adult, $20')).toHaveValue('2');
  await page.getByLabel('Cash').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Exchange the tickets' }).click();

  await expect(page.getByText(/New order MQ-\w+ issued and emailed to the buyer\. Difference taken: \$10\./)).toBeVisible();
  await expectAccessible(page);
  const [old] = await rows<{ status: string }>(db, sql`SELECT status FROM orders WHERE id = ${paid.orderId}`);
  expect(old!.status).toBe('exchanged');
  const money = await rows<{ method: string; amount_cents: number }>(db, sql`
    SELECT p.method, p.amount_cents FROM payments p JOIN orders o ON o.id = p.order_id
    WHERE o.exchanged_from_order_id = ${paid.orderId} AND o.screening_id = ${to} ORDER BY p.method`);
  expect(money).toEqual([
    { method: 'cash', amount_cents: 1000 },
    { method: 'exchange_credit', amount_cents: 3000 },
  ]);
  // The old order is gone from the desk: looking it up again shows nothing left to exchange.
  await page.goto(`/box-office/exchanges/new?order=${order!.number}`);
  await expect(page.getByText(/This order has no paid tickets to exchange/)).toBeVisible();
});

test('an audience member is refused the exchange desk, and a visitor is sent to sign in', async ({ page }) => {
  await page.goto('/box-office/exchanges/new');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbox-office%2Fexchanges%2Fnew/);
  const email = uniqueEmail('exchange-audience');
  await signInByEmailLink(page, email);
  const res = await page.goto('/box-office/exchanges/new');
  expect(res?.status()).toBe(403);
});
