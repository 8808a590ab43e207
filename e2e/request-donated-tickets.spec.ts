import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createDonatedScreening, creditAccessFund } from './support/donation-requests';

/**
 * A partner organisation asks for donated tickets, staff approve part of the request from the Donated allocation, and
 * the partner finds the tickets on its request page, follows it to the organisation's tickets page to name a guest
 * (the one naming form every partner ticket shares), downloads the PDF, and gives back a ticket it will not use.
 * Axe on every page of the journey.
 */

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(blocking).toEqual([]);
}

async function signInByEmailLink(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email) }).first().getByRole('link').click();
  const text = (await page.locator('pre').textContent()) ?? '';
  const link = /Sign in: (\S+)/.exec(text)?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
}

async function staffPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/box-office/requests');
  await page.locator('#staff-email').fill('boxoffice@harbourfront.example');
  await page.locator('#staff-password').fill('festival-demo-password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(/\/box-office\/requests$/);
  return { page, context };
}

test('a partner requests donated tickets, staff approve part, and the partner names a guest and downloads the ticket', async ({ page, browser, db, festival, baseURL }) => {
  const { film } = await createDonatedScreening(db, festival, { day: 2, time: '13:30', donated: 4 });
  // The fund pays for the tickets at face value (the factory's adult price, $15): $100 covers the two approved.
  await creditAccessFund(db, festival.id, 10_000);

  // The public page explains how to ask, and leads to the form.
  await page.goto('/access/donation-requests');
  await expect(page.getByRole('heading', { level: 1, name: 'Ticket Donation Requests' })).toBeVisible();
  await noSeriousViolations(page);

  // The partner signs in with an emailed link and asks for 3 tickets for the screening.
  await signInByEmailLink(page, 'partner@mossback.example');
  await page.goto('/partner/requests/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for donated tickets' })).toBeVisible();
  await noSeriousViolations(page);
  await page.getByLabel(new RegExp(film.title)).check();
  await page.getByLabel('Number of tickets').fill('3');
  await page.getByLabel('Who are the tickets for?').fill('Families from our community garden programme');
  await page.getByLabel('Accessibility needs (optional)').fill('One wheelchair space');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page).toHaveURL(/\/partner\/requests\?submitted=1/);
  const mine = page.getByRole('listitem').filter({ hasText: film.title }).filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(mine.getByText('Submitted', { exact: true })).toBeVisible();
  await noSeriousViolations(page);

  // Staff see the fund and the screening's places, and approve 2 of the 3 from the Donated allocation.
  const staff = await staffPage(browser, baseURL!);
  await expect(staff.page.getByRole('heading', { name: 'Access fund' })).toBeVisible();
  await noSeriousViolations(staff.page);
  const request = staff.page.getByRole('listitem').filter({ hasText: film.title }).filter({ hasText: 'Families from our community garden programme' });
  await expect(request.getByRole('row', { name: new RegExp(film.title) }).getByRole('cell').first()).toHaveText('4');
  await request.getByLabel(new RegExp(`Tickets to issue for ${film.title}`)).fill('2');
  await request.getByLabel('Message to the partner (optional)').fill('Two tickets now; the screening is nearly full.');
  await request.getByRole('button', { name: 'Issue these tickets' }).click();
  await expect(staff.page.getByText('the request now has 2 (partly approved)')).toBeVisible();
  await noSeriousViolations(staff.page);
  await staff.page.goto('/box-office/requests/lottery');
  await expect(staff.page.getByRole('heading', { level: 1, name: 'Fair allocation' })).toBeVisible();
  await noSeriousViolations(staff.page);
  await staff.context.close();

  // The partner sees "Partly approved", the message, and the two tickets; names a guest and downloads the PDF.
  await page.goto('/partner/requests');
  await expect(mine.getByText('Partly approved', { exact: true })).toBeVisible();
  await expect(mine.getByText('2 of 3 issued')).toBeVisible();
  await expect(mine.getByText('Two tickets now; the screening is nearly full.')).toBeVisible();
  await expect(mine.getByRole('link', { name: /Download ticket \d \(PDF\)/ })).toHaveCount(2);
  await noSeriousViolations(page);
  const pdfHref = await mine.getByRole('link', { name: 'Download ticket 1 (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toMatch(/application\/pdf/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Names are written on the organisation's tickets page, where every ticket it holds is named the same way.
  await mine.getByRole('link', { name: 'Name, send or give back ticket 1' }).click();
  await expect(page).toHaveURL(/\/partner\/tickets#order-/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
  await noSeriousViolations(page);
  const order = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: film.title }) });
  await expect(order.getByText('Donated')).toBeVisible();
  await order.getByRole('textbox', { name: /Name on ticket/ }).first().fill('Jordan Guest');
  await order.getByRole('button', { name: /Save the name on ticket/ }).first().click();
  await expect(page.getByText('Name saved. Download the tickets again to print the new name.')).toBeVisible();
  await expect(order.getByRole('textbox', { name: /Name on ticket/ }).first()).toHaveValue('Jordan Guest');

  // One guest cannot come: the partner gives that ticket back, and the fund has its value again.
  await order.getByRole('button', { name: /Give back ticket/ }).last().click();
  await expect(page.getByText('Ticket given back. Thank you: the access fund has its value again')).toBeVisible();
  await expect(order.getByRole('button', { name: /Give back ticket/ })).toHaveCount(1);
  await noSeriousViolations(page);
  await page.goto('/partner/requests');
  await expect(mine.getByText('Jordan Guest')).toBeVisible();
  await expect(mine.getByText('(given back)')).toBeVisible();
  await expect(mine.getByText('1 of 3 issued')).toBeVisible();

  // The staff's decision reached the partner's contact by email too.
  await page.goto('/dev/outbox');
  await expect(page.getByRole('row', { name: /Part of your ticket request for Mossback/ }).first()).toBeVisible();
});
