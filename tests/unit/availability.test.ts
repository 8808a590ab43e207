import { describe, expect, it } from 'vitest';
import { canBook, computeSaleState, fewLeftThreshold, type SaleInputs } from '@/domain/inventory/availability';

const now = new Date('2026-11-20T12:00:00Z');
const future = new Date('2026-11-25T03:00:00Z');
const base: SaleInputs = { status: 'on_sale', startsAt: future, onSaleAt: null, available: 100, capacity: 174 };

describe('sale state', () => {
  it.each([
    [{}, 'on_sale'],
    [{ available: 18 }, 'few_left'],
    [{ available: 1 }, 'few_left'],
    [{ available: 0 }, 'sold_out'],
    [{ status: 'cancelled' as const }, 'cancelled'],
    [{ status: 'off_sale' as const }, 'off_sale'],
    [{ status: 'scheduled' as const, onSaleAt: new Date('2026-11-21T00:00:00Z') }, 'not_yet_on_sale'],
    [{ status: 'scheduled' as const, onSaleAt: new Date('2026-11-19T00:00:00Z') }, 'on_sale'],
    [{ status: 'scheduled' as const, onSaleAt: null }, 'off_sale'],
    [{ startsAt: new Date('2026-11-20T11:00:00Z') }, 'past'],
    [{ status: 'cancelled' as const, startsAt: new Date('2026-11-20T11:00:00Z') }, 'cancelled'],
    // Online sales stop at the off-sale time, before the start.
    [{ offSaleAt: new Date('2026-11-20T11:59:00Z') }, 'off_sale'],
    [{ offSaleAt: new Date('2026-11-20T12:01:00Z') }, 'on_sale'],
    [{ status: 'scheduled' as const, onSaleAt: new Date('2026-11-19T00:00:00Z'), offSaleAt: new Date('2026-11-20T12:00:00Z') }, 'off_sale'],
  ])('%o → %s', (patch, expected) => {
    expect(computeSaleState({ ...base, ...patch }, now)).toBe(expected);
  });

  it('calls few left at 10% of the house, and never below five places', () => {
    expect(fewLeftThreshold(174)).toBe(18);
    expect(fewLeftThreshold(20)).toBe(5);
  });

  it('books only what is selling and has places', () => {
    expect(canBook('on_sale')).toBe(true);
    expect(canBook('few_left')).toBe(true);
    for (const s of ['sold_out', 'off_sale', 'cancelled', 'not_yet_on_sale', 'past'] as const) expect(canBook(s)).toBe(false);
  });
});
