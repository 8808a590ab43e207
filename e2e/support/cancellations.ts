import type { Page } from '@playwright/test';
import type { Database } from '@/db/client';
import { createFilm, createGaVenue, createTestScreening, uniq } from '../../tests/support/factories';
import { expect } from './fixtures';

interface FestivalRef {
  id: string;
  timeZone: string;
  startsOn: string;
}

/** A film of its own in the demo festival, shown in a general-admission house of its own at each of the given prices. */
export async function createFilmAtPrices(db: Database, festival: FestivalRef, prices: number[], o: { day: number }) {
  const token = uniq('cx').slice(3);
  const film = await createFilm(db, festival.id, { title: `Tidewater ${token}` });
  const screenings: string[] = [];
  for (const [i, priceCents] of prices.entries()) {
    const venue = await createGaVenue(db, festival.id, 40);
    screenings.push(
      await createTestScreening(db, festival, {
        venueId: venue.id,
        filmIds: [film.id],
        day: o.day,
        time: `${String(12 + i * 2).padStart(2, '0')}:30`,
        ticketTypes: [{ code: 'adult', name: 'Adult', priceCents }],
      }),
    );
  }
  return { film, screenings };
}

export async function signInWithPassword(page: Page, email: string, password: string, callback: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callback)}`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page).toHaveURL(new RegExp(callback.replace(/[?]/g, '\\?')));
}
