import type { Database } from '@/db/client';
import { holdSeats, type HoldSettings } from '@/domain/booking/holds';

/** The hold settings of the tests: ten minutes, at most eight places. */
export const TEST_HOLD_SETTINGS: HoldSettings = { holdMinutes: 10, maxPerOrder: 8 };

/** The items of a request for `quantity` adult tickets (the one ticket type test screenings have). */
export const adult = (quantity: number) => [{ ticketType: 'adult', quantity }];

export interface HoldInput {
  quantity?: number;
  /** Who holds, as the app keys a client (an address, a browser): the per-client cap counts by it. */
  clientKey?: string;
  /** Chosen seats in a reserved house; best available without them. */
  seats?: string[];
  holdMinutes?: number;
  maxPerOrder?: number;
}

/** A live hold made by the command, as a buyer's request would make it; throws when the command refuses. */
export async function createHold(db: Database, screeningId: string, o: HoldInput = {}) {
  const settings = { holdMinutes: o.holdMinutes ?? TEST_HOLD_SETTINGS.holdMinutes, maxPerOrder: o.maxPerOrder ?? TEST_HOLD_SETTINGS.maxPerOrder };
  const hold = await holdSeats(db, screeningId, { items: adult(o.quantity ?? 1), seats: o.seats }, o.clientKey ?? 'test-client', settings);
  if (!hold.ok) throw new Error(`createHold: ${hold.reason}: ${hold.message}`);
  return hold;
}
