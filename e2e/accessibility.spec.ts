import AxeBuilder from '@axe-core/playwright';
import { and, eq } from 'drizzle-orm';
import { screenings, venues } from '@/db/schema';
import { expect, test } from './support/fixtures';
import { captureWidths } from './support/screenshots';

test.describe('accessibility scan and screenshots', () => {
  const pages: { name: string; path: (ids: { reserved: string; ga: string; day: string }) => string }[] = [
    { name: 'programme', path: () => '/' },
    { name: 'programme-filtered', path: ({ day }) => `/?day=${day}&feature=open_captions` },
    { name: 'film', path: () => '/films/here' },
    { name: 'screening-reserved', path: ({ reserved }) => `/screenings/${reserved}` },
    { name: 'screening-general-admission', path: ({ ga }) => `/screenings/${ga}` },
    { name: 'schedule', path: ({ day }) => `/schedule?day=${day}` },
    { name: 'venue', path: () => '/venues/lumen-cinema' },
    { name: 'access', path: () => '/access/indigenous?film=here' },
    { name: 'not-found', path: () => '/films/no-such-film' },
    { name: 'signin', path: () => '/signin' },
  ];

  for (const p of pages) {
    test(`${p.name}: no serious or critical WCAG violations`, async ({ page, db, festival }, testInfo) => {
      const first = async (slug: string) => {
        const [row] = await db
          .select({ id: screenings.id })
          .from(screenings)
          .innerJoin(venues, eq(venues.id, screenings.venueId))
          .where(and(eq(screenings.festivalId, festival.id), eq(venues.slug, slug), eq(screenings.status, 'on_sale')))
          .limit(1);
        return row!.id;
      };
      const ids = { reserved: await first('lumen-cinema'), ga: await first('harbour-hall'), day: festival.days[1]! };
      const response = await page.goto(p.path(ids));
      expect(response?.status()).toBe(p.name === 'not-found' ? 404 : 200);

      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const blocking = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(blocking).toEqual([]);

      await captureWidths(page, testInfo, p.name);
      // Mobile-first: nothing forces sideways scrolling of the page itself at phone width.
      await page.setViewportSize({ width: 390, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
