import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatTime, isIsoDate, localDate, localDayRange, localMinutes, zonedTimeToUtc } from '@/lib/time';

describe('festival time', () => {
  it('turns a festival-local wall time into the right instant, across both sides of a DST change', () => {
    // Summer (UTC-7) and winter (UTC-8) in Vancouver per the IANA rules Node ships.
    expect(zonedTimeToUtc('2025-07-01', '19:30', 'America/Vancouver').toISOString()).toBe('2025-07-02T02:30:00.000Z');
    expect(zonedTimeToUtc('2025-12-01', '19:30', 'America/Vancouver').toISOString()).toBe('2025-12-02T03:30:00.000Z');
    expect(zonedTimeToUtc('2025-12-01', '19:30', 'Europe/Brussels').toISOString()).toBe('2025-12-01T18:30:00.000Z');
  });

  it('round-trips: the local date and time of the instant are what was asked for', () => {
    for (const zone of ['America/Vancouver', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC']) {
      for (const [date, time] of [
        ['2026-03-08', '12:00'],
        ['2026-11-24', '23:30'],
        ['2026-11-25', '00:15'],
      ] as const) {
        const instant = zonedTimeToUtc(date, time, zone);
        expect(localDate(instant, zone)).toBe(date);
        const [h, m] = time.split(':').map(Number);
        expect(localMinutes(instant, zone)).toBe(h! * 60 + m!);
      }
    }
  });

  it('shows times in the festival zone whatever zone the server runs in', () => {
    const instant = new Date('2025-12-02T03:30:00Z');
    expect(formatTime(instant, 'America/Vancouver')).toMatch(/^7:30\s?p\.m\.$/);
    expect(formatTime(instant, 'Europe/Brussels')).toMatch(/^4:30\s?a\.m\.$/);
  });

  it('gives a local day as a half-open range of instants', () => {
    const { start, end } = localDayRange('2025-12-01', 'America/Vancouver');
    expect(start.toISOString()).toBe('2025-12-01T08:00:00.000Z');
    expect(end.toISOString()).toBe('2025-12-02T08:00:00.000Z');
  });

  it('does calendar arithmetic on dates only', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-28', '2026-12-02')).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('26-1-1')).toBe(false);
    expect(() => zonedTimeToUtc('2026-01-01', '25:00', 'UTC')).toThrow();
  });
});
