import { expect, test } from './support/fixtures';

test('the film page carries everything the festival publishes about Here', async ({ page }) => {
  await page.goto('/films/here');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Here');
  await expect(page.getByText('Directed by Bas Devos')).toBeVisible();
  await expect(page.getByText('Panorama').first()).toBeVisible();
  await expect(page.getByText(/Stefan Gota, Liyo Gong, Cedric Luvuezo, Teodor Corban, Saadia Bentaïeb/)).toBeVisible();
  await expect(page.getByText('In Dutch, French, Romanian, and Chinese with English subtitles')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Community Partner/ })).toBeVisible();

  const credits = page.getByRole('region', { name: 'Credits' });
  for (const [role, person] of [
    ['Producer', 'Marc Goyens'],
    ['Screenwriter', 'Bas Devos'],
    ['Cinematography', 'Grimm Vandekerckhove'],
    ['Editor', 'Dieter Diependaele'],
    ['Production Design', 'Špela Tušar'],
    ['Original Music', 'Brecht Ameel'],
  ]) {
    await expect(credits.getByRole('term').filter({ hasText: new RegExp(`^${role}$`) })).toBeVisible();
    await expect(credits.getByRole('definition').filter({ hasText: person }).first()).toBeVisible();
  }
  const director = page.getByRole('region', { name: 'Director' });
  await expect(director.getByText(/Zoersel/)).toBeVisible();
  await expect(director.getByText(/Violet \(2014\); Hellhole \(2019\); Ghost Tropic \(2019\)/)).toBeVisible();

  const related = page.getByRole('region', { name: 'You may also like' }).getByRole('link');
  await expect(related).toHaveCount(6);

  // Screenings with live status, a booking action each, the cancelled one marked.
  const list = page.locator('#screenings');
  await expect(list.getByText('Cancelled')).toBeVisible();
  expect(await list.getByRole('link', { name: /^Book tickets: Here/ }).count()).toBeGreaterThan(3);

  // schema.org ScreeningEvent JSON-LD, one per upcoming screening, times as instants.
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '[]') as {
    '@type': string;
    startDate: string;
    eventStatus: string;
    workPresented: { name: string };
  }[];
  expect(jsonLd.length).toBeGreaterThan(5);
  for (const e of jsonLd) {
    expect(e['@type']).toBe('ScreeningEvent');
    expect(e.workPresented.name).toBe('Here');
    expect(new Date(e.startDate).toISOString()).toBe(e.startDate);
  }
  expect(jsonLd.some((e) => e.eventStatus === 'https://schema.org/EventCancelled')).toBe(true);

  // Sharing metadata.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Here');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/posters\/here\.svg$/);
  await expect(page).toHaveTitle(/^Here · /);
});

test('the access links lead to honest pages, and no link on the main pages is dead', async ({ page, request }) => {
  await page.goto('/films/here');
  const access = page.getByRole('region', { name: 'Indigenous & Community Access' });
  for (const name of ['Indigenous Access Tickets', 'Community Access Tickets', 'Ticket Donation Requests']) {
    await access.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    // Ticket Donation Requests is open (e2e/request-donated-tickets.spec.ts): its page explains how to ask.
    if (name === 'Ticket Donation Requests') await expect(page.getByRole('link', { name: 'Ask for donated tickets' })).toBeVisible();
    // Indigenous Access is open (its page says how it works).
    else if (name === 'Indigenous Access Tickets') await expect(page.getByRole('heading', { name: 'How it works' })).toBeVisible();
    // Community Access is open: through partner organisations, or with a code (e2e/redeem-access-code.spec.ts).
    else await expect(page.getByRole('link', { name: 'Apply to become a partner' })).toBeVisible();
    await expect(page.getByText('Opens soon')).toHaveCount(0);
    await page.goBack();
  }

  const seen = new Set<string>();
  for (const start of ['/', '/films/here', '/schedule', '/venues', '/access']) {
    await page.goto(start);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) seen.add(href.split('#')[0]!);
  }
  for (const href of seen) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
  }
  expect(seen.size).toBeGreaterThan(30);
});

test('an unknown film or screening gets a proper 404 page', async ({ page }) => {
  for (const path of ['/films/no-such-film', '/screenings/00000000-0000-4000-8000-000000000000', '/screenings/not-an-id', '/venues/nowhere', '/access/nothing']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});
