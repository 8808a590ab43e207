import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { createFilm, createGaVenue, createPaidOrder, createTestScreening, createUser, uniq } from '../tests/support/factories';
import { expectAccessible } from './support/accessibility';
import { captureWidths } from './support/screenshots';
import { uniqueEmail } from './support/booking';
import { expect, test } from './support/fixtures';
import { signInByEmailLink } from './support/partners';

async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
}

test('staff run a rush line: open it, hand out numbers, compute the places at the call time, call, sell cash and comp, reconcile', async ({ page, db, festival }, testInfo) => {
  const email = uniqueEmail('rush-staff');
  await createUser(db, { email, name: 'Riley Rush', role: 'staff', password: 'rush-line-password' });
  // A 4-place house sold out, starting in 10 minutes (past the default call time); one ticket already let in.
  const venue = await createGaVenue(db, festival.id, 4);
  const film = await createFilm(db, festival.id, { title: uniq('Rush Film') });
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue.id,
    filmIds: [film.id],
    startsAt: new Date(Date.now() + 10 * 60_000),
    allocations: { indigenous_access: 0, community_access: 0, donated: 0 },
  });
  await createPaidOrder(db, screeningId, { quantity: 4, clientKey: uniq('rush-buyer') });
  const [first] = await rows<{ id: string }>(db, sql`SELECT id FROM tickets WHERE screening_id = ${screeningId} ORDER BY created_at, id LIMIT 1`);
  await db.execute(sql`INSERT INTO check_ins (ticket_id, screening_id, result, method, device_label, scanned_at) VALUES (${first!.id}, ${screeningId}, 'admitted', 'qr', 'Door 1', now())`);

  await signInWithPassword(page, email, 'rush-line-password', '/box-office/rush');
  await expect(page.getByRole('heading', { level: 1, name: 'Rush lines' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: new RegExp(`Open a rush line for ${film.title}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rush line: ${film.title}` })).toBeVisible();
  await expect(page.getByText('without a refund')).toBeVisible();
  await page.getByRole('button', { name: 'Open the rush line' }).click();
  await expect(page.getByText('The rush line is open: hand out numbers.')).toBeVisible();

  // Three arrivals: a pair, then two singles. Each gets the next number, shown big and printable.
  for (const [party, number] of [['2', '1'], ['1', '2'], ['1', '3']] as const) {
    await page.getByLabel('Party size').selectOption(party);
    await page.getByRole('button', { name: 'Give the next number' }).click();
    await expect(page.getByTestId('issued-number')).toHaveText(number);
  }
  await expect(page.getByRole('button', { name: 'Print this number' })).toBeVisible();
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'rush-line-numbers');

  // The call time has come: release the 3 unscanned tickets' worth the policy allows (here all 3) → 4 − 1 checked in − 0 kept = 3 places.
  await page.getByLabel('How many unscanned tickets to release').fill('3');
  await page.getByRole('button', { name: 'Compute the places and start calling' }).click();
  await expect(page.getByText('The places are computed')).toBeVisible();
  await expect(page.getByTestId('places-to-sell')).toHaveText('3');

  // Number 1 (a pair) buys 2 in cash; number 2 gets a comp with a reason.
  await page.getByRole('button', { name: 'Call the next number' }).click();
  await expect(page.getByTestId('now-calling')).toHaveText('1');
  const one = page.locator('li[data-number="1"]');
  await one.getByLabel('Payment').selectOption('cash');
  await one.getByRole('button', { name: 'Sell to number 1' }).click();
  await expect(page.getByText(/Order \S+ is issued/)).toBeVisible();
  await expect(page.locator('li[data-number="1"]').getByTestId('number-status')).toHaveText('Sold');
  await page.getByRole('button', { name: 'Call the next number' }).click();
  const two = page.locator('li[data-number="2"]');
  await two.getByLabel('Payment').selectOption('complimentary');
  await two.getByLabel('Reason (comps)').fill('Festival volunteer');
  await two.getByRole('button', { name: 'Sell to number 2' }).click();
  await expect(page.locator('li[data-number="2"]').getByTestId('number-status')).toHaveText('Sold');
  await expectAccessible(page);
  await captureWidths(page, testInfo, 'rush-line-calling');

  // No place reaches number 3: calling is refused, and closing turns it away.
  await page.getByRole('button', { name: 'Call the next number' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No places left for the line' })).toBeVisible();
  await page.getByRole('button', { name: /Close the line/ }).click();
  await expect(page.getByText('The rush line is closed')).toBeVisible();
  const reconciliation = page.getByTestId('reconciliation');
  await expect(reconciliation.getByRole('row', { name: 'Numbers handed out' }).getByRole('cell')).toHaveText('3');
  await expect(reconciliation.getByRole('row', { name: 'Rush sold (numbers served)' }).getByRole('cell')).toHaveText('2');
  await expect(reconciliation.getByRole('row', { name: 'Paid tickets' }).getByRole('cell')).toHaveText('2');
  await expect(reconciliation.getByRole('row', { name: 'Comp tickets' }).getByRole('cell')).toHaveText('1');
  await expect(reconciliation.getByRole('row', { name: 'Money taken' }).getByRole('cell')).toHaveText('$30');
  await expect(reconciliation.getByRole('row', { name: 'Turned away' }).getByRole('cell')).toHaveText('1');
  await expectAccessible(page);

  // The audit log has the line's story, ending with the reconciliation.
  await page.goto(`/box-office/audit?screening=${screeningId}`);
  await expect(page.getByText('Close rush line')).toBeVisible();
  await expect(page.getByText('Release unscanned ticket').first()).toBeVisible();
});

test('an audience member is refused the rush line pages', async ({ page, db, festival }) => {
  const venue = await createGaVenue(db, festival.id, 2);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day: 1, time: '11:40' });
  await page.goto('/box-office/rush');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbox-office%2Frush/);
  await signInByEmailLink(page, uniqueEmail('rush-audience'));
  for (const path of ['/box-office/rush', `/box-office/rush/${screeningId}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
  await expectAccessible(page);
});
