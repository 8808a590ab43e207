import { and, eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import type { Database } from '@/db/client';
import { venues } from '@/db/schema';
import { createFilm, createTestScreening, uniq } from '../../tests/support/factories';
import { expect } from './fixtures';

/** The partner journeys' data and steps: a screening with Community Access places, email-link sign-in, an axe scan. */

interface FestivalRef {
  id: string;
  timeZone: string;
  startsOn: string;
}

/** A film of its own with one screening eight days from now (well before the partners' cut-off) and Community Access places. */
export async function createCommunityScreening(db: Database, festival: FestivalRef, o: { venue: 'lumen-cinema' | 'harbour-hall'; community: number }) {
  const [venue] = await db.select({ id: venues.id }).from(venues).where(and(eq(venues.festivalId, festival.id), eq(venues.slug, o.venue)));
  const title = `Tidewater ${uniq('e2e').slice(4)}`;
  const film = await createFilm(db, festival.id, { title });
  const startsAt = new Date(Date.now() + 8 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const screeningId = await createTestScreening(db, festival, {
    venueId: venue!.id,
    filmIds: [film.id],
    startsAt,
    allocations: { community_access: o.community },
  });
  return { screeningId, title };
}

/** Signs in as a partner or audience member would: the emailed link, read from the dev outbox. */
export async function signInByEmailLink(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email', { exact: true }).first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  await page.getByRole('row', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) }).first().getByRole('link').click();
  const text = (await page.locator('pre').textContent()) ?? '';
  const link = /Sign in: (\S+)/.exec(text)?.[1];
  expect(link).toBeDefined();
  await page.goto(link!);
}

export { expectAccessible } from './accessibility';
