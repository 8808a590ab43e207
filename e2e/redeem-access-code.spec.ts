import { sql } from 'drizzle-orm';
import { rows } from '@/db/sql';
import { grantAllotment } from '@/domain/partners/allotments';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';
import { createCommunityScreening, expectAccessible, signInByEmailLink } from './support/partners';

/**
 * A community partner hands out an access code from its portal; a person with no account redeems it on the screening
 * page and gets a free ticket, shown at once and emailed. The same code does not work twice.
 */
test('a partner issues an access code and an anonymous person redeems it for a free ticket', async ({ page, browser, baseURL, db, festival }) => {
  const { screeningId, title } = await createCommunityScreening(db, festival, { venue: 'harbour-hall', community: 6 });
  const [partner] = await rows<{ organisation_id: string }>(db, sql`SELECT organisation_id FROM users WHERE email = 'partner@mossback.example'`);
  const [admin] = await rows<{ id: string; email: string }>(db, sql`SELECT id, email FROM users WHERE email = 'admin@harbourfront.example'`);
  const granted = await grantAllotment(db, { ...admin!, name: 'Box office', role: 'admin', organisationId: null, orgRole: null }, {
    screeningId,
    organisationId: partner!.organisation_id,
    quantity: 3,
  }, { baseUrl: baseURL!, emailStatus: 'stored' });
  expect(granted.ok).toBe(true);

  // The partner signs in with an emailed link and opens its Community Access places.
  await signInByEmailLink(page, 'partner@mossback.example');
  await page.goto('/partner/allotments');
  await expect(page.getByRole('heading', { level: 1, name: 'Community Access places' })).toBeVisible();
  await expectAccessible(page);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card.getByText('Granted', { exact: true }).first()).toBeVisible();
  await card.getByLabel('How many codes').fill('1');
  await card.getByLabel('Label for your records (optional)').fill('Thursday drop-in');
  await card.getByRole('button', { name: `Create access codes for ${title}` }).click();
  await expect(page.getByText('Your new codes are below.')).toBeVisible();
  const codeCell = card.getByTestId('access-code').first();
  const code = ((await codeCell.textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(card.getByText('Not used yet · Thursday drop-in')).toBeVisible();
  await expectAccessible(page);

  // Someone with the code and no account, in a browser of their own.
  const visitor = await browser.newContext({ baseURL });
  const person = await visitor.newPage();
  await person.goto(`/screenings/${screeningId}`);
  await person.getByRole('link', { name: 'Have an access code?' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Use an access code' })).toBeVisible();
  await expectAccessible(person);
  const email = uniqueEmail('code-holder');
  // Typed as people type it: lower case, a space for the dash.
  await person.getByLabel('Access code').fill(code.toLowerCase().replace('-', ' '));
  await person.getByLabel('Name for the ticket').fill('Ari Holder');
  await person.getByLabel('Email').fill(email);
  await person.getByRole('button', { name: 'Get my free ticket' }).click();
  await expect(person.getByRole('heading', { level: 1, name: 'Your ticket is ready' })).toBeVisible();
  await expect(person.getByText('we have emailed it to you')).toBeVisible();
  await expectAccessible(person);
  await person.getByRole('link', { name: 'See your ticket' }).click();
  await expect(person.getByRole('heading', { level: 1, name: /^Ticket / })).toBeVisible();
  await expect(person.getByText('Ari Holder')).toBeVisible();
  await expectAccessible(person);

  const [sent] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM emails WHERE "to" = ${email}`);
  expect(sent!.n).toBe(1);

  // The same code again: refused, and no second ticket.
  await person.goto(`/screenings/${screeningId}/redeem`);
  await person.getByLabel('Access code').fill(code);
  await person.getByLabel('Name for the ticket').fill('Second Try');
  await person.getByLabel('Email').fill(uniqueEmail('second'));
  await person.getByRole('button', { name: 'Get my free ticket' }).click();
  await expect(person.getByRole('alert').filter({ hasText: 'That did not work' })).toContainText('That code does not work for this screening');
  await expectAccessible(person);
  const [tickets] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid'`);
  expect(tickets!.n).toBe(1);
  await visitor.close();

  // The partner sees the code used.
  await page.reload();
  await expect(card.getByText('Used · Thursday drop-in')).toBeVisible();
});
