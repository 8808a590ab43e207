import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { rows } from '@/db/sql';
import { issueAccessCodes, redeemAccessCode, voidAccessCode } from '@/domain/partners/access-codes';
import {
  claimAllotmentPlaces,
  declineAllotment,
  giveBackAllotmentTickets,
  grantAllotment,
  requestAllotment,
  returnAllotmentPlaces,
} from '@/domain/partners/allotments';
import { applyAsPartner, declinePartner, verifyPartner, type Actor } from '@/domain/partners/organisations';
import { assignTicketHolder, forwardOrderTickets, listOrganisationReport, listPartnerReport } from '@/domain/partners/partner-orders';
import { userMayReadOrder } from '@/domain/accounts/accounts';
import { inventoryProblems } from '../support/inventory';
import { createFestival, createFilm, createGaVenue, createReservedVenue, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings } from '../support/factories';

/** Community Access through partner organisations: applications, allotments, claims, returns and codes, under concurrency. */

const invitationSettings = { baseUrl: 'http://tickets.test', emailStatus: 'stored', festivalName: 'Test Festival' } as const;

async function screening(kind: 'ga' | 'reserved', community: number) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = kind === 'ga' ? await createGaVenue(db, festival.id, 40) : await createReservedVenue(db, festival.id, 2, 10);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { community_access: community } });
  return { screeningId, festivalId: festival.id };
}

async function actor(role: 'staff' | 'admin' | 'partner', organisationId: string | null = null): Promise<Actor> {
  const user = await createUser(getDb(), { role, organisationId, orgRole: organisationId ? 'admin' : null, name: `${role} person` });
  return { id: user.id, email: user.email, name: `${role} person`, role, organisationId, orgRole: organisationId ? 'admin' : null };
}

/** An organisation that applied and was verified by staff, with a partner of it signed in. */
async function verifiedPartner(staff: Actor, name = 'Harbour Youth Centre') {
  const db = getDb();
  const applied = await applyAsPartner(db, { name, serves: 'Young people in the harbour district', website: null, contactName: 'Ren Contact', contactEmail: `${crypto.randomUUID()}@partner.example` });
  expect(await verifyPartner(db, staff, applied.organisationId, 'Known to us', invitationSettings)).toEqual({ ok: true });
  return { organisationId: applied.organisationId, partner: await actor('partner', applied.organisationId) };
}

async function allotmentRow(id: string) {
  const [row] = await rows<{ quantity: number; used: number; status: string }>(getDb(), sql`SELECT quantity, used, status FROM allotments WHERE id = ${id}`);
  return row!;
}

async function communityPool(screeningId: string) {
  const [pool] = await rows<{ capacity: number; sold: number; allotted: number }>(getDb(), sql`
    SELECT capacity, sold, allotted FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'community_access'`);
  return pool!;
}

async function granted(staff: Actor, screeningId: string, organisationId: string, quantity: number) {
  const result = await grantAllotment(getDb(), staff, { screeningId, organisationId, quantity }, settings);
  if (!result.ok) throw new Error(`grant refused: ${result.reason}`);
  return result.allotmentId;
}

describe('partner applications', () => {
  it('verifies an application once, inviting its contact as the organisation admin, and declines only waiting ones', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const applied = await applyAsPartner(db, { name: 'Eastside Housing', serves: 'Families in supportive housing', website: 'https://eastside.example', contactName: 'Mo', contactEmail: 'MO@eastside.example' });
    const [first, second] = await Promise.all([0, 1].map(() => verifyPartner(db, staff, applied.organisationId, null, invitationSettings)));
    expect([first, second].filter((r) => r!.ok)).toHaveLength(1);
    const invites = await rows<{ role: string; org_role: string }>(db, sql`SELECT role, org_role FROM invitations WHERE organisation_id = ${applied.organisationId}`);
    expect(invites).toEqual([{ role: 'partner', org_role: 'admin' }]);
    const mail = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM emails WHERE "to" = 'mo@eastside.example'`);
    expect(mail[0]!.n).toBe(1);
    expect(await declinePartner(db, staff, applied.organisationId, 'Too late', invitationSettings)).toEqual({ ok: false, reason: 'already_reviewed' });
    const partner = await actor('partner', applied.organisationId);
    expect(await verifyPartner(db, partner, applied.organisationId, null, invitationSettings)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('lets only a verified organisation ask for places', async () => {
    const db = getDb();
    const { screeningId } = await screening('ga', 5);
    const applied = await applyAsPartner(db, { name: 'Waiting Org', serves: 'People waiting to be verified', website: null, contactName: 'W', contactEmail: 'w@example.org' });
    const partner = await actor('partner', applied.organisationId);
    expect(await requestAllotment(db, partner, { screeningId, quantity: 2, note: null })).toEqual({ ok: false, reason: 'organisation_not_verified' });
  });
});

describe('decision emails', () => {
  /** What was sent to an address, leaving out the invitation a verified organisation's contact receives. */
  async function mailTo(to: string) {
    return rows<{ subject: string; text: string; html: string }>(getDb(), sql`
      SELECT subject, text, html FROM emails WHERE "to" = ${to.toLowerCase()} AND subject NOT LIKE 'You are invited%' ORDER BY created_at`);
  }

  it('emails an application’s contact once, with the note, when staff decline it (twice at once)', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const contactEmail = `${crypto.randomUUID()}@declined.example`;
    const applied = await applyAsPartner(db, { name: 'Northside Club', serves: 'Older people in the north end', website: null, contactName: 'Ari', contactEmail });
    const results = await Promise.all([0, 1].map(() => declinePartner(db, staff, applied.organisationId, 'We only work with groups in the city this year.', invitationSettings)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'already_reviewed' }]);
    const mail = await mailTo(contactEmail);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Northside Club');
    expect(mail[0]!.text).toContain('Hi Ari,');
    expect(mail[0]!.text).toContain('We only work with groups in the city this year.');
    // A partner declines nothing, and nothing is sent for it.
    const other = await applyAsPartner(db, { name: 'Southside Club', serves: 'Older people in the south end', website: null, contactName: 'Bo', contactEmail: `${crypto.randomUUID()}@x.example` });
    expect(await declinePartner(db, await actor('partner', applied.organisationId), other.organisationId, null, invitationSettings)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('emails the partner who asked when its request is granted or declined, and the contact for a direct grant, only for what is committed', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('ga', 4);
    const asker = await verifiedPartner(staff, 'Harbour Youth Centre');
    const other = await verifiedPartner(staff, 'Eastside Housing');
    const [contact] = await rows<{ contact_email: string }>(db, sql`SELECT contact_email FROM organisations WHERE id = ${other.organisationId}`);

    // A request answered in part, twice at once: granted once, one email with how many, the deadline and the portal link.
    const asked = await requestAllotment(db, asker.partner, { screeningId, quantity: 3, note: null });
    if (!asked.ok) throw new Error(asked.reason);
    const answers = await Promise.all([0, 1].map(() => grantAllotment(db, staff, { allotmentId: asked.allotmentId, quantity: 2, note: 'Enjoy the film' }, settings)));
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    const granted = await mailTo(asker.partner.email);
    expect(granted).toHaveLength(1);
    expect(granted[0]!.subject).toContain('2 places for Harbour Youth Centre');
    expect(granted[0]!.text).toContain(`${settings.baseUrl}/partner/allotments`);
    expect(granted[0]!.text).toMatch(/by .+\. Places you will not use/);
    expect(granted[0]!.text).toContain('Enjoy the film');

    // A direct grant past the allocation is refused and emails nobody; one that fits emails the organisation's contact.
    expect(await grantAllotment(db, staff, { screeningId, organisationId: other.organisationId, quantity: 3 }, settings)).toMatchObject({ ok: false, reason: 'allocation_exhausted' });
    expect(await mailTo(contact!.contact_email)).toHaveLength(0);
    expect(await grantAllotment(db, staff, { screeningId, organisationId: other.organisationId, quantity: 2 }, settings)).toMatchObject({ ok: true });
    const direct = await mailTo(contact!.contact_email);
    expect(direct).toHaveLength(1);
    expect(direct[0]!.text).toContain('2 places');

    // A request declined twice at once: declined once, one email with the note.
    const later = await screening('ga', 2);
    const again = await requestAllotment(db, asker.partner, { screeningId: later.screeningId, quantity: 2, note: null });
    if (!again.ok) throw new Error(again.reason);
    const declines = await Promise.all([0, 1].map(() => declineAllotment(db, staff, again.allotmentId, 'Those places are all promised, sorry.', settings)));
    expect(declines.filter((r) => r.ok)).toHaveLength(1);
    expect(declines.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'allotment_not_open' }]);
    const all = await mailTo(asker.partner.email);
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toContain('About your request for places');
    expect(all[1]!.text).toContain('Those places are all promised, sorry.');
    expect(all[1]!.text).toContain(`${settings.baseUrl}/partner/allotments`);
  });
});

describe('allotments', () => {
  it('never grants past the scheme’s allocation, however many grants race', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('ga', 10);
    const orgs = await Promise.all(Array.from({ length: 6 }, (_, i) => verifiedPartner(staff, `Org ${i}`)));
    // Six grants of 3 places each for a pool of 10: three fit.
    const results = await Promise.all(orgs.map((o) => grantAllotment(db, staff, { screeningId, organisationId: o.organisationId, quantity: 3 }, settings)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'allocation_exhausted')).toBe(true);
    expect(await communityPool(screeningId)).toMatchObject({ capacity: 10, allotted: 9 });
    const sum = await rows<{ n: number }>(db, sql`SELECT coalesce(sum(quantity), 0)::int AS n FROM allotments WHERE screening_id = ${screeningId} AND status = 'granted'`);
    expect(sum[0]!.n).toBe(9);
    // Answering requests races the same way: two requests of 2 for the last place, in part, at once.
    const waiting = orgs.filter((_, i) => !results[i]!.ok).slice(0, 2);
    const late = await Promise.all(waiting.map((o) => requestAllotment(db, o.partner, { screeningId, quantity: 2, note: 'for our evening group' })));
    const ids = late.map((r) => (r.ok ? r.allotmentId : ''));
    expect(ids.every(Boolean)).toBe(true);
    const answers = await Promise.all(ids.map((allotmentId) => grantAllotment(db, staff, { allotmentId, quantity: 1 }, settings)));
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    expect(await communityPool(screeningId)).toMatchObject({ allotted: 10 });
    const refused = ids.find((_, i) => !answers[i]!.ok)!;
    expect(await allotmentRow(refused)).toMatchObject({ status: 'requested', quantity: 0 });
    expect(await declineAllotment(db, staff, refused, 'Nothing left, sorry', settings)).toEqual({ ok: true });
    expect(await grantAllotment(db, staff, { allotmentId: refused, quantity: 1 }, settings)).toEqual({ ok: false, reason: 'allotment_not_open' });
    // A partner grants nothing.
    expect(await grantAllotment(db, orgs[0]!.partner, { screeningId, organisationId: orgs[0]!.organisationId, quantity: 1 }, settings)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('never lets a partner claim past its allotment when claims race, and issues real seats', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('reserved', 8);
    const { partner } = await verifiedPartner(staff);
    const allotmentId = await granted(staff, screeningId, partner.organisationId!, 5);
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => claimAllotmentPlaces(db, partner, allotmentId, { quantity: 2, holderNames: [`Guest ${i}a`, null] }, settings)),
    );
    expect(claims.filter((c) => c.ok)).toHaveLength(2);
    expect(claims.filter((c) => !c.ok).every((c) => !c.ok && c.reason === 'allotment_exhausted')).toBe(true);
    expect(await allotmentRow(allotmentId)).toMatchObject({ quantity: 5, used: 4 });
    expect(await communityPool(screeningId)).toMatchObject({ capacity: 8, sold: 4, allotted: 5 });
    const ok = claims.find((c) => c.ok);
    expect(ok?.ok && ok.tickets.every((t) => t.seat)).toBe(true);
    const orders = await rows<{ total_cents: number; scheme: string; organisation_id: string; user_id: string }>(db, sql`
      SELECT total_cents, scheme, organisation_id, user_id FROM orders WHERE screening_id = ${screeningId}`);
    expect(orders).toHaveLength(2);
    expect(orders.every((o) => o.total_cents === 0 && o.scheme === 'community_access' && o.organisation_id === partner.organisationId && o.user_id === partner.id)).toBe(true);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('refuses another organisation’s allotment and orders, and keeps used ≤ quantity through returns, codes and give-backs', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('ga', 10);
    const mine = await verifiedPartner(staff, 'Mine');
    const theirs = await verifiedPartner(staff, 'Theirs');
    const allotmentId = await granted(staff, screeningId, mine.organisationId, 6);
    const claim = await claimAllotmentPlaces(db, mine.partner, allotmentId, { quantity: 2 }, settings);
    if (!claim.ok) throw new Error(claim.reason);

    // Another organisation's partner: as if the allotment, the order and the ticket did not exist.
    expect(await claimAllotmentPlaces(db, theirs.partner, allotmentId, { quantity: 1 }, settings)).toEqual({ ok: false, reason: 'allotment_not_found' });
    expect(await returnAllotmentPlaces(db, theirs.partner, allotmentId, 1)).toEqual({ ok: false, reason: 'allotment_not_found' });
    expect(await issueAccessCodes(db, theirs.partner, allotmentId, 1, null)).toEqual({ ok: false, reason: 'allotment_not_found' });
    expect(await giveBackAllotmentTickets(db, theirs.partner, claim.orderId)).toEqual({ ok: false, reason: 'order_not_found' });
    expect(await forwardOrderTickets(db, theirs.partner, claim.orderId, 'x@example.org', settings)).toEqual({ ok: false, reason: 'order_not_found' });
    expect(await assignTicketHolder(db, theirs.partner, claim.tickets[0]!.id, 'Mallory')).toEqual({ ok: false, reason: 'ticket_not_found' });
    const theirUser = { id: theirs.partner.id, email: theirs.partner.email, name: null, role: 'partner' as const, organisationId: theirs.organisationId, orgRole: 'admin' as const };
    expect(await userMayReadOrder(theirUser, claim.orderId)).toBe(false);
    const colleague = await actor('partner', mine.organisationId);
    expect(await userMayReadOrder({ ...colleague, name: null }, claim.orderId)).toBe(true);

    // Names and forwarding on the partner's own order.
    expect(await assignTicketHolder(db, mine.partner, claim.tickets[0]!.id, 'Aroha')).toEqual({ ok: true });
    expect(await forwardOrderTickets(db, mine.partner, claim.orderId, 'aroha@example.org', settings)).toEqual({ ok: true });

    // 6 granted, 2 claimed; 3 codes makes 5 used; returning 2 would leave 4 < 5: refused; returning 1 fits.
    const codes = await issueAccessCodes(db, mine.partner, allotmentId, 3, 'Tuesday group');
    expect(codes.ok && codes.codes).toHaveLength(3);
    expect(await returnAllotmentPlaces(db, mine.partner, allotmentId, 2)).toMatchObject({ ok: false, reason: 'allotment_exhausted', left: 1 });
    // Racing returns of the last free place: one wins.
    const returns = await Promise.all([0, 1, 2].map(() => returnAllotmentPlaces(db, mine.partner, allotmentId, 1)));
    expect(returns.filter((r) => r.ok)).toHaveLength(1);
    expect(await allotmentRow(allotmentId)).toMatchObject({ quantity: 5, used: 5 });
    expect(await communityPool(screeningId)).toMatchObject({ allotted: 5, sold: 2 });
    expect(await issueAccessCodes(db, mine.partner, allotmentId, 1, null)).toMatchObject({ ok: false, reason: 'allotment_exhausted', left: 0 });

    // A code voided twice at once gives its place back once.
    const [codeRow] = await rows<{ id: string }>(db, sql`SELECT c.id FROM access_codes c WHERE c.allotment_id = ${allotmentId} LIMIT 1`);
    const voids = await Promise.all([0, 1].map(() => voidAccessCode(db, mine.partner, codeRow!.id)));
    expect(voids.filter((v) => v.ok)).toHaveLength(1);
    expect(await voidAccessCode(db, theirs.partner, codeRow!.id)).toEqual({ ok: false, reason: 'code_not_found' });
    expect(await allotmentRow(allotmentId)).toMatchObject({ quantity: 5, used: 4 });

    // Giving back a claimed ticket, twice at once: once.
    const gives = await Promise.all([0, 1].map(() => giveBackAllotmentTickets(db, mine.partner, claim.orderId, [claim.tickets[1]!.id])));
    expect(gives.filter((g) => g.ok)).toHaveLength(1);
    expect(await allotmentRow(allotmentId)).toMatchObject({ quantity: 5, used: 3 });
    expect(await communityPool(screeningId)).toMatchObject({ allotted: 5, sold: 1 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);

    // Returning everything unused ends at used, never below.
    expect(await returnAllotmentPlaces(db, mine.partner, allotmentId, 2)).toEqual({ ok: true, quantity: 3 });
    const [check] = await rows<{ bad: number }>(db, sql`SELECT count(*)::int AS bad FROM allotments WHERE used > quantity OR used < 0`);
    expect(check!.bad).toBe(0);
  });

  it('stops claims, returns and codes at the cut-off', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId, festivalId } = await screening('ga', 4);
    const { partner } = await verifiedPartner(staff);
    const allotmentId = await granted(staff, screeningId, partner.organisationId!, 2);
    // The festival closes allotments 2000 hours before: the screening (days away) is past it.
    await db.execute(sql`INSERT INTO access_scheme_settings (festival_id, scheme, release_hours_before) VALUES (${festivalId}, 'community_access', 2000)`);
    expect(await claimAllotmentPlaces(db, partner, allotmentId, { quantity: 1 }, settings)).toEqual({ ok: false, reason: 'past_cut_off' });
    expect(await returnAllotmentPlaces(db, partner, allotmentId, 1)).toEqual({ ok: false, reason: 'past_cut_off' });
    expect(await issueAccessCodes(db, partner, allotmentId, 1, null)).toEqual({ ok: false, reason: 'past_cut_off' });
    expect(await allotmentRow(allotmentId)).toMatchObject({ quantity: 2, used: 0 });
  });
});

describe('access codes', () => {
  it('redeems a code once when two people try at the same moment, and only at its own screening', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('reserved', 4);
    const other = await screening('ga', 4);
    const { partner } = await verifiedPartner(staff);
    const allotmentId = await granted(staff, screeningId, partner.organisationId!, 3);
    const issued = await issueAccessCodes(db, partner, allotmentId, 2, null);
    if (!issued.ok) throw new Error(issued.reason);
    const [code, spare] = issued.codes;

    expect(await redeemAccessCode(db, { code: code!, screeningId: other.screeningId, name: 'Wrong Screening', email: 'w@example.org' }, settings)).toEqual({ ok: false, reason: 'invalid_code' });
    const typed = code!.toLowerCase().replace('-', ' ');
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) => redeemAccessCode(db, { code: i % 2 ? code! : typed, screeningId, name: `Person ${i}`, email: `p${i}@example.org` }, settings)),
    );
    expect(attempts.filter((a) => a.ok)).toHaveLength(1);
    expect(attempts.filter((a) => !a.ok).every((a) => !a.ok && a.reason === 'invalid_code')).toBe(true);
    const tickets = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM tickets WHERE screening_id = ${screeningId} AND status = 'valid'`);
    expect(tickets[0]!.n).toBe(1);
    const [row] = await rows<{ status: string; order_id: string | null }>(db, sql`SELECT status, order_id FROM access_codes WHERE code = ${code!}`);
    expect(row).toMatchObject({ status: 'redeemed' });
    expect(row!.order_id).not.toBeNull();
    // A void code opens nothing.
    const [spareRow] = await rows<{ id: string }>(db, sql`SELECT id FROM access_codes WHERE code = ${spare!}`);
    await voidAccessCode(db, partner, spareRow!.id);
    expect(await redeemAccessCode(db, { code: spare!, screeningId, name: 'Late', email: 'late@example.org' }, settings)).toEqual({ ok: false, reason: 'invalid_code' });
    expect(await communityPool(screeningId)).toMatchObject({ sold: 1, allotted: 3 });
    expect(await allotmentRow(allotmentId)).toMatchObject({ used: 1 });
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
  });

  it('reports issued, checked-in and unused per screening after it ran', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId } = await screening('ga', 6);
    const { partner, organisationId } = await verifiedPartner(staff);
    const allotmentId = await granted(staff, screeningId, organisationId, 5);
    const claim = await claimAllotmentPlaces(db, partner, allotmentId, { quantity: 3 }, settings);
    if (!claim.ok) throw new Error(claim.reason);
    await issueAccessCodes(db, partner, allotmentId, 1, null);
    expect(await listPartnerReport(db, organisationId)).toEqual([]);
    await db.execute(sql`UPDATE tickets SET checked_in_at = now() WHERE id = ${claim.tickets[0]!.id}`);
    await db.execute(sql`UPDATE screenings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = ${screeningId}`);
    const report = await listPartnerReport(db, organisationId);
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ screeningId, granted: 5, issued: 3, checkedIn: 1, unused: 2, codesNotRedeemed: 1 });
  });

  it('gives the box office the same figures per verified organisation, counts only and this festival only', async () => {
    const db = getDb();
    const staff = await actor('staff');
    const { screeningId, festivalId } = await screening('ga', 8);
    const { partner, organisationId } = await verifiedPartner(staff, 'Riverside Hub');
    const quiet = await verifiedPartner(staff, 'Quiet Partner');
    const waiting = await applyAsPartner(db, { name: 'Still Waiting', serves: 'People still waiting for an answer', website: null, contactName: 'S', contactEmail: 's@example.org' });
    const allotmentId = await granted(staff, screeningId, organisationId, 5);
    const claim = await claimAllotmentPlaces(db, partner, allotmentId, { quantity: 3, holderNames: ['Private Person', null, null] }, settings);
    if (!claim.ok) throw new Error(claim.reason);
    await db.execute(sql`UPDATE tickets SET checked_in_at = now() WHERE id = ${claim.tickets[0]!.id}`);
    // Before the screening nothing is "unused"; after it, the two tickets nobody came with are.
    const before = await listOrganisationReport(db, festivalId);
    expect(before.find((r) => r.organisationId === organisationId)).toEqual({
      organisationId, name: 'Riverside Hub', communityIssued: 3, donatedIssued: 0, checkedIn: 1, unusedAfter: 0, placesGranted: 5, placesUsed: 3,
    });
    await db.execute(sql`UPDATE screenings SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = ${screeningId}`);
    const after = await listOrganisationReport(db, festivalId);
    expect(after.find((r) => r.organisationId === organisationId)).toMatchObject({ communityIssued: 3, checkedIn: 1, unusedAfter: 2 });
    expect(after.find((r) => r.organisationId === quiet.organisationId)).toMatchObject({ communityIssued: 0, donatedIssued: 0, placesGranted: 0, unusedAfter: 0 });
    expect(after.some((r) => r.organisationId === waiting.organisationId)).toBe(false);
    expect(JSON.stringify(after)).not.toContain('Private Person');
    // Another festival's report counts none of these tickets.
    const elsewhere = await screening('ga', 2);
    expect((await listOrganisationReport(db, elsewhere.festivalId)).find((r) => r.organisationId === organisationId)).toMatchObject({ communityIssued: 0, placesGranted: 0 });
    // The partner's own report reads the same figures.
    expect(await listPartnerReport(db, organisationId)).toMatchObject([{ screeningId, granted: 5, issued: 3, checkedIn: 1, unused: 2 }]);
  });
});
