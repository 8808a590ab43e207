import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { releasePlaces, setAllocation, setAllocationsInBulk, topUpPlaces, updateSchemeSettings } from '@/domain/access/allocations';
import { cancelIndigenousClaim, claimIndigenousTickets } from '@/domain/access/indigenous';
import { moveFund } from '@/domain/access-fund/ledger';
import { changeUserRole, createInvitation } from '@/domain/accounts/auth';
import { listAuditEntries } from '@/domain/audit/audit-log';
import { runFairAllocation } from '@/domain/donation-requests/fair-allocation';
import { approveDonationRequest, declineDonationRequest, submitDonationRequest, type Actor as RequestActor } from '@/domain/donation-requests/requests';
import { declineAllotment, grantAllotment, requestAllotment } from '@/domain/partners/allotments';
import { applyAsPartner, declinePartner, verifyPartner, type Actor } from '@/domain/partners/organisations';
import { inventoryProblems } from '../support/inventory';
import { createFestival, createFilm, createGaVenue, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, uniq } from '../support/factories';

/** The audit log: every staff write leaves exactly one entry in its own transaction, a refusal none, and no claimant. */

const invitationSettings = { baseUrl: 'http://tickets.test', emailStatus: 'stored', festivalName: 'Test Festival' } as const;

async function world(allocations: Record<string, number> = { indigenous_access: 4, community_access: 4, donated: 6 }) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, 40);
  const film = await createFilm(db, festival.id);
  const screeningId = await createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations });
  const name = uniq('Sam Staff');
  const user = await createUser(db, { role: 'staff', name });
  const staff: Actor = { id: user.id, email: user.email, name, role: 'staff', organisationId: null, orgRole: null };
  return { db, festival, screeningId, staff, name };
}

type Entry = { actor_id: string | null; actor_label: string; action: string; subject_kind: string; subject_id: string; screening_id: string | null; order_id: string | null; before: unknown; after: unknown; reason: string | null };

async function entriesBy(actorId: string): Promise<Entry[]> {
  return rows<Entry>(getDb(), sql`
    SELECT actor_id, actor_label, action, subject_kind, subject_id, screening_id, order_id, before, after, reason
    FROM audit_entries WHERE actor_id = ${actorId} ORDER BY created_at, id`);
}

/** Runs `command` and returns the entries it wrote for `actorId`. */
async function written(actorId: string, command: () => Promise<unknown>): Promise<Entry[]> {
  const before = (await entriesBy(actorId)).length;
  await command();
  return (await entriesBy(actorId)).slice(before);
}

describe('audit log: allocations', () => {
  it('setAllocation, releasePlaces, topUpPlaces, setAllocationsInBulk and updateSchemeSettings each write one entry with the change', async () => {
    const { db, festival, screeningId, staff, name } = await world();
    const set = await written(staff.id, () => setAllocation(db, staff, { screeningId, scheme: 'community_access', quantity: 6, reason: 'Partner asked' }));
    expect(set).toEqual([
      expect.objectContaining({ actor_id: staff.id, actor_label: name, action: 'setAllocation', subject_kind: 'screening', subject_id: screeningId, screening_id: screeningId,
        before: { scheme: 'community_access', places: 4 }, after: { scheme: 'community_access', places: 6 }, reason: 'Partner asked' }),
    ]);
    const released = await written(staff.id, () => releasePlaces(db, staff, { screeningId, scheme: 'community_access', places: 2, reason: 'Quiet night' }));
    expect(released).toEqual([expect.objectContaining({ action: 'releasePlaces', before: { scheme: 'community_access', places: 6 }, after: { scheme: 'community_access', places: 4 } })]);
    const topped = await written(staff.id, () => topUpPlaces(db, staff, { screeningId, scheme: 'donated', places: 3, reason: 'Busy night' }));
    expect(topped).toEqual([expect.objectContaining({ action: 'topUpPlaces', before: { scheme: 'donated', places: 6 }, after: { scheme: 'donated', places: 9 } })]);
    const bulk = await written(staff.id, () => setAllocationsInBulk(db, staff, { festivalId: festival.id, screeningIds: [screeningId], scheme: 'donated', quantity: 5, reason: 'Festival-wide' }));
    expect(bulk).toEqual([
      expect.objectContaining({ action: 'setAllocationsInBulk', subject_kind: 'festival', subject_id: festival.id, before: { scheme: 'donated', places: { [screeningId]: 9 } }, after: { scheme: 'donated', places: { [screeningId]: 5 } } }),
    ]);
    const settingsInput = { festivalId: festival.id, scheme: 'donated' as const, defaultShareBasisPoints: 500, releaseHoursBefore: 24, perScreeningLimit: null, perFestivalLimit: null, offerMinutes: 60 };
    const first = await written(staff.id, () => updateSchemeSettings(db, staff, settingsInput));
    expect(first).toEqual([expect.objectContaining({ action: 'updateSchemeSettings', subject_kind: 'festival', before: null })]);
    const second = await written(staff.id, () => updateSchemeSettings(db, staff, { ...settingsInput, releaseHoursBefore: 48 }));
    expect(second).toEqual([expect.objectContaining({ before: { scheme: 'donated', releaseHoursBefore: 24 }, after: { scheme: 'donated', releaseHoursBefore: 48 } })]);
  });

  it('a refused command writes no entry: the entry rolls back with the change', async () => {
    const { db, screeningId, staff } = await world();
    const refused = await written(staff.id, async () => {
      expect(await releasePlaces(db, staff, { screeningId, scheme: 'community_access', places: 50, reason: 'Too many' })).toMatchObject({ ok: false, reason: 'not_enough_free' });
      expect(await setAllocation(db, staff, { screeningId, scheme: 'community_access', quantity: 500, reason: 'Too many' })).toMatchObject({ ok: false });
      expect(await setAllocation(db, { id: staff.id, role: 'audience' }, { screeningId, scheme: 'community_access', quantity: 1, reason: 'Not staff' })).toEqual({ ok: false, reason: 'forbidden' });
    });
    expect(refused).toEqual([]);
  });

  it('concurrent setAllocation calls write one entry each, whose before and after chain in the order they happened', async () => {
    const { db, screeningId, staff } = await world();
    const other = await createUser(db, { role: 'staff', name: 'Other Staff' });
    const targets = [7, 2, 9, 1, 6, 3, 8, 5];
    const results = await Promise.all(
      targets.map((quantity, i) => setAllocation(db, i % 2 ? { id: other.id, role: 'staff' } : staff, { screeningId, scheme: 'community_access', quantity, reason: `Set to ${quantity}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await inventoryProblems(db, screeningId)).toEqual([]);
    const { entries } = await listAuditEntries(db, { screeningId, page: 1 });
    const chain = entries.filter((e) => e.action === 'setAllocation').reverse();
    const changed = results.filter((r) => r.ok && r.delta !== 0).length;
    expect(chain).toHaveLength(changed);
    expect(chain[0]!.before).toEqual({ scheme: 'community_access', places: 4 });
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.before).toEqual(chain[i - 1]!.after);
    const final = await firstRow<{ capacity: number }>(db, sql`SELECT capacity FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'community_access'`);
    expect(chain.at(-1)!.after).toEqual({ scheme: 'community_access', places: final!.capacity });
  });
});

describe('audit log: partners, allotments, donation requests, accounts', () => {
  it('verify/decline a partner, grant/decline an allotment write one entry each', async () => {
    const { db, screeningId, staff } = await world();
    const applied = await applyAsPartner(db, { name: 'Harbour Youth Centre', serves: 'Young people in the harbour', website: null, contactName: 'Ren', contactEmail: `${uniq('ren')}@partner.example` });
    const verified = await written(staff.id, () => verifyPartner(db, staff, applied.organisationId, 'Known to us', invitationSettings));
    expect(verified).toEqual([expect.objectContaining({ action: 'verifyPartner', subject_kind: 'organisation', subject_id: applied.organisationId, before: { status: 'applied' }, reason: 'Known to us' })]);
    // A second click is refused and leaves nothing.
    expect(await written(staff.id, () => verifyPartner(db, staff, applied.organisationId, null, invitationSettings))).toEqual([]);
    const other = await applyAsPartner(db, { name: 'Other Centre', serves: 'Others in the harbour', website: null, contactName: 'Lee', contactEmail: `${uniq('lee')}@partner.example` });
    const declined = await written(staff.id, () => declinePartner(db, staff, other.organisationId, 'Not this year', invitationSettings));
    expect(declined).toEqual([expect.objectContaining({ action: 'declinePartner', after: expect.objectContaining({ status: 'declined' }) })]);

    const grant = await written(staff.id, () => grantAllotment(db, staff, { screeningId, organisationId: applied.organisationId, quantity: 2 }, settings));
    expect(grant).toEqual([expect.objectContaining({ action: 'grantAllotment', subject_kind: 'allotment', screening_id: screeningId, before: { places: 0 }, after: { status: 'granted', places: 2 } })]);
    expect(await written(staff.id, () => grantAllotment(db, staff, { screeningId, organisationId: applied.organisationId, quantity: 99 }, settings))).toEqual([]);

    const partnerUser = await createUser(db, { role: 'partner', organisationId: other.organisationId, orgRole: 'admin' });
    await db.execute(sql`UPDATE organisations SET status = 'verified' WHERE id = ${other.organisationId}`);
    const asked = await requestAllotment(db, { id: partnerUser.id, email: partnerUser.email, name: null, role: 'partner', organisationId: other.organisationId, orgRole: 'admin' }, { screeningId, quantity: 2, note: null });
    if (!asked.ok) throw new Error('request refused');
    const declinedAllotment = await written(staff.id, () => declineAllotment(db, staff, asked.allotmentId, 'Full', settings));
    expect(declinedAllotment).toEqual([expect.objectContaining({ action: 'declineAllotment', subject_id: asked.allotmentId, before: { status: 'requested', requested: 2 }, after: { status: 'declined' } })]);
  });

  it('approve/decline a donation request and a fair allocation write one entry each; search finds them by order', async () => {
    const { db, festival, screeningId, staff } = await world({ donated: 6, indigenous_access: 0, community_access: 0 });
    const org = await applyAsPartner(db, { name: 'Mossback', serves: 'Young people at the drop-in', website: null, contactName: 'Robin', contactEmail: `${uniq('robin')}@m.example` });
    await db.execute(sql`UPDATE organisations SET status = 'verified' WHERE id = ${org.organisationId}`);
    const partner: RequestActor = { ...(await createUser(db, { role: 'partner', organisationId: org.organisationId, orgRole: 'admin' })), role: 'partner', organisationId: org.organisationId };
    const donation = await firstRow<{ id: string }>(db, sql`
      INSERT INTO donations (festival_id, amount_cents, currency, donor_name, donor_email, status, paid_at)
      VALUES (${festival.id}, 100000, 'CAD', 'A Donor', 'donor@example.org', 'paid', now()) RETURNING id`);
    await db.transaction((tx) => moveFund(tx, { festivalId: festival.id, kind: 'donation', amountCents: 100000, donationId: donation!.id }));
    const submit = async () => {
      const r = await submitDonationRequest(db, partner, festival.id, {
        screeningIds: [screeningId], quantity: 2, audience: 'Young people', accessibilityNeeds: '', contactName: 'Robin', contactEmail: 'robin@m.example', contactPhone: null,
      });
      if (!r.ok) throw new Error(r.message);
      return r.requestId;
    };
    const staffActor: RequestActor = { id: staff.id, role: 'staff', organisationId: null };
    const first = await submit();
    const approved = await written(staff.id, () => approveDonationRequest(db, staffActor, { requestId: first, grants: [{ screeningId, quantity: 2, source: 'donated' }] }, settings));
    expect(approved).toEqual([expect.objectContaining({ action: 'approveDonationRequest', subject_kind: 'donation_request', subject_id: first, before: { status: 'submitted', issued: 0 } })]);
    const orderId = approved[0]!.order_id!;
    expect(orderId).toBeTruthy();
    const byOrder = await listAuditEntries(db, { orderId, page: 1 });
    expect(byOrder.entries.map((e) => e.action)).toEqual(['approveDonationRequest']);

    const second = await submit();
    const declined = await written(staff.id, () => declineDonationRequest(db, staffActor, { requestId: second, reason: 'Not this time' }, settings));
    expect(declined).toEqual([expect.objectContaining({ action: 'declineDonationRequest', before: { status: 'submitted' }, after: { status: 'declined' }, reason: 'Not this time' })]);

    await submit();
    const fair = await written(staff.id, () => runFairAllocation(db, staffActor, { screeningId, seed: 'audit' }, settings));
    expect(fair).toEqual([expect.objectContaining({ action: 'runFairAllocation', subject_kind: 'screening', screening_id: screeningId, after: expect.objectContaining({ seed: 'audit' }) })]);
    expect(await written(staff.id, () => runFairAllocation(db, staffActor, { screeningId, seed: 'again' }, settings))).toEqual([]);
  });

  it('an admin changing a role or inviting writes one entry; a refused change none', async () => {
    const db = getDb();
    const admin = await createUser(db, { role: 'admin', name: 'Ada Admin' });
    const someone = await createUser(db, { role: 'audience', name: 'Someone' });
    const changed = await written(admin.id, () => changeUserRole(db, someone.id, 'staff', null, admin));
    expect(changed).toEqual([expect.objectContaining({ action: 'setUserRole', subject_kind: 'user', subject_id: someone.id, actor_label: 'Ada Admin', before: { role: 'audience' }, after: { role: 'staff' } })]);
    expect(await written(admin.id, () => changeUserRole(db, someone.id, 'partner', null, admin))).toEqual([]);
    const email = `${uniq('new')}@example.org`;
    const invited = await written(admin.id, () => createInvitation(db, { email, role: 'staff', organisationId: null, orgRole: null, invitedBy: admin.id }));
    expect(invited).toEqual([expect.objectContaining({ action: 'createInvitation', subject_kind: 'user', after: { email, role: 'staff' } })]);
  });
});

describe('audit log: search and privacy', () => {
  it('searches by person and screening, newest first, 50 to a page', async () => {
    const { db, screeningId, staff } = await world({ community_access: 0 });
    for (let i = 1; i <= 52; i++) await setAllocation(db, staff, { screeningId, scheme: 'community_access', quantity: i % 2 === 1 ? 1 : 2, reason: `Step ${i}` });
    const page1 = await listAuditEntries(db, { actorId: staff.id, page: 1 });
    expect(page1.entries).toHaveLength(50);
    expect(page1.hasMore).toBe(true);
    expect(page1.entries[0]!.reason).toBe('Step 52');
    const page2 = await listAuditEntries(db, { actorId: staff.id, page: 2 });
    expect(page2.entries.map((e) => e.reason)).toEqual(['Step 2', 'Step 1']);
    expect(page2.hasMore).toBe(false);
    const byScreening = await listAuditEntries(db, { screeningId, actorId: staff.id, page: 1 });
    expect(byScreening.entries.every((e) => e.screeningId === screeningId)).toBe(true);
    expect((await listAuditEntries(db, { screeningId: crypto.randomUUID(), page: 1 })).entries).toEqual([]);
  });

  it('an Indigenous Access claim and its cancellation write no entry, and no entry names the claimant', async () => {
    const { db, screeningId } = await world({ indigenous_access: 4 });
    const claimantName = uniq('Claimant Person');
    const u = await createUser(db, { name: claimantName });
    const claimant = { id: u.id, email: u.email, name: claimantName };
    const count = async () => (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_entries`))!.n;
    const before = await count();
    const claimed = await claimIndigenousTickets(db, claimant, { screeningId, quantity: 1, selfIdentified: true }, settings);
    if (!claimed.ok) throw new Error(claimed.reason);
    expect(await cancelIndigenousClaim(db, claimant, claimed.orderId, settings)).toMatchObject({ ok: true });
    expect(await count()).toBe(before);
    const mentions = await firstRow<{ n: number }>(db, sql`
      SELECT count(*)::int AS n FROM audit_entries
      WHERE actor_id = ${u.id} OR order_id = ${claimed.orderId}::uuid OR (before::text || after::text || actor_label || coalesce(reason, '')) ILIKE ${`%${claimantName}%`}
         OR (before::text || after::text) ILIKE ${`%${u.email}%`}`);
    expect(mentions!.n).toBe(0);
  });
});
