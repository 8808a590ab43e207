import { expect, test } from './support/fixtures';

test('the read API serves films and screenings with live availability', async ({ request, festival }) => {
  const films = await (await request.get('/api/v1/films')).json();
  expect(films.count).toBeGreaterThanOrEqual(7);
  expect(films.films.map((f: { slug: string }) => f.slug)).toContain('here');

  const here = await request.get('/api/v1/films/here');
  expect(here.status()).toBe(200);
  const film = await here.json();
  expect(film).toMatchObject({ title: 'Here', year: 2023, directors: ['Bas Devos'], section: { slug: 'panorama' } });
  expect(film.screenings.length).toBeGreaterThan(3);

  const day = festival.days[1]!;
  const list = await (await request.get(`/api/v1/screenings?date=${day}`)).json();
  expect(list.count).toBeGreaterThan(0);
  for (const s of list.screenings) expect(s.localDate).toBe(day);

  const byFilm = await (await request.get('/api/v1/screenings?film=here&venue=lumen-cinema')).json();
  expect(byFilm.count).toBeGreaterThan(0);
  for (const s of byFilm.screenings) {
    expect(s.films.map((f: { slug: string }) => f.slug)).toContain('here');
    expect(s.venue.slug).toBe('lumen-cinema');
  }

  const detail = await (await request.get(`/api/v1/screenings/${byFilm.screenings[0].id}`)).json();
  expect(detail.ticketTypes.length).toBeGreaterThan(0);
  for (const t of detail.ticketTypes) {
    expect(t.priceCents).toBeGreaterThan(0);
    expect(t.available).toBe(detail.available);
  }
  expect(detail.seats.length).toBeGreaterThanOrEqual(150);
  expect(detail.accessAllocations.map((a: { programme: string }) => a.programme).sort()).toEqual(['community_access', 'donated', 'indigenous_access']);
});

test('list endpoints come a page at a time: following nextCursor visits every screening once, in order', async ({ request }) => {
  const whole = await (await request.get('/api/v1/screenings?limit=200')).json();
  expect(whole.nextCursor).toBeNull();
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { count: number; nextCursor: string | null; screenings: { id: string }[] } = await (
      await request.get(`/api/v1/screenings?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
    ).json();
    expect(page.count).toBeLessThanOrEqual(7);
    seen.push(...page.screenings.map((s) => s.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  expect(pages).toBeGreaterThan(1);
  expect(seen).toEqual(whole.screenings.map((s: { id: string }) => s.id));

  const films = await (await request.get('/api/v1/films?limit=3')).json();
  expect(films.count).toBe(3);
  const rest = await (await request.get(`/api/v1/films?limit=200&cursor=${films.nextCursor}`)).json();
  const all = await (await request.get('/api/v1/films')).json();
  expect([...films.films, ...rest.films].map((f: { slug: string }) => f.slug)).toEqual(all.films.map((f: { slug: string }) => f.slug));

  for (const bad of ['limit=0', 'limit=201', 'limit=ten', 'cursor=bm90LWEtY3Vyc29y', 'cursor=%25%25']) {
    for (const list of ['screenings', 'films']) {
      const res = await request.get(`/api/v1/${list}?${bad}`);
      expect(res.status(), `${list}?${bad}`).toBe(400);
      expect((await res.json()).message).toBeTruthy();
    }
  }
});

test('bad parameters get 400 with a message, unknown ids 404', async ({ request }) => {
  const cases: [string, number][] = [
    ['/api/v1/screenings?date=2026-02-30', 400],
    ['/api/v1/screenings?venue=Not%20A%20Slug', 400],
    ['/api/v1/screenings?colour=red', 400],
    ['/api/v1/films?feature=loud', 400],
    ['/api/v1/screenings/not-a-uuid', 400],
    ['/api/v1/screenings/00000000-0000-4000-8000-000000000000', 404],
    ['/api/v1/films/no-such-film', 404],
    ['/api/v1/nothing-here', 404],
  ];
  for (const [path, status] of cases) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(status);
    const body = await res.json();
    expect(typeof body.message, path).toBe('string');
    expect(body.message.length, path).toBeGreaterThan(5);
    expect(JSON.stringify(body), path).not.toMatch(/at .*\.(ts|js):\d+/);
  }
});

test('the OpenAPI document describes the API', async ({ request }) => {
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/films', '/films/{slug}', '/screenings', '/screenings/{id}']));
});
