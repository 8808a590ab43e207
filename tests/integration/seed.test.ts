import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { DEMO_FESTIVAL, seedDemoFestival } from '@/db/seed';
import { localDate } from '@/lib/time';

type CountRow = { n: number } & Record<string, unknown>;

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await getDb().execute<CountRow>(query);
  return Number(row?.n ?? 0);
}

describe('demo festival seed', () => {
  it('is already applied by the test boot and does nothing the second time', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM screenings`);
    const again = await seedDemoFestival(getDb());
    expect(again.seeded).toBe(false);
    expect(await count(sql`SELECT count(*)::int AS n FROM screenings`)).toBe(before);
  });

  it('seeds the festival the issue describes', async () => {
    const [festival] = await getDb().execute<{ id: string; time_zone: string } & Record<string, unknown>>(
      sql`SELECT id, time_zone FROM festivals WHERE slug = ${DEMO_FESTIVAL.slug}`,
    );
    expect(festival?.time_zone).toBe('America/Vancouver');
    const fid = festival!.id;

    const titles = await getDb().execute<{ title: string } & Record<string, unknown>>(
      sql`SELECT title FROM films WHERE festival_id = ${fid} ORDER BY title`,
    );
    // The seven films of the reference page; apostrophes compared loosely (the seed uses typographic ones).
    const plain = (t: string) => t.replace(/[’']/g, "'");
    expect(titles.map((t) => plain(t.title)).sort()).toEqual(
      ["All That's Left of You", 'Here', 'Islands', "L'Étranger", 'Laura Crema Sings Lorenz Hart', 'One Battle After Another', 'The Mother and the Bear'].sort(),
    );

    expect(await count(sql`SELECT count(*)::int AS n FROM venues WHERE festival_id = ${fid}`)).toBeGreaterThanOrEqual(4);
    expect(await count(sql`SELECT count(*)::int AS n FROM venues WHERE festival_id = ${fid} AND seating = 'general_admission'`)).toBeGreaterThanOrEqual(1);

    const [biggest] = await getDb().execute<{ seats: number; wheelchair: number; companion: number } & Record<string, unknown>>(sql`
      SELECT count(*)::int AS seats,
             count(*) FILTER (WHERE st.kind = 'wheelchair')::int AS wheelchair,
             count(*) FILTER (WHERE st.kind = 'companion')::int AS companion
      FROM seats st JOIN venues v ON v.id = st.venue_id WHERE v.festival_id = ${fid}
      GROUP BY v.id ORDER BY count(*) DESC LIMIT 1`);
    expect(biggest!.seats).toBeGreaterThanOrEqual(150);
    expect(biggest!.wheelchair).toBeGreaterThan(0);
    expect(biggest!.companion).toBeGreaterThan(0);

    expect(await count(sql`SELECT count(*)::int AS n FROM screenings WHERE festival_id = ${fid}`)).toBeGreaterThanOrEqual(30);
    const starts = await getDb().execute<{ starts_at: string } & Record<string, unknown>>(
      sql`SELECT to_json(starts_at) AS starts_at FROM screenings WHERE festival_id = ${fid}`,
    );
    expect(new Set(starts.map((s) => localDate(new Date(s.starts_at), 'America/Vancouver'))).size).toBeGreaterThanOrEqual(5);
    expect(await count(sql`SELECT count(*)::int AS n FROM screenings WHERE festival_id = ${fid} AND status = 'cancelled'`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM screenings WHERE festival_id = ${fid} AND has_qa`)).toBeGreaterThan(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM screenings WHERE festival_id = ${fid} AND features && ARRAY['open_captions','closed_captions']::accessibility_feature[]`),
    ).toBeGreaterThan(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM screenings WHERE festival_id = ${fid} AND 'audio_description' = ANY(features)`),
    ).toBeGreaterThan(0);
    // Every film has a director, and every screening a price list and inventory.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM films f WHERE f.festival_id = ${fid}
        AND NOT EXISTS (SELECT 1 FROM film_credits c WHERE c.film_id = f.id AND c.role = 'director')`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM screenings s WHERE s.festival_id = ${fid}
        AND (NOT EXISTS (SELECT 1 FROM ticket_types t WHERE t.screening_id = s.id)
          OR NOT EXISTS (SELECT 1 FROM inventory_pools p WHERE p.screening_id = s.id AND p.kind = 'standard'))`),
    ).toBe(0);
  });

  it('never books two screenings into one venue at the same time', async () => {
    const overlaps = await count(sql`
      SELECT count(*)::int AS n FROM screenings a JOIN screenings b
        ON a.venue_id = b.venue_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`);
    expect(overlaps).toBe(0);
  });
});
