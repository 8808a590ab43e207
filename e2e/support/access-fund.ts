import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { AccessFundBody } from '@/web/api/serialize-access-fund';

/** The axe gate every page of these journeys passes (the same tags as book-standard-ticket.spec.ts). */
export { expectAccessible as noSeriousViolations } from './accessibility';

export async function fundFigures(request: APIRequestContext): Promise<AccessFundBody> {
  const res = await request.get('/api/v1/access-fund');
  expect(res.status()).toBe(200);
  return (await res.json()) as AccessFundBody;
}

/** A figure as the public page shows it ("$1,234.50", "12"), in cents for money. */
export async function shownFigure(page: Page, label: 'Money raised' | 'Tickets funded' | 'Tickets issued' | 'Tickets used'): Promise<number> {
  const text = (await page.locator(`[data-figure="${label}"]`).textContent()) ?? '';
  const n = Number(text.replace(/[^0-9.]/g, ''));
  return label === 'Money raised' ? Math.round(n * 100) : n;
}

/**
 * The public page's figures are at least these (other journeys may give at the same time, so never "exactly"):
 * read after the page has fetched them itself.
 */
export async function expectFundPageAtLeast(page: Page, o: { raisedCents: number; ticketsFunded: number }) {
  await page.goto('/access/fund');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What the community has given');
  await expect(page.locator('[data-figure="Money raised"]')).toBeVisible();
  expect(await shownFigure(page, 'Money raised')).toBeGreaterThanOrEqual(o.raisedCents);
  expect(await shownFigure(page, 'Tickets funded')).toBeGreaterThanOrEqual(o.ticketsFunded);
}
