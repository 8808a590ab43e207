import { expect, festivalClock, test } from './support/fixtures';
import { createBrowsableFilm } from './support/programme-data';
import { screenings } from '@/db/schema';
import { eq } from 'drizzle-orm';

test('the schedule shows one day as venues by time, in festival time', async ({ page, db, festival }) => {
  const { film, reserved } = await createBrowsableFilm(db, festival, { day: 3, time: '09:40' });
  const [row] = await db.select().from(screenings).where(eq(screenings.id, reserved));
  const clock = festivalClock(row!.startsAt, festival.timeZone);

  await page.goto('/schedule');
  await page.getByRole('navigation', { name: 'Festival days' }).getByRole('link').nth(3).click();
  await expect(page).toHaveURL(`/schedule?day=${festival.days[3]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Schedule for ${clock.day}`);

  const lumen = page.getByRole('region', { name: 'Lumen Cinema' });
  const entry = lumen.getByRole('link', { name: new RegExp(film.title) });
  await expect(entry).toContainText(clock.time);
  await entry.click();
  await expect(page).toHaveURL(`/screenings/${reserved}`);

  for (const venue of ['Lumen Cinema', 'Harbour Hall', 'Studio Theatre', 'Fir Street Annex']) {
    await page.goto(`/schedule?day=${festival.days[3]}`);
    await expect(page.getByRole('region', { name: venue })).toBeVisible();
  }
  // The seeded cancellation on day 4 is shown struck through, not hidden.
  await expect(page.getByRole('region', { name: 'Fir Street Annex' }).getByText('Cancelled')).toBeVisible();

  await page.goto('/schedule?day=1999-01-01');
  await expect(page.getByText('Day not in the festival')).toBeVisible();
});
