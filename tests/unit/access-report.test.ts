import { describe, expect, it } from 'vitest';
import { accessReportCsv, FEWER_THAN_5, showCount, type AccessReport } from '@/domain/access/reports';

describe('access report counts', () => {
  it('hides every Indigenous Access count under 5, zero included, and no other scheme’s', () => {
    expect([0, 1, 4, 5, 12].map((n) => showCount('indigenous_access', n))).toEqual([FEWER_THAN_5, FEWER_THAN_5, FEWER_THAN_5, 5, 12]);
    expect([0, 1, 4].map((n) => showCount('community_access', n))).toEqual([0, 1, 4]);
  });

  it('writes the CSV with formulas escaped, so a title cannot run in a spreadsheet', () => {
    const report: AccessReport = {
      screenings: [
        { screeningId: 's', title: '=HYPERLINK("x")', startsAt: new Date('2026-12-01T03:00:00Z'), day: '2026-11-30', scheme: 'indigenous_access', issued: FEWER_THAN_5, cancelled: FEWER_THAN_5, checkedIn: FEWER_THAN_5, waiting: 7 },
      ],
      days: [],
    };
    const [header, row] = accessReportCsv(report).trim().split('\n');
    expect(header).toBe('day,starts_at,screening,scheme,issued,cancelled,checked_in,waiting');
    expect(row).toContain(`'=HYPERLINK`);
    expect(row).toContain('Indigenous Access,fewer than 5,fewer than 5,fewer than 5,7');
  });
});

describe('Indigenous Access requests', () => {
  it('accept a quantity and the self-identification, and refuse anything less with a message', async () => {
    const { IndigenousClaimRequest, WaitlistRequest } = await import('@/domain/access/indigenous');
    expect(IndigenousClaimRequest.safeParse({ quantity: 2, selfIdentified: true }).success).toBe(true);
    const refused = [{ quantity: 2 }, { quantity: 2, selfIdentified: false }, { quantity: 0, selfIdentified: true }, { quantity: 1.5, selfIdentified: true }, { quantity: 1, selfIdentified: true, seats: ['x'] }];
    for (const body of refused) {
      const parsed = IndigenousClaimRequest.safeParse(body);
      expect(parsed.success, JSON.stringify(body)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBeTruthy();
    }
    expect(WaitlistRequest.safeParse({ quantity: 0 }).success).toBe(false);
  });
});
