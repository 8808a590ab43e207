import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { createOrganisation, createUser, uniq } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';
import { createCommunityScreening, expectAccessible, signInByEmailLink } from './support/partners';

/**
 * A partner asks for Community Access places, staff grant them in part, the partner claims two tickets in the names of
 * the people they are for and downloads them; a partner of another organisation can open none of it.
 */
test('staff grant a partner’s request, the partner claims two named places and downloads them; another organisation is refused', async ({
  page,
  browser,
  baseURL,
  db,
  festival,
}) => {
  const { screeningId, title } = await createCommunityScreening(db, festival, { venue: 'lumen-cinema', community: 8 });
  const org = await createOrganisation(db, `Riverside Youth ${uniq('o').slice(2)}`);
  const other = await createOrganisation(db, `Elsewhere Society ${uniq('o').slice(2)}`);
  const partnerEmail = uniqueEmail('partner');
  const otherEmail = uniqueEmail('other-partner');
  await createUser(db, { email: partnerEmail, name: 'Rua Partner', role: 'partner', organisationId: org.id, orgRole: 'admin' });
  await createUser(db, { email: otherEmail, name: 'Olu Other', role: 'partner', organisationId: other.id, orgRole: 'admin' });

  // The partner asks for 4 places.
  await signInByEmailLink(page, partnerEmail);
  await page.goto('/partner/allotments');
  await page.getByLabel('Screening', { exact: true }).selectOption(screeningId);
  await page.getByLabel('How many places').fill('4');
  await page.getByLabel('Anything the festival should know (optional)').fill('For our Saturday film club');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText('Your request is with the festival.')).toBeVisible();
  await expectAccessible(page);

  // Staff grant 3 of the 4.
  const staff = await browser.newContext({ baseURL });
  const desk = await staff.newPage();
  await desk.goto('/box-office/allotments');
  await desk.locator('#staff-email').fill('admin@harbourfront.example');
  await desk.locator('#staff-password').fill('festival-demo-password');
  await desk.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(desk.getByRole('heading', { level: 1, name: 'Allotments' })).toBeVisible();
  await expectAccessible(desk);
  const request = desk.getByRole('listitem').filter({ hasText: org.name });
  await expect(request.getByText('asks for 4 places')).toBeVisible();
  await request.getByLabel('Places to grant').fill('3');
  await request.getByRole('button', { name: `Grant places to ${org.name}` }).click();
  await expect(desk.getByText('Places granted.')).toBeVisible();
  await expectAccessible(desk);

  // The partner who asked is emailed: how many, where, by when, and the portal's link.
  const [grantMail] = await rows<{ subject: string; text: string }>(db, sql`SELECT subject, text FROM emails WHERE "to" = ${partnerEmail} AND subject LIKE '3 places for%'`);
  expect(grantMail!.subject).toContain(org.name);
  expect(grantMail!.text).toMatch(/\/partner\/allotments/);

  // The box office's partner report: this organisation's places, in counts.
  await desk.goto('/box-office/partners/report');
  await expect(desk.getByRole('heading', { level: 1, name: 'Partner report' })).toBeVisible();
  await expect(desk.getByRole('row', { name: new RegExp(org.name) }).getByRole('cell').nth(4)).toHaveText('3');
  await expectAccessible(desk);
  const csv = await desk.request.get('/box-office/partners/report.csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(org.name);
  await staff.close();

  // The partner claims 2 with names.
  await page.goto('/partner/allotments');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card.getByRole('definition').nth(0)).toHaveText('3');
  await card.getByLabel('How many', { exact: true }).first().fill('2');
  await card.getByLabel('Names (optional)').fill('Mere Tane\nJo Bloggs');
  await card.getByRole('button', { name: `Claim tickets for ${title}` }).click();
  await expect(page).toHaveURL(/\/partner\/tickets\?/);
  await expect(page.getByText('Your tickets are ready')).toBeVisible();
  await expectAccessible(page);
  const order = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(order.getByRole('textbox', { name: /Name on ticket/ })).toHaveCount(2);
  await expect(order.getByRole('textbox', { name: /Name on ticket/ }).first()).toHaveValue(/Mere Tane|Jo Bloggs/);

  const download = page.waitForEvent('download');
  await order.getByRole('link', { name: /Download the tickets of order/ }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^tickets-MQ-.*\.pdf$/);
  const [claimed] = await rows<{ id: string; holders: string[]; seats: number }>(db, sql`
    SELECT o.id, array_agg(t.holder_name ORDER BY t.holder_name) AS holders, count(t.seat_id)::int AS seats
    FROM orders o JOIN tickets t ON t.order_id = o.id WHERE o.screening_id = ${screeningId} AND o.organisation_id = ${org.id} GROUP BY o.id`);
  expect(claimed!.holders).toEqual(['Jo Bloggs', 'Mere Tane']);
  expect(claimed!.seats).toBe(2);
  const [allotment] = await rows<{ quantity: number; used: number }>(db, sql`SELECT quantity, used FROM allotments WHERE screening_id = ${screeningId} AND organisation_id = ${org.id}`);
  expect(allotment).toEqual({ quantity: 3, used: 2 });

  // A partner of another organisation: none of it is theirs.
  const elsewhere = await browser.newContext({ baseURL });
  const stranger = await elsewhere.newPage();
  await signInByEmailLink(stranger, otherEmail);
  await stranger.goto('/partner/tickets');
  await expect(stranger.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await expect(stranger.getByText(title)).toHaveCount(0);
  await expectAccessible(stranger);
  expect((await stranger.request.get(`/orders/${claimed!.id}/tickets.pdf`)).status()).toBe(404);
  expect((await stranger.request.get(`/orders/${claimed!.id}`)).status()).toBe(404);
  const api = await stranger.request.post(`/api/v1/partner/allotments/${(await rows<{ id: string }>(db, sql`SELECT id FROM allotments WHERE screening_id = ${screeningId} AND organisation_id = ${org.id}`))[0]!.id}/claims`, {
    data: { quantity: 1 },
    headers: { origin: baseURL! },
  });
  expect(api.status()).toBe(404);
  await elsewhere.close();
});
