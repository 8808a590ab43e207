import 'server-only';
import { getDb } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { can } from '@/domain/accounts/permissions';
import type { FestivalSummary } from '@/domain/catalogue/festival';
import { listOrganisationAccessCodes, type AccessCodeView } from './access-codes';
import {
  listAllotmentsForReview,
  listCommunityScreenings,
  listOrganisationAllotments,
  listVerifiedPartners,
  type AllotmentView,
  type CommunityScreening,
} from './allotments';
import { listPartnerOrganisations, type PartnerApplicationView } from './organisations';
import { listOrganisationOrders, listOrganisationReport, listPartnerReport, type OrganisationReportRow, type PartnerOrder, type PartnerReportRow } from './partner-orders';

/**
 * The pages' reads, each for the acting user: a partner reads only its own organisation's rows (the organisation comes
 * from the user, never from the request), staff read the queues their permission opens. A caller without the
 * permission gets nothing, so a page that forgot its guard still leaks nothing.
 */

const ownOrganisation = (user: CurrentUser): string | null => (can(user, 'partner.portal') ? user.organisationId : null);

export async function getPartnerAllotmentsPage(
  user: CurrentUser,
  festival: FestivalSummary,
): Promise<{ allotments: AllotmentView[]; codes: AccessCodeView[]; screenings: CommunityScreening[] } | null> {
  const org = ownOrganisation(user);
  if (!org) return null;
  const db = getDb();
  const [allotments, codes, screenings] = await Promise.all([
    listOrganisationAllotments(db, org),
    listOrganisationAccessCodes(db, org),
    listCommunityScreenings(db, festival.id),
  ]);
  return { allotments, codes, screenings };
}

export async function getPartnerTicketsPage(user: CurrentUser): Promise<{ orders: PartnerOrder[]; report: PartnerReportRow[] } | null> {
  const org = ownOrganisation(user);
  if (!org) return null;
  const db = getDb();
  const [orders, report] = await Promise.all([listOrganisationOrders(db, org), listPartnerReport(db, org)]);
  return { orders, report };
}

export async function getPartnerReport(user: CurrentUser): Promise<PartnerReportRow[] | null> {
  const org = ownOrganisation(user);
  return org ? listPartnerReport(getDb(), org) : null;
}

export async function getPartnerAllotments(user: CurrentUser): Promise<AllotmentView[] | null> {
  const org = ownOrganisation(user);
  return org ? listOrganisationAllotments(getDb(), org) : null;
}

export async function getPartnerApplicationsPage(user: CurrentUser): Promise<PartnerApplicationView[] | null> {
  return can(user, 'partners.verify') ? listPartnerOrganisations(getDb()) : null;
}

export async function getAllotmentsReviewPage(
  user: CurrentUser,
  festival: FestivalSummary,
): Promise<{ allotments: AllotmentView[]; screenings: CommunityScreening[]; partners: { id: string; name: string }[] } | null> {
  if (!can(user, 'access.review')) return null;
  const db = getDb();
  const [allotments, screenings, partners] = await Promise.all([listAllotmentsForReview(db), listCommunityScreenings(db, festival.id), listVerifiedPartners(db)]);
  return { allotments, screenings, partners };
}

/** The box office's per-organisation report for the festival (counts only): staff with the reports permission. */
export async function getOrganisationReport(user: CurrentUser, festival: FestivalSummary): Promise<OrganisationReportRow[] | null> {
  return can(user, 'access.reports') ? listOrganisationReport(getDb(), festival.id) : null;
}
