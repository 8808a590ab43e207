import { getDb } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { listApiTokens } from '@/domain/accounts/api-tokens';
import { can } from '@/domain/accounts/permissions';
import { getCheckInSummary, getDoorScreening, listCheckInConflicts, listDoorScreenings, type CheckInConflict, type CheckInSummary, type DoorScreening, type DoorScreeningHeader } from './queries';

/** The check-in page's reads (pages never hold the database client): null for someone without door.check_in. */

export async function getDoorScreeningPage(
  actor: CurrentUser,
  screeningId: string,
): Promise<{ screening: DoorScreeningHeader; summary: CheckInSummary; conflicts: CheckInConflict[] } | null> {
  if (!can(actor, 'door.check_in')) return null;
  const db = getDb();
  const screening = await getDoorScreening(db, screeningId);
  if (!screening) return null;
  const [summary, conflicts] = await Promise.all([getCheckInSummary(db, screeningId), listCheckInConflicts(db, screeningId)]);
  return summary ? { screening, summary, conflicts } : null;
}

export async function listDoorScreeningsPage(actor: CurrentUser, festival: { id: string; timeZone: string }, date: string): Promise<DoorScreening[]> {
  if (!can(actor, 'door.check_in')) return [];
  return listDoorScreenings(getDb(), festival, date);
}

/** The actor's own live API tokens (door phones, scripts). */
export async function listDoorTokens(actor: CurrentUser) {
  if (!can(actor, 'door.check_in')) return [];
  return listApiTokens(getDb(), actor);
}
