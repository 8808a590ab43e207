import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createBrowsableFilm } from './support/programme-data';

/** Presses Tab until the focused element satisfies `match`; fails after `limit` presses. */
async function tabTo(page: Page, match: (el: { tag: string; text: string; href: string | null; label: string | null }) => boolean, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', href: a?.getAttribute('href') ?? null, label: a?.getAttribute('aria-label') ?? null };
    });
    if (match(el)) return el;
  }
  throw new Error('focus never reached the element');
}

test('keyboard only: skip link, programme search, film and screening', async ({ page, db, festival }) => {
  const { film, reserved } = await createBrowsableFilm(db, festival, { day: 1, time: '10:05' });
  await page.goto('/');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');

  await tabTo(page, (el) => el.tag === 'INPUT');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type(film.title);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=Lanterns/);

  await tabTo(page, (el) => el.href === `/films/${film.slug}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/films/${film.slug}`);

  await tabTo(page, (el) => el.href === `/screenings/${reserved}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/screenings/${reserved}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(film.title);

  // Focus is always visible: the focused link draws an outline.
  await tabTo(page, (el) => el.href === `/screenings/${reserved}/book`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
});
