import { stringify } from 'csv-stringify/sync';
import type { OrganisationReportRow } from './partner-orders';

/**
 * The box office's partner report as CSV: counts only. Organisation names are typed by the public on the
 * application form, so cells a spreadsheet would run as formulas are escaped.
 */
export function organisationReportCsv(report: readonly OrganisationReportRow[]): string {
  return stringify(
    report.map((r) => [r.name, r.communityIssued, r.donatedIssued, r.checkedIn, r.unusedAfter, r.placesGranted, r.placesUsed]),
    {
      header: true,
      columns: ['Organisation', 'Community Access tickets', 'Donated tickets', 'Checked in', 'Unused after the screening', 'Allotment places granted', 'Allotment places used'],
      escape_formulas: true,
    },
  );
}
