import { describe, expect, it } from 'vitest';
import { organisationReportCsv } from '@/domain/partners/report-csv';
import { renderAllotmentDecline, renderAllotmentGrant, renderPartnerDecline } from '@/platform/email/partner-decisions';

describe('the box office partner report', () => {
  it('writes counts per organisation, with a name that looks like a formula escaped', () => {
    const csv = organisationReportCsv([
      { organisationId: 'a', name: '=HYPERLINK("http://evil.example","Click")', communityIssued: 3, donatedIssued: 2, checkedIn: 4, unusedAfter: 1, placesGranted: 5, placesUsed: 3 },
      { organisationId: 'b', name: 'Harbour Youth Centre', communityIssued: 0, donatedIssued: 0, checkedIn: 0, unusedAfter: 0, placesGranted: 0, placesUsed: 0 },
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('Organisation,Community Access tickets,Donated tickets,Checked in,Unused after the screening,Allotment places granted,Allotment places used');
    expect(lines[1]).toMatch(/^"'=HYPERLINK/);
    expect(lines[1]).toMatch(/,3,2,4,1,5,3$/);
    expect(lines[2]).toBe('Harbour Youth Centre,0,0,0,0,0,0');
  });
});

describe('partner decision emails', () => {
  const base = { festivalName: 'Harbourfront', organisation: 'Tom & <Jerry> Club', recipientName: 'Ari', screening: 'Whale Rider, Sat 14 Nov, 13:30', allotmentsUrl: 'https://tickets.example/partner/allotments' };

  it('carries the staff note, escaped in HTML, on a declined application or request', () => {
    const application = renderPartnerDecline({ festivalName: 'Harbourfront', organisation: 'Tom & <Jerry> Club', contactName: 'Ari', note: 'Apply <again> next year' });
    expect(application.text).toContain('Apply <again> next year');
    expect(application.html).toContain('Apply &lt;again&gt; next year');
    expect(application.html).not.toContain('<Jerry>');
    const request = renderAllotmentDecline({ ...base, note: 'All promised', requested: 4 });
    expect(request.text).toContain('4 places at Whale Rider, Sat 14 Nov, 13:30');
    expect(request.text).toContain('All promised');
    expect(request.text).toContain('https://tickets.example/partner/allotments');
    expect(renderPartnerDecline({ festivalName: 'H', organisation: 'O', contactName: null, note: '  ' }).text).not.toContain('A note from the festival');
  });

  it('says how many places, where, by when, and links to the portal on a grant', () => {
    const first = renderAllotmentGrant({ ...base, note: null, grantedNow: 3, total: 3, deadline: 'Thu 12 Nov, 13:30' });
    expect(first.subject).toBe('3 places for Tom & <Jerry> Club at Whale Rider, Sat 14 Nov, 13:30');
    expect(first.text).toContain('by Thu 12 Nov, 13:30');
    expect(first.html).toContain('href="https://tickets.example/partner/allotments"');
    const more = renderAllotmentGrant({ ...base, note: null, grantedNow: 1, total: 4, deadline: 'Thu 12 Nov, 13:30' });
    expect(more.text).toContain('added 1 place at');
    expect(more.text).toContain('now holds 4 places');
  });
});
