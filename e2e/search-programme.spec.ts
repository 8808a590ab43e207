import { expect, test } from './support/fixtures';

const search = async (page: import('@playwright/test').Page, text: string) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`));
};

test('search finds films by title without accents, by director, by cast member and by country', async ({ page }) => {
  const titles = () => page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();

  await search(page, 'etranger');
  expect(await titles()).toEqual(['L’Étranger']);

  await search(page, 'Devos');
  expect(await titles()).toEqual(['Here']);

  await search(page, 'Liyo Gong');
  expect(await titles()).toEqual(['Here']);

  await search(page, 'Belgium');
  expect(await titles()).toEqual(expect.arrayContaining(['Here']));

  await search(page, 'no film is called this');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByText('Nothing matches')).toBeVisible();
});
