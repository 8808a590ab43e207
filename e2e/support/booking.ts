import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const EMULATOR = `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? 12199}`;

/** Fills the emulator's hosted checkout form as a buyer would. */
export async function payOnHostedCheckout(page: Page, card: string) {
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR}/checkout/cs_`));
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/34');
  await page.getByLabel('CVC').fill('123');
  await page.getByLabel('Name on card').fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Pay' }).click();
}

export async function fillBuyer(page: Page, email: string) {
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: /^Pay / }).click();
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
