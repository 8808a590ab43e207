import { bootAppDatabase } from './lib/database';

/** Migrates (and seeds, once) the app's database, then exits. */
bootAppDatabase()
  .then((db) => db.stop())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
