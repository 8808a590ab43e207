import { createConnection } from '@/db/client';
import { seedLargeFestival, LARGE_FESTIVAL } from '@/db/seed/large';
import { bootAppDatabase } from './lib/database';

/**
 * `npm run seed:large`: creates the large test festival (about 250 films, 1,000 screenings, 10 venues, 12 days, with sold
 * tickets and live holds) on the configured database (DATABASE_URL, or the embedded server), beside the demo festival.
 * Serve it with FESTIVAL_SLUG=large-festival-2026.
 */
async function main() {
  const booted = await bootAppDatabase();
  const { sql, db } = createConnection(booted.url, 4);
  try {
    const started = Date.now();
    const result = await seedLargeFestival(db, new Date(), (line) => console.log(line));
    if (result.seeded) {
      console.log(
        `[seed:large] ${LARGE_FESTIVAL.slug}: ${result.films} films, ${result.screenings} screenings, ${result.ticketsSold} tickets sold, ${result.liveHolds} live holds in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    } else {
      console.log(`[seed:large] ${LARGE_FESTIVAL.slug} already exists`);
    }
    console.log(`[seed:large] serve it with FESTIVAL_SLUG=${LARGE_FESTIVAL.slug}`);
  } finally {
    await sql.end();
    await booted.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
