import { getDb } from '@/db/client';
import { callNextRushNumber, issueRushNumber, openRushLine, startRushCalling, type RushActor } from '@/domain/rush/rush-lines';
import { createFilm, createGaVenue, createPaidOrder, createTestScreening, getFestivalSummary, uniq } from '../../support/factories';
import { get, withPermission, type FeatureRules, type SetupContext } from '../authorization-kit';

const readers = withPermission('reports.read');
const sellers = withPermission('door.sell');
/** A number or line that does not exist: the allowed runs of the forms that would change the line are refused after the guard. */
const NO_SUCH = '00000000-0000-4000-8000-000000000000';

/**
 * The dashboard, sales reports and rush line (issue 9). Its setup makes three sold-out screenings in the demo festival,
 * one per state of a rush line, so that each form is on its page and no rule's run changes another's outcome:
 * - rushNone: no line yet (the open form);
 * - rushOpen: a line handing out numbers (call time, numbers, compute: not yet the call time, so refused after the guard);
 * - rushCalling: starting in ten minutes, places computed, number 1 called (call next, sell, turn away, close).
 */
async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const festival = await getFestivalSummary(db, ctx.festivalId);
  const film = await createFilm(db, festival.id);
  const staff: RushActor = { id: ctx.users.staff.id, role: 'staff' };
  const soldOut = async (o: { startsAt?: Date; day?: number }) => {
    const venue = await createGaVenue(db, festival.id, 2);
    const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], time: '10:00', allocations: { indigenous_access: 0, community_access: 0, donated: 0 }, ...o });
    await createPaidOrder(db, screeningId, { quantity: 2, clientKey: uniq('matrix-rush') });
    return screeningId;
  };
  const rushNone = await soldOut({ day: 1 });
  const rushOpen = await soldOut({ day: 2 });
  const opened = await openRushLine(db, staff, { screeningId: rushOpen });
  if (!opened.ok) throw new Error(`reports setup: ${opened.message}`);
  const rushCalling = await soldOut({ startsAt: new Date(Date.now() + 10 * 60_000) });
  const calling = await openRushLine(db, staff, { screeningId: rushCalling });
  if (!calling.ok) throw new Error(`reports setup: ${calling.message}`);
  await issueRushNumber(db, staff, { lineId: calling.lineId, partySize: 1 });
  const computed = await startRushCalling(db, staff, { lineId: calling.lineId, releaseCount: 1 });
  if (!computed.ok) throw new Error(`reports setup: ${computed.message}`);
  const called = await callNextRushNumber(db, staff, { lineId: calling.lineId });
  if (!called.ok) throw new Error(`reports setup: ${called.message}`);
  return { rushNone, rushOpen, rushCalling };
}

export const reports: FeatureRules = {
  setup,
  rules: {
    'PAGE /box-office/sales': { allow: readers, request: get(() => '/box-office/sales') },
    'GET /box-office/sales/sales.csv': { allow: readers, request: get(() => '/box-office/sales/sales.csv?table=payment-methods') },
    // Staff's own figures, for the dashboard's poll: a session or a staff API token with reports.read.
    'GET /api/v1/box-office/dashboard': { allow: readers, request: get(() => '/api/v1/box-office/dashboard') },
    'PAGE /box-office/rush': { allow: sellers, request: get(() => '/box-office/rush') },
    'PAGE /box-office/rush/[screeningId]': { allow: sellers, request: get((f) => `/box-office/rush/${f.extra.rushOpen}`) },
  },
  actionRules: {
    // Already open after staff's run: the others' allowed runs are refused after the guard (already_open).
    'ACTION openRushLineAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushNone}`, source: 'staff', fields: { callMinutesBefore: '15' } },
    'ACTION changeRushCallTimeAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushOpen}`, source: 'staff', fields: { callMinutesBefore: '15' } },
    // Each allowed run hands out a number: harmless on a line of its own.
    'ACTION issueRushNumberAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushOpen}`, source: 'staff', fields: { partySize: '1' } },
    // Days before the start: too early, refused after the guard.
    'ACTION startRushCallingAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushOpen}`, source: 'staff', fields: { releaseCount: '0' } },
    // The one place is offered to number 1: no place left to call another.
    'ACTION callNextRushNumberAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushCalling}`, source: 'staff', fields: {} },
    // Five tickets for a party of one: refused after the guard, nothing sold.
    'ACTION sellToRushNumberAction': {
      allow: sellers,
      page: (f) => `/box-office/rush/${f.extra.rushCalling}`,
      source: 'staff',
      fields: { quantity: '5', method: 'cash' },
    },
    'ACTION turnAwayRushNumberAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushCalling}`, source: 'staff', fields: { numberId: NO_SUCH } },
    'ACTION closeRushLineAction': { allow: sellers, page: (f) => `/box-office/rush/${f.extra.rushCalling}`, source: 'staff', fields: { lineId: NO_SUCH } },
  },
};
