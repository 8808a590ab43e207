import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { EMULATOR, fillBuyer, payOnHostedCheckout, uniqueEmail } from './support/booking';
import { createBrowsableFilm } from './support/programme-data';
import { captureWidths } from './support/screenshots';

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(blocking).toEqual([]);
}

test('an audience member picks seats on the map, pays with 4242 and gets tickets, PDF, calendar file and email', async ({ page, db, festival, request }, testInfo) => {
  const { film, reserved } = await createBrowsableFilm(db, festival, { day: 2, time: '15:10' });
  const email = uniqueEmail('book');

  await page.goto(`/screenings/${reserved}`);
  await page.getByRole('link', { name: 'Book tickets' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book tickets');
  await noSeriousViolations(page);

  await page.getByLabel(/^Adult/).selectOption('2');
  await page.getByLabel(/Choose on the seat map/).check();
  await page.getByRole('checkbox', { name: 'Row F, seat 7' }).check();
  await page.getByRole('checkbox', { name: 'Row F, seat 8' }).check();
  await expect(page.getByText(/2 of 2 seats chosen/)).toBeVisible();
  await noSeriousViolations(page);
  await captureWidths(page, testInfo, 'book-seat-map');
  await page.getByRole('button', { name: 'Hold 2 tickets and continue' }).click();

  await expect(page).toHaveURL(/\/checkout\//);
  await expect(page.getByText('Row F, seat 7')).toBeVisible();
  await expect(page.getByText(/Seats held for/)).toBeVisible();
  await noSeriousViolations(page);
  await fillBuyer(page, email);

  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/checkout/cs_`));
  await noSeriousViolations(page);
  await payOnHostedCheckout(page, '4242 4242 4242 4242');
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByText('Payment received: your tickets are ready')).toBeVisible({ timeout: 20_000 });
  const tickets = page.getByRole('article', { name: /^Ticket / });
  await expect(tickets).toHaveCount(2);
  await expect(page.getByRole('img', { name: /^QR code for ticket/ })).toHaveCount(2);
  await expect(tickets.first()).toContainText(film.title);
  await noSeriousViolations(page);
  await captureWidths(page, testInfo, 'order-confirmation');

  const pdf = await request.get((await page.getByRole('link', { name: 'Download tickets (PDF)' }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  const pdfBody = (await pdf.body()).toString('latin1');
  expect(pdfBody.startsWith('%PDF')).toBe(true);
  expect(pdfBody.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
  const ics = await request.get((await page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href'))!);
  const icsText = await ics.text();
  expect(icsText).toContain('BEGIN:VCALENDAR');
  expect(icsText).toMatch(/DTSTART:\d{8}T\d{6}Z/);

  const code = (await tickets.first().locator('p.font-mono').textContent())!;
  await tickets.first().getByRole('link', { name: 'Open this ticket' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ticket ${code}`);
  await expect(page.getByRole('img', { name: `QR code for ticket ${code}` })).toBeVisible();
  await noSeriousViolations(page);

  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).getByRole('link').click();
  await expect(page.locator('pre')).toContainText(code);
});

test('a declined card takes no money, and the seats come back when the hold runs out', async ({ page, db, festival, request }) => {
  const { reserved } = await createBrowsableFilm(db, festival, { day: 2, time: '12:20' });
  await page.goto(`/screenings/${reserved}/book`);
  await page.getByLabel(/^Adult/).selectOption('1');
  await page.getByLabel(/Choose on the seat map/).check();
  await page.getByRole('checkbox', { name: 'Row E, seat 9' }).check();
  await page.getByRole('button', { name: /Hold 1 ticket/ }).click();
  await fillBuyer(page, uniqueEmail('declined'));

  await payOnHostedCheckout(page, '4000 0000 0000 0002');
  await expect(page.getByRole('alert')).toContainText('Your card was declined.');

  const seatState = async () => {
    const detail = await (await request.get(`/api/v1/screenings/${reserved}`)).json();
    return (detail.seats as { row: string; number: number; state: string }[]).find((s) => s.row === 'E' && s.number === 9)!.state;
  };
  expect(await seatState()).toBe('held');
  // The hold lasts 30 s in this suite; the worker then expires the Stripe session and gives the seat back.
  await expect.poll(seatState, { timeout: 90_000, intervals: [2_000] }).toBe('available');
  const events = await (await request.get(`${EMULATOR}/_emulator/events`)).json();
  expect(events.events.some((e: { type: string }) => e.type === 'checkout.session.expired')).toBe(true);
});

test('leaving the checkout page gives the seats back at once', async ({ page, db, festival, request }) => {
  const { reserved } = await createBrowsableFilm(db, festival, { day: 3, time: '12:05' });
  await page.goto(`/screenings/${reserved}/book`);
  await page.getByLabel(/^Adult/).selectOption('1');
  await page.getByLabel(/Choose on the seat map/).check();
  await page.getByRole('checkbox', { name: 'Row C, seat 6' }).check();
  await page.getByRole('button', { name: /Hold 1 ticket/ }).click();
  await expect(page).toHaveURL(/\/checkout\//);
  const state = async () => {
    const detail = await (await request.get(`/api/v1/screenings/${reserved}`)).json();
    return (detail.seats as { row: string; number: number; state: string }[]).find((s) => s.row === 'C' && s.number === 6)!.state;
  };
  expect(await state()).toBe('held');
  await page.getByRole('link', { name: 'Programme' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('programme');
  await expect.poll(state, { timeout: 10_000 }).toBe('available');
});

test('keyboard only: choose seats with the arrow keys and space, and hold them', async ({ page, db, festival }) => {
  const { reserved } = await createBrowsableFilm(db, festival, { day: 1, time: '15:35' });
  await page.goto(`/screenings/${reserved}/book`);
  await page.getByLabel(/^Adult/).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(/^Adult/)).toHaveValue('2');

  await page.getByLabel(/Choose on the seat map/).focus();
  await page.keyboard.press('Space');
  // Tab into the seat map: one stop for the whole grid, then arrows move between seats.
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('name'));
  expect(await focused()).toMatch(/^Row A, seat 1/);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('Row E, seat 6');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByText(/2 of 2 seats chosen/)).toBeVisible();

  let reachedSubmit = false;
  for (let i = 0; i < 10 && !reachedSubmit; i++) {
    await page.keyboard.press('Tab');
    reachedSubmit = (await page.evaluate(() => document.activeElement?.textContent ?? '')).startsWith('Hold 2 tickets');
  }
  expect(reachedSubmit).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/checkout\//);
  await expect(page.getByText('Row E, seat 6')).toBeVisible();
  await expect(page.getByText('Row E, seat 7')).toBeVisible();
});
