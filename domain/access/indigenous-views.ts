import 'server-only';
import { getDb } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import {
  getClaimAllowance,
  getMyOffer,
  INDIGENOUS_LIST_LIMIT,
  listIndigenousScreenings,
  listMyIndigenousClaims,
  listMyWaitlistEntries,
  type ClaimAllowance,
  type IndigenousScreening,
  type MyIndigenousClaim,
  type OfferView,
} from './indigenous';
import { getAccessReport, type AccessReport } from './reports';

/*
 * The Indigenous Access reads the pages use (pages never hold the database client). The person's own reads take the
 * signed-in user from the page's guard, so they can only ever return that person's rows.
 */

export type { ClaimAllowance, IndigenousScreening, MyIndigenousClaim, OfferView, AccessReport };
export { INDIGENOUS_LIST_LIMIT };

export function listIndigenousScreeningsForPage(festivalId: string, filmSlug?: string, day?: { start: Date; end: Date }): Promise<IndigenousScreening[]> {
  return listIndigenousScreenings(getDb(), festivalId, filmSlug, INDIGENOUS_LIST_LIMIT, day);
}

export function getMyClaimAllowance(user: CurrentUser, screeningId: string): Promise<ClaimAllowance | null> {
  return getClaimAllowance(getDb(), user.id, screeningId);
}

export async function getMyIndigenousRequests(user: CurrentUser): Promise<{ claims: MyIndigenousClaim[]; waiting: OfferView[] }> {
  const [claims, waiting] = await Promise.all([listMyIndigenousClaims(getDb(), user), listMyWaitlistEntries(getDb(), user)]);
  return { claims, waiting };
}

export function getMyWaitlistEntry(user: CurrentUser, entryId: string): Promise<OfferView | null> {
  return getMyOffer(getDb(), user, entryId);
}

/** Access reports for staff: counts only, small Indigenous Access counts hidden (domain/access/reports.ts). */
export function getAccessReportForStaff(festival: { id: string; timeZone: string }): Promise<AccessReport> {
  return getAccessReport(getDb(), festival);
}
