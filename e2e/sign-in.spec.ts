import type { Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { createInvitationToken, createPaidOrder, createUser, TEST_ORDER_SETTINGS } from '../tests/support/factories';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/booking';
import { createBrowsableFilm } from './support/programme-data';

async function openLatestEmailTo(page: Page, email: string) {
  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).first().getByRole('link').click();
  return (await page.locator('pre').textContent()) ?? '';
}

test('an audience member signs in with an emailed link and finds the tickets they bought as a guest', async ({ page, db, festival, baseURL }) => {
  const email = uniqueEmail('guest');
  // A guest purchase with this address, paid through the same path the webhook takes.
  const { reserved } = await createBrowsableFilm(db, festival, { day: 4, time: '10:10' });
  await createPaidOrder(db, reserved, { clientKey: 'e2e', buyer: { name: 'Guest Buyer', email }, via: 'stripe-event', settings: { ...TEST_ORDER_SETTINGS, baseUrl: baseURL! } });

  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const text = await openLatestEmailTo(page, email);
  const link = /Sign in: (\S+)/.exec(text)?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('strong').filter({ hasText: email })).toBeVisible();

  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'My tickets' }).click();
  const entry = page.getByRole('listitem').filter({ hasText: 'Tickets ready' });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('link').click();
  // Signed in, the order opens without its emailed token.
  await expect(page.getByText('Payment received: your tickets are ready')).toBeVisible();

  // The link works once: used again in another browser, it signs nobody in.
  const other = await page.context().browser()!.newContext({ baseURL });
  const again = await other.newPage();
  await again.goto(link!);
  await expect(again).toHaveURL(/\/signin/);
  await other.close();
});

test('staff sign in with a password, reach the admin page, and sign out', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
  await page.locator('#staff-email').fill('admin@harbourfront.example');
  await page.locator('#staff-password').fill('festival-demo-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin/);
});

test('an audience account cannot open the staff pages, and the answer never says whether an email exists', async ({ page }) => {
  await page.goto('/signin');
  await page.locator('#staff-email').fill(uniqueEmail('nobody'));
  await page.locator('#staff-password').fill('whatever-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Not signed in' });
  const unknown = await notice.textContent();
  await page.locator('#staff-email').fill('admin@harbourfront.example');
  await page.locator('#staff-password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  expect(await notice.textContent()).toBe(unknown);
});

test('five wrong passwords lock the account for a while, even with the right password after', async ({ page, db }) => {
  const email = uniqueEmail('staff');
  await createUser(db, { email, name: 'Locked Staff', role: 'staff', password: 'the-right-password' });
  const attempt = async (password: string) => {
    await page.goto('/signin');
    await page.locator('#staff-email').fill(email);
    await page.locator('#staff-password').fill(password);
    await page.getByRole('button', { name: 'Sign in with password' }).click();
    await page.waitForURL(/\/signin|\/account/);
  };
  for (let i = 0; i < 5; i++) await attempt('wrong-password');
  await attempt('the-right-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Not signed in' })).toContainText('Too many failed attempts');
  await expect(page).toHaveURL(/error=locked/);
});

test('an admin invites a box-office colleague, who accepts, sets a password and signs in as staff', async ({ page, browser, baseURL }) => {
  const invitee = uniqueEmail('newstaff');
  await page.goto('/signin?callbackUrl=%2Fadmin%2Fusers');
  await page.locator('#staff-email').fill('admin@harbourfront.example');
  await page.locator('#staff-password').fill('festival-demo-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(invitee);
  await page.getByLabel('Role', { exact: true }).selectOption('staff');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent')).toBeVisible();

  // The colleague, in their own browser, follows the emailed link.
  const theirs = await browser.newContext({ baseURL });
  const them = await theirs.newPage();
  const text = await openLatestEmailTo(them, invitee);
  const link = /Accept: (\S+)/.exec(text)?.[1];
  expect(link).toBeDefined();
  await them.goto(link!);
  await them.getByLabel('Your name').fill('Robin Staff');
  await them.getByLabel('Choose a password').fill('short');
  await them.getByRole('button', { name: 'Accept' }).click();
  await expect(them).toHaveURL(/\/invite\//); // the browser refuses a password under 12 characters
  await them.getByLabel('Choose a password').fill('a-long-staff-password');
  await them.getByRole('button', { name: 'Accept' }).click();
  await expect(them).toHaveURL(/\/signin\?accepted=staff/);
  await them.locator('#staff-email').fill(invitee);
  await them.locator('#staff-password').fill('a-long-staff-password');
  await them.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(them.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(them.getByText('Box-office staff')).toBeVisible();
  // The invitation worked once.
  await them.goto(link!);
  await expect(them.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await theirs.close();
});

test('an invitation for an existing account needs that account, signed in, to confirm; another account is refused', async ({ page, browser, baseURL, db }) => {
  const owner = uniqueEmail('existing');
  const { id: ownerId } = await createUser(db, { email: owner, name: 'Existing Member', role: 'audience' });
  const [admin] = await db.execute<{ id: string } & Record<string, unknown>>(sql`SELECT id FROM users WHERE email = 'admin@harbourfront.example'`);
  const [org] = await db.execute<{ id: string; name: string } & Record<string, unknown>>(sql`SELECT id, name FROM organisations ORDER BY slug LIMIT 1`);
  const token = await createInvitationToken(db, { email: owner, role: 'partner', organisationId: org!.id, orgRole: 'member', invitedBy: admin!.id });
  const invite = `/invite/${token}`;

  // Side by side: a staff member signed in to their own account opens the same link and is refused.
  const others = await browser.newContext({ baseURL });
  const other = await others.newPage();
  await other.goto(`/signin?callbackUrl=${encodeURIComponent(invite)}`);
  await other.locator('#staff-email').fill('boxoffice@harbourfront.example');
  await other.locator('#staff-password').fill('festival-demo-password');
  await other.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(other).toHaveURL(new RegExp(`${invite}$`));
  await expect(other.getByRole('heading', { name: 'This invitation is for another account' })).toBeVisible();
  await expect(other.getByRole('button', { name: /Accept/ })).toHaveCount(0);
  // Signing out comes back to the invitation, which now asks for the right account.
  await other.getByRole('button', { name: `Sign out, then sign in as ${owner}` }).click();
  await expect(other.getByRole('heading', { name: 'This address already has an account' })).toBeVisible();
  await others.close();

  // The owner, not signed in, is asked to sign in first, and comes back to confirm.
  await page.goto(invite);
  await expect(page.getByRole('heading', { name: 'This address already has an account' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign in to accept' }).click();
  await page.getByLabel('Email', { exact: true }).first().fill(owner);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const text = await openLatestEmailTo(page, owner);
  const link = /Sign in: (\S+)/.exec(text)?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(page).toHaveURL(new RegExp(`${invite}$`));
  await expect(page.getByText(`Your role changes from audience member to community partner at ${org!.name}.`)).toBeVisible();
  const [before] = await db.execute<{ role: string } & Record<string, unknown>>(sql`SELECT role FROM users WHERE id = ${ownerId}`);
  expect(before!.role).toBe('audience');
  await page.getByRole('button', { name: 'Accept and change my role' }).click();
  await expect(page).toHaveURL(/\/signin\?accepted=partner/);
  const [after] = await db.execute<{ role: string; organisation_id: string } & Record<string, unknown>>(sql`SELECT role, organisation_id FROM users WHERE id = ${ownerId}`);
  expect(after).toEqual({ role: 'partner', organisation_id: org!.id });
  // The role change signed the account out everywhere: it signs in again with its new role.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin/);
});
