import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { cancelIndigenousClaim, claimIndigenousTickets, joinWaitlist, type Claimant } from '@/domain/access/indigenous';
import type { OrderSettings } from '@/domain/payments/orders';
import { getEnv } from '@/platform/env';
import { createFilm, createGaVenue, createTestScreening, getFestivalSummary } from '../../support/factories';
import { all, get, signedIn, withPermission, type FeatureRules, type SetupContext } from '../authorization-kit';

/**
 * The Indigenous Access feature's pages, route handlers and server actions (issue 8). Its setup makes four screenings
 * in the demo festival, so that no rule's side effect changes another's outcome:
 * - claimable: places for every principal's API claim and form claim (1 each; the per-screening limit is 2);
 * - exhausted: every place claimed (by audience B), so its page shows the waiting list's form;
 * - mine: audience A's two claims, one cancelled through the API and one through the form on /account/requests;
 * - offered: a waiting-list offer made to audience A (audience B's place came back).
 */
async function setup(ctx: SetupContext): Promise<Record<string, string>> {
  const db = getDb();
  const env = getEnv();
  const settings: OrderSettings = { appSecret: env.APP_SECRET, baseUrl: env.PUBLIC_BASE_URL, holdMinutes: 30, emailStatus: 'stored' };
  const festival = await getFestivalSummary(db, ctx.festivalId);
  const venue = await createGaVenue(db, festival.id, 60);
  const film = await createFilm(db, festival.id);
  const screening = (places: number, day: number) =>
    createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], day, time: '21:30', allocations: { indigenous_access: places } });
  const [claimable, exhausted, mine, offered] = [await screening(20, 0), await screening(1, 1), await screening(4, 2), await screening(1, 0)];
  const person = (who: 'audienceA' | 'audienceB'): Claimant => ({ id: ctx.users[who].id, email: ctx.users[who].email, name: who });
  const claim = async (who: 'audienceA' | 'audienceB', screeningId: string) => {
    const r = await claimIndigenousTickets(db, person(who), { screeningId, quantity: 1, selfIdentified: true }, settings);
    if (!r.ok) throw new Error(`indigenous setup claim: ${r.reason}`);
    return r.orderId;
  };
  await claim('audienceB', exhausted);
  const apiClaimA = await claim('audienceA', mine);
  await claim('audienceA', mine);
  const placeB = await claim('audienceB', offered);
  const waiting = await joinWaitlist(db, person('audienceA'), { screeningId: offered, quantity: 1 });
  if (!waiting.ok) throw new Error(`indigenous setup join: ${waiting.reason}`);
  // Audience B gives the place back: the cancellation offers it to audience A at once, by email with the claim link.
  await cancelIndigenousClaim(db, person('audienceB'), placeB, settings);
  const [mail] = await rows<{ text: string }>(db, sql`
    SELECT text FROM emails WHERE text LIKE ${`%/access/indigenous/offers/${waiting.entryId}?token=%`} ORDER BY created_at DESC LIMIT 1`);
  const offerToken = new RegExp(`/offers/${waiting.entryId}\\?token=([A-Za-z0-9_-]+)`).exec(mail?.text ?? '')?.[1];
  if (!offerToken) throw new Error('indigenous setup: no offer email');
  return { indigenousClaimable: claimable, indigenousExhausted: exhausted, indigenousApiClaimA: apiClaimA, indigenousOfferEntry: waiting.entryId, indigenousOfferToken: offerToken };
}

const json = (method: string, path: string, body?: unknown) => ({ method, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export const indigenous: FeatureRules = {
  setup,
  rules: {
    'PAGE /access/indigenous': { allow: all, request: get(() => '/access/indigenous') },
    'PAGE /access/indigenous/[screeningId]': { allow: signedIn, request: get((f) => `/access/indigenous/${f.extra.indigenousClaimable}`) },
    // The offer is audience A's: anyone else, even with the link, gets what a missing offer gets.
    'PAGE /access/indigenous/offers/[id]': {
      allow: ['audienceA'],
      request: get((f) => `/access/indigenous/offers/${f.extra.indigenousOfferEntry}?token=${f.extra.indigenousOfferToken}`),
    },
    'PAGE /box-office/reports': { allow: withPermission('access.reports'), request: get(() => '/box-office/reports') },
    'GET /box-office/reports/access-counts.csv': { allow: withPermission('access.reports'), request: get(() => '/box-office/reports/access-counts.csv') },
    // Anyone signed in may claim for themselves (the claim is a self-identification, not a role).
    'POST /api/v1/screenings/[id]/indigenous-claims': {
      allow: signedIn,
      request: (f) => json('POST', `/api/v1/screenings/${f.extra.indigenousClaimable}/indigenous-claims`, { quantity: 1, selfIdentified: true }),
    },
    'DELETE /api/v1/indigenous-claims/[orderId]': { allow: ['audienceA'], request: (f) => json('DELETE', `/api/v1/indigenous-claims/${f.extra.indigenousApiClaimA}`) },
    // Join first, then leave: the rules run in this order, each for every principal.
    'POST /api/v1/screenings/[id]/waitlist': { allow: signedIn, request: (f) => json('POST', `/api/v1/screenings/${f.extra.indigenousExhausted}/waitlist`, { quantity: 1 }) },
    'DELETE /api/v1/screenings/[id]/waitlist': { allow: signedIn, request: (f) => json('DELETE', `/api/v1/screenings/${f.extra.indigenousExhausted}/waitlist`) },
  },
  actionRules: {
    'ACTION claimIndigenousAction': {
      allow: signedIn,
      page: (f) => `/access/indigenous/${f.extra.indigenousClaimable}`,
      source: 'audienceB',
      fields: { quantity: '1', selfIdentified: 'yes', mode: 'best' },
    },
    'ACTION joinWaitlistAction': { allow: signedIn, page: (f) => `/access/indigenous/${f.extra.indigenousExhausted}`, source: 'audienceA', fields: { quantity: '1' } },
    'ACTION claimOfferAction': {
      allow: ['audienceA'],
      page: (f) => `/access/indigenous/offers/${f.extra.indigenousOfferEntry}?token=${f.extra.indigenousOfferToken}`,
      source: 'audienceA',
      fields: {},
    },
    // Audience A's forms, replayed by everyone: only audience A's own entry and claim are theirs to change.
    'ACTION leaveWaitlistAction': { allow: ['audienceA'], page: () => '/account/requests', source: 'audienceA', fields: {} },
    'ACTION cancelIndigenousClaimAction': { allow: ['audienceA'], page: () => '/account/requests', source: 'audienceA', fields: {} },
  },
};
