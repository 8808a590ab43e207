import type { TestProject } from 'vitest/node';
import { bootTestDatabase } from '../../scripts/lib/database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * `npm test` passes the run's fresh database in TEST_DATABASE_URL; run on
 * their own, the integration tests make one (embedded unless DATABASE_URL).
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  const db = await bootTestDatabase();
  project.provide('databaseUrl', db.url);
  return () => db.stop();
}
