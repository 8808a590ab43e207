import postgres from 'postgres';

/**
 * The channel PostgreSQL notifies when anything the public pages show changes (films, people, screenings, venues,
 * prices, access allocations and allotments, the festival itself): migration 0010's statement triggers, for statements
 * that changed a row. A notification is sent when the writing transaction commits, never before, and a transaction's
 * many notifications arrive as one.
 */
export const CATALOGUE_CHANGED_CHANNEL = 'marquee_catalogue_changed';

export interface CatalogueListener {
  close(): Promise<void>;
}

/**
 * Calls `onChange` on every catalogue change, whichever app instance (or script) made it. Also called each time the
 * listening connection (re)connects: notifications sent while it was down are lost, so the only safe reading is that
 * anything may have changed. postgres.js reconnects by itself.
 */
export async function listenForCatalogueChanges(
  databaseUrl: string,
  /** `transactionId` is the writing transaction's id; undefined when the connection has just (re)connected. */
  onChange: (transactionId?: string) => void,
  log: (line: string) => void,
): Promise<CatalogueListener> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined, connection: { application_name: 'marquee-cache-listener' } });
  try {
    await sql.listen(CATALOGUE_CHANGED_CHANNEL, (payload) => onChange(payload), () => onChange());
  } catch (error) {
    await sql.end({ timeout: 1 });
    log(`[marquee] page cache: cannot listen for catalogue changes (${error instanceof Error ? error.message : String(error)}); pages stay at most their cache time stale`);
    return { close: async () => undefined };
  }
  return { close: () => sql.end({ timeout: 1 }) };
}
