/** Where a screening stands for an online buyer. Pure, so that the browser's live badges say it in the same words. */
export type SaleState = 'on_sale' | 'few_left' | 'sold_out' | 'off_sale' | 'cancelled' | 'not_yet_on_sale' | 'past';

export const SALE_STATES: readonly SaleState[] = ['on_sale', 'few_left', 'sold_out', 'off_sale', 'cancelled', 'not_yet_on_sale', 'past'];

export const SALE_STATE_LABEL: Record<SaleState, string> = {
  on_sale: 'On sale',
  few_left: 'Few left',
  sold_out: 'Sold out',
  off_sale: 'Off sale',
  cancelled: 'Cancelled',
  not_yet_on_sale: 'Off sale',
  past: 'Off sale',
};

export function canBook(state: SaleState): boolean {
  return state === 'on_sale' || state === 'few_left';
}
