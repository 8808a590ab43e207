import type { ScreeningStatus } from '@/db/schema/screenings';

import type { SaleState } from '@/lib/sale-state';

// The states, their words and whether they sell are shared with the browser's live badges (lib/sale-state.ts).
export { SALE_STATE_LABEL, canBook, type SaleState } from '@/lib/sale-state';

export interface SaleInputs {
  status: ScreeningStatus;
  startsAt: Date;
  onSaleAt: Date | null;
  /** When online sales stop before the start (null or left out: at the start). */
  offSaleAt?: Date | null;
  /** Standard places that can still be bought now. */
  available: number;
  /** Standard places in total (the house less the access allocations). */
  capacity: number;
}

/** "Few left" once no more than this many places remain. */
export function fewLeftThreshold(capacity: number): number {
  return Math.max(5, Math.ceil(capacity * 0.1));
}

/** Whether the screening is selling at `now`, before counting places. */
export function isSelling(s: Pick<SaleInputs, 'status' | 'startsAt' | 'onSaleAt' | 'offSaleAt'>, now: Date): boolean {
  if (s.startsAt <= now) return false;
  // Online sales stop at the off-sale time; only the desk sells after it (its own commands do not ask this rule).
  if (s.offSaleAt && s.offSaleAt <= now) return false;
  if (s.status === 'on_sale') return true;
  return s.status === 'scheduled' && s.onSaleAt !== null && s.onSaleAt <= now;
}

export function computeSaleState(s: SaleInputs, now: Date): SaleState {
  if (s.status === 'cancelled') return 'cancelled';
  if (s.startsAt <= now) return 'past';
  if (s.status === 'off_sale') return 'off_sale';
  if (!isSelling(s, now)) return s.onSaleAt && s.onSaleAt > now ? 'not_yet_on_sale' : 'off_sale';
  if (s.available <= 0) return 'sold_out';
  if (s.available <= fewLeftThreshold(s.capacity)) return 'few_left';
  return 'on_sale';
}
