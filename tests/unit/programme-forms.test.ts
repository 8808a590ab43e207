import { describe, expect, it } from 'vitest';
import { parsePrice } from '@/domain/programme/price-list';
import { parseLocalDateTime } from '@/domain/programme/screenings';
import { localInputValue, screeningFromForm } from '@/web/programme/forms';

describe('the programme forms', () => {
  it('reads prices in dollars, and nothing else', () => {
    expect(parsePrice('15')).toBe(1500);
    expect(parsePrice('15.5')).toBe(1550);
    expect(parsePrice('$12.05')).toBe(1205);
    for (const bad of ['', 'free', '-3', '1.234', '1,50', '999999']) expect(parsePrice(bad), bad).toBeNull();
  });

  it('reads festival-local date-times, whatever the server zone, and refuses impossible ones', () => {
    const tz = 'America/Vancouver';
    expect(parseLocalDateTime('2026-11-26T19:00', tz)?.toISOString()).toBe('2026-11-27T03:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01 19:00', tz)?.toISOString()).toBe('2026-07-02T02:00:00.000Z');
    for (const bad of ['2026-02-30T10:00', '2026-11-26T24:00', '2026-11-26', 'tomorrow', '']) expect(parseLocalDateTime(bad, tz), bad).toBeNull();
    expect(localInputValue(new Date('2026-11-27T03:00:00Z'), tz)).toBe('2026-11-26T19:00');
  });

  it('names the field that is not a time', () => {
    const form = new FormData();
    form.set('startsAt', '2026-11-26T19:00');
    form.set('offSaleAt', 'soon');
    form.set('adultPrice', '15');
    expect(screeningFromForm(form, 'America/Vancouver', 'create')).toEqual({ ok: false, error: 'The off-sale time is not a valid date and time.' });
  });
});
