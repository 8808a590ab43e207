import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { firstRow, rows } from '@/db/sql';
import { getFundBalance, moveFund } from '@/domain/access-fund/ledger';
import { runFairAllocation } from '@/domain/donation-requests/fair-allocation';
import { runLottery } from '@/domain/donation-requests/lottery';
import { listOwnDonationRequests, getReviewQueue } from '@/domain/donation-requests/queries';
import {
  approveDonationRequest,
  declineDonationRequest,
  giveBackDonatedTickets,
  settleFulfilledDonationRequests,
  submitDonationRequest,
  withdrawDonationRequest,
  type Actor,
  type DonationRequestInput,
} from '@/domain/donation-requests/requests';
import { listOrganisationReport } from '@/domain/partners/partner-orders';
import { inventoryProblems } from '../support/inventory';
import { createFestival, createFilm, createGaVenue, createOrganisation, createTestScreening, createUser, TEST_ORDER_SETTINGS as settings, uniq } from '../support/factories';

/** Ticket Donation Requests: partners ask, staff decide, the fund pays; and the fair allocation. Face value is 1500 (the factory's adult price). */

const FACE = 1500;

async function world(o: { donated?: number; capacity?: number; fundTickets?: number; screenings?: number } = {}) {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = await createGaVenue(db, festival.id, o.capacity ?? 40);
  const film = await createFilm(db, festival.id);
  const screeningIds: string[] = [];
  for (let i = 0; i < (o.screenings ?? 1); i++) {
    screeningIds.push(
      await createTestScreening(db, festival, {
        venueId: venue.id,
        filmIds: [film.id],
        day: i,
        allocations: { donated: o.donated ?? 10, indigenous_access: 0, community_access: 0 },
      }),
    );
  }
  const org = await createOrganisation(db, 'Mossback Youth Centre');
  const partner: Actor = { ...(await createUser(db, { role: 'partner', organisationId: org.id, orgRole: 'admin' })), role: 'partner', organisationId: org.id };
  const staffA: Actor = { ...(await createUser(db, { role: 'staff' })), role: 'staff', organisationId: null };
  const staffB: Actor = { ...(await createUser(db, { role: 'staff' })), role: 'staff', organisationId: null };
  if (o.fundTickets) await creditFund(festival.id, o.fundTickets * FACE);
  return { db, festival, screeningIds, screeningId: screeningIds[0]!, org, partner, staffA, staffB, contactEmail: `${uniq('robin')}@mossback.example` };
}

/** A paid donation, credited to the fund the one way the fund changes. */
async function creditFund(festivalId: string, amountCents: number) {
  const db = getDb();
  const donation = await firstRow<{ id: string }>(db, sql`
    INSERT INTO donations (festival_id, amount_cents, currency, donor_name, donor_email, status, paid_at)
    VALUES (${festivalId}, ${amountCents}, 'CAD', 'A Donor', 'donor@example.org', 'paid', now()) RETURNING id`);
  const credited = await db.transaction((tx) => moveFund(tx, { festivalId, kind: 'donation', amountCents, donationId: donation!.id }));
  if (!credited.ok) throw new Error('no credit');
}

const ask = (screeningIds: string[], quantity: number, o: Partial<DonationRequestInput> = {}): DonationRequestInput => ({
  screeningIds,
  quantity,
  audience: 'Young people at the drop-in centre',
  accessibilityNeeds: 'One wheelchair user',
  contactName: 'Robin Contact',
  contactEmail: 'robin@mossback.example',
  contactPhone: null,
  ...o,
});

async function submit(w: Awaited<ReturnType<typeof world>>, quantity: number, screeningIds = [w.screeningId], partner = w.partner) {
  const r = await submitDonationRequest(w.db, partner, w.festival.id, ask(screeningIds, quantity, { contactEmail: w.contactEmail }));
  if (!r.ok) throw new Error(`submit refused: ${r.message}`);
  return r.requestId;
}

/** The fund's balance, the ledger's sum and count of ticket debits, and the donated tickets issued: they must agree. */
async function books(festivalId: string) {
  const db = getDb();
  const ledger = await firstRow<{ sum: number; debits: number }>(db, sql`
    SELECT coalesce(sum(amount_cents), 0)::int AS sum, count(*) FILTER (WHERE kind = 'ticket')::int AS debits FROM fund_entries WHERE festival_id = ${festivalId}`);
  const tickets = await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM tickets t JOIN orders o ON o.id = t.order_id JOIN screenings s ON s.id = o.screening_id
    WHERE s.festival_id = ${festivalId} AND o.scheme = 'donated' AND t.status = 'valid'`);
  const negative = await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM fund_entries WHERE festival_id = ${festivalId} AND balance_after_cents < 0`);
  return { balance: await getFundBalance(db, festivalId), ledgerSum: ledger!.sum, debits: ledger!.debits, tickets: tickets!.n, negativeEntries: negative!.n };
}

const status = async (id: string) =>
  (await firstRow<{ status: string; issued: number; staff_message: string | null }>(getDb(), sql`SELECT status, issued, staff_message FROM donation_requests WHERE id = ${id}`))!;

describe('approving donation requests', () => {
  it('two staff approving different requests at once issue exactly what the fund covers, and the balance never goes below zero', async () => {
    const w = await world({ donated: 20, fundTickets: 4 });
    const ids = await Promise.all(Array.from({ length: 6 }, () => submit(w, 1)));
    const results = await Promise.all(
      ids.map((requestId, i) =>
        approveDonationRequest(w.db, i % 2 ? w.staffA : w.staffB, { requestId, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r).toMatchObject({ ok: false, reason: 'insufficient_funds', balanceCents: 0, neededCents: FACE, message: expect.stringContaining('access fund holds') });
    expect(await books(w.festival.id)).toEqual({ balance: 0, ledgerSum: 0, debits: 4, tickets: 4, negativeEntries: 0 });
    const statuses = await Promise.all(ids.map(status));
    expect(statuses.filter((s) => s.status === 'approved')).toHaveLength(4);
    expect(statuses.filter((s) => s.status === 'submitted')).toHaveLength(2);
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });

  it('a request of several tickets is paid for whole or not at all when approvals race past the balance', async () => {
    const w = await world({ donated: 20, fundTickets: 5 });
    const ids = await Promise.all([submit(w, 3), submit(w, 3)]);
    const results = await Promise.all(
      ids.map((requestId, i) => approveDonationRequest(w.db, [w.staffA, w.staffB][i]!, { requestId, grants: [{ screeningId: w.screeningId, quantity: 3, source: 'donated' }] }, settings)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await books(w.festival.id)).toEqual({ balance: 2 * FACE, ledgerSum: 2 * FACE, debits: 3, tickets: 3, negativeEntries: 0 });
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });

  it('the same request approved several times at once (two staff, a replayed form) is issued once', async () => {
    const w = await world({ donated: 20, fundTickets: 20 });
    const requestId = await submit(w, 2);
    const approve = (staff: Actor) => approveDonationRequest(w.db, staff, { requestId, grants: [{ screeningId: w.screeningId, quantity: 2, source: 'donated' }] }, settings);
    const results = await Promise.all([approve(w.staffA), approve(w.staffB), approve(w.staffA), approve(w.staffB)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'not_decidable')).toBe(true);
    expect(await status(requestId)).toMatchObject({ status: 'approved', issued: 2 });
    expect(await books(w.festival.id)).toMatchObject({ balance: 18 * FACE, debits: 2, tickets: 2 });
    // The tickets carry the organisation's name until the partner names each guest; the order is the organisation's.
    const tickets = await rows<{ holder_name: string; organisation_id: string; total_cents: number }>(w.db, sql`
      SELECT t.holder_name, o.organisation_id, o.total_cents FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.donation_request_id = ${requestId}`);
    expect(tickets).toEqual([
      { holder_name: 'Mossback Youth Centre', organisation_id: w.org.id, total_cents: 0 },
      { holder_name: 'Mossback Youth Centre', organisation_id: w.org.id, total_cents: 0 },
    ]);
    const mail = await rows<{ subject: string; text: string }>(w.db, sql`SELECT subject, text FROM emails WHERE "to" = ${w.contactEmail} ORDER BY created_at`);
    expect(mail.filter((m) => m.subject.includes('donated tickets'))).toHaveLength(1);
    expect(mail.at(-1)!.text).toContain('http://tickets.test/partner/tickets');
  });

  it('a partial approval form sent twice (a double click, a replay) issues its tickets once', async () => {
    const w = await world({ donated: 20, fundTickets: 20 });
    const requestId = await submit(w, 6);
    // The form was drawn when nothing was issued: "issue 2", sent twice at once and once more later.
    const approveTwo = () =>
      approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 2, source: 'donated' }], expectedIssued: 0 }, settings);
    const results = await Promise.all([approveTwo(), approveTwo()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await approveTwo()).toMatchObject({ ok: false, reason: 'not_decidable' });
    expect(await status(requestId)).toMatchObject({ status: 'partly_approved', issued: 2 });
    expect(await books(w.festival.id)).toMatchObject({ debits: 2, tickets: 2 });
  });

  it('refuses to issue past the Donated allocation, then issues in part and the rest from general sale when staff choose', async () => {
    const w = await world({ donated: 3, capacity: 10, fundTickets: 20 });
    const requestId = await submit(w, 5);
    const past = await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 5, source: 'donated' }] }, settings);
    expect(past).toMatchObject({ ok: false, reason: 'not_enough_places', message: expect.stringContaining('Only 3 places left') });
    expect(await books(w.festival.id)).toMatchObject({ balance: 20 * FACE, debits: 0, tickets: 0 });
    expect(await status(requestId)).toMatchObject({ status: 'submitted', issued: 0 });

    const part = await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 3, source: 'donated' }], message: 'Three for now.' }, settings);
    expect(part).toMatchObject({ ok: true, status: 'partly_approved', issued: 3 });
    // Asking for more than is left of the request is refused.
    const over = await approveDonationRequest(w.db, w.staffB, { requestId, grants: [{ screeningId: w.screeningId, quantity: 3, source: 'general' }] }, settings);
    expect(over).toMatchObject({ ok: false, reason: 'invalid_request' });
    const rest = await approveDonationRequest(w.db, w.staffB, { requestId, grants: [{ screeningId: w.screeningId, quantity: 2, source: 'general' }] }, settings);
    expect(rest).toMatchObject({ ok: true, status: 'approved', issued: 5 });
    const pools = await rows<{ kind: string; sold: number }>(w.db, sql`SELECT kind, sold FROM inventory_pools WHERE screening_id = ${w.screeningId} ORDER BY kind`);
    expect(Object.fromEntries(pools.map((p) => [p.kind, p.sold]))).toMatchObject({ donated: 3, standard: 2 });
    expect(await books(w.festival.id)).toMatchObject({ balance: 15 * FACE, debits: 5, tickets: 5 });
    expect(await status(requestId)).toMatchObject({ staff_message: 'Three for now.' });
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });

  it('only grants screenings the partner asked for, and only staff decide', async () => {
    const w = await world({ screenings: 2, fundTickets: 10 });
    const requestId = await submit(w, 1, [w.screeningIds[0]!]);
    const other = await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningIds[1]!, quantity: 1, source: 'donated' }] }, settings);
    expect(other).toMatchObject({ ok: false, reason: 'invalid_request' });
    const byPartner = await approveDonationRequest(w.db, w.partner, { requestId, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings);
    expect(byPartner).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await status(requestId)).toMatchObject({ status: 'submitted' });
  });

  it('a date range request is granted a screening on one of its days', async () => {
    const w = await world({ screenings: 3, fundTickets: 10 });
    const range = await submitDonationRequest(w.db, w.partner, w.festival.id, ask([], 2, { fromDate: w.festival.startsOn, toDate: w.festival.startsOn }));
    if (!range.ok) throw new Error(range.message);
    const queue = await getReviewQueue(w.staffA, w.festival.id, w.db);
    const queued = queue!.requests.find((r) => r.id === range.requestId)!;
    expect(queued.screenings.map((s) => s.id)).toEqual([w.screeningIds[0]]);
    expect(queued.screenings[0]).toMatchObject({ donatedFree: 10, faceValueCents: FACE, named: false });
    expect(queue!.balanceCents).toBe(10 * FACE);
    const later = await approveDonationRequest(w.db, w.staffA, { requestId: range.requestId, grants: [{ screeningId: w.screeningIds[2]!, quantity: 2, source: 'donated' }] }, settings);
    expect(later).toMatchObject({ ok: false, reason: 'invalid_request' });
    const ok = await approveDonationRequest(w.db, w.staffA, { requestId: range.requestId, grants: [{ screeningId: w.screeningIds[0]!, quantity: 2, source: 'donated' }] }, settings);
    expect(ok).toMatchObject({ ok: true, status: 'approved' });
  });
});

describe('giving back donated tickets', () => {
  const donatedPool = async (screeningId: string) =>
    (await firstRow<{ capacity: number; sold: number }>(getDb(), sql`SELECT capacity, sold FROM inventory_pools WHERE screening_id = ${screeningId} AND kind = 'donated'`))!;

  it('gives a ticket back once when asked twice at once, crediting the fund what the ticket debited, never today’s face value', async () => {
    const w = await world({ donated: 10, fundTickets: 10 });
    const requestId = await submit(w, 3);
    const approved = await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 3, source: 'donated' }] }, settings);
    if (!approved.ok) throw new Error(approved.message);
    const orderId = approved.orders[0]!.orderId;
    const tickets = await rows<{ id: string }>(w.db, sql`SELECT id FROM tickets WHERE order_id = ${orderId} ORDER BY code`);
    expect(await books(w.festival.id)).toMatchObject({ balance: 7 * FACE, tickets: 3 });
    // The screening's price goes up after the tickets were paid for: a give-back still credits what was debited.
    await w.db.execute(sql`UPDATE ticket_types SET price_cents = 4000 WHERE screening_id = ${w.screeningId} AND scheme IS NULL`);

    const one = [tickets[0]!.id];
    const twice = await Promise.all([0, 1].map(() => giveBackDonatedTickets(w.db, w.partner, orderId, one, settings)));
    expect(twice.filter((r) => r.ok)).toEqual([{ ok: true, voided: 1, creditedCents: FACE }]);
    expect(twice.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'nothing_to_give_back' }]);
    expect(await books(w.festival.id)).toEqual({ balance: 8 * FACE, ledgerSum: 8 * FACE, debits: 3, tickets: 2, negativeEntries: 0 });
    // No longer met in full: back in the staff queue as partly approved.
    expect(await status(requestId)).toMatchObject({ status: 'partly_approved', issued: 2 });
    expect(await donatedPool(w.screeningId)).toMatchObject({ capacity: 10, sold: 2 });
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);

    // The rest of the order, twice at once: given back once, the order cancelled, the fund whole again.
    const rest = await Promise.all([0, 1].map(() => giveBackDonatedTickets(w.db, w.partner, orderId, undefined, settings)));
    expect(rest.filter((r) => r.ok)).toEqual([{ ok: true, voided: 2, creditedCents: 2 * FACE }]);
    expect(await books(w.festival.id)).toEqual({ balance: 10 * FACE, ledgerSum: 10 * FACE, debits: 3, tickets: 0, negativeEntries: 0 });
    const voids = await firstRow<{ n: number; sum: number }>(w.db, sql`
      SELECT count(*)::int AS n, sum(amount_cents)::int AS sum FROM fund_entries WHERE festival_id = ${w.festival.id} AND kind = 'ticket_void'`);
    expect(voids).toEqual({ n: 3, sum: 3 * FACE });
    expect(await status(requestId)).toMatchObject({ issued: 0 });
    expect(await firstRow<{ status: string }>(w.db, sql`SELECT status FROM orders WHERE id = ${orderId}`)).toEqual({ status: 'cancelled' });
    expect(await donatedPool(w.screeningId)).toMatchObject({ sold: 0 });
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
    const mail = await rows<{ subject: string }>(w.db, sql`SELECT subject FROM emails WHERE "to" = ${w.contactEmail} AND subject LIKE '%gave back%' ORDER BY created_at`);
    expect(mail.map((m) => m.subject)).toEqual(['Mossback Youth Centre gave back 1 donated ticket', 'Mossback Youth Centre gave back 2 donated tickets']);
  });

  it('gives back only the organisation’s own unused tickets, and only a partner does', async () => {
    const w = await world({ donated: 10, fundTickets: 10 });
    const requestId = await submit(w, 2);
    const approved = await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 2, source: 'donated' }] }, settings);
    if (!approved.ok) throw new Error(approved.message);
    const orderId = approved.orders[0]!.orderId;
    const [used, unused] = await rows<{ id: string }>(w.db, sql`SELECT id FROM tickets WHERE order_id = ${orderId} ORDER BY code`);
    await w.db.execute(sql`UPDATE tickets SET checked_in_at = now() WHERE id = ${used!.id}`);

    const otherOrg = await createOrganisation(w.db, 'Another Centre');
    const stranger: Actor = { ...(await createUser(w.db, { role: 'partner', organisationId: otherOrg.id, orgRole: 'admin' })), role: 'partner', organisationId: otherOrg.id };
    expect(await giveBackDonatedTickets(w.db, stranger, orderId, undefined, settings)).toEqual({ ok: false, reason: 'order_not_found' });
    expect(await giveBackDonatedTickets(w.db, w.staffA, orderId, undefined, settings)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await giveBackDonatedTickets(w.db, w.partner, orderId, [used!.id], settings)).toEqual({ ok: false, reason: 'nothing_to_give_back' });
    expect(await giveBackDonatedTickets(w.db, w.partner, 'not-an-id', undefined, settings)).toEqual({ ok: false, reason: 'order_not_found' });
    // The whole order: only the ticket nobody used goes back.
    expect(await giveBackDonatedTickets(w.db, w.partner, orderId, undefined, settings)).toEqual({ ok: true, voided: 1, creditedCents: FACE });
    expect(await books(w.festival.id)).toEqual({ balance: 9 * FACE, ledgerSum: 9 * FACE, debits: 2, tickets: 1, negativeEntries: 0 });
    expect(await firstRow(w.db, sql`SELECT status FROM tickets WHERE id = ${unused!.id}`)).toEqual({ status: 'void' });
    expect(await status(requestId)).toMatchObject({ issued: 1 });
    // The box office's partner report counts the donated ticket still held (and used), not the one given back.
    const report = await listOrganisationReport(w.db, w.festival.id);
    expect(report.find((r) => r.organisationId === w.org.id)).toMatchObject({ communityIssued: 0, donatedIssued: 1, checkedIn: 1, placesGranted: 0 });
  });
});

describe('declining, withdrawing, submitting', () => {
  it('declines with a reason (emailed), once, and not a request that has tickets', async () => {
    const w = await world({ fundTickets: 10 });
    const requestId = await submit(w, 2);
    expect(await declineDonationRequest(w.db, w.staffA, { requestId, reason: '   ' }, settings)).toMatchObject({ ok: false, reason: 'invalid_request' });
    expect(await declineDonationRequest(w.db, w.staffA, { requestId, reason: 'This screening is for ages 18 and over.' }, settings)).toEqual({ ok: true });
    expect(await status(requestId)).toMatchObject({ status: 'declined', staff_message: 'This screening is for ages 18 and over.' });
    expect(await declineDonationRequest(w.db, w.staffB, { requestId, reason: 'Again' }, settings)).toMatchObject({ ok: false, reason: 'not_decidable' });
    const mail = await rows<{ text: string }>(w.db, sql`SELECT text FROM emails WHERE "to" = ${w.contactEmail} AND subject LIKE 'About your ticket request%'`);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('ages 18 and over');

    const part = await submit(w, 3);
    await approveDonationRequest(w.db, w.staffA, { requestId: part, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings);
    expect(await declineDonationRequest(w.db, w.staffA, { requestId: part, reason: 'No' }, settings)).toMatchObject({ ok: false, reason: 'not_decidable' });
    expect(await status(part)).toMatchObject({ status: 'partly_approved', issued: 1 });
  });

  it("a partner sees and withdraws only its own organisation's requests, and only while they are submitted", async () => {
    const w = await world({ fundTickets: 10 });
    const otherOrg = await createOrganisation(w.db, 'Other Org');
    const stranger: Actor = { ...(await createUser(w.db, { role: 'partner', organisationId: otherOrg.id })), role: 'partner', organisationId: otherOrg.id };
    const mine = await submit(w, 1);
    const decided = await submit(w, 1);
    await approveDonationRequest(w.db, w.staffA, { requestId: decided, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings);

    expect((await listOwnDonationRequests(stranger, w.db)).map((r) => r.id)).toEqual([]);
    const own = await listOwnDonationRequests(w.partner, w.db);
    expect(own.map((r) => r.id).sort()).toEqual([mine, decided].sort());
    expect(own.find((r) => r.id === decided)!.tickets).toHaveLength(1);

    expect(await withdrawDonationRequest(w.db, stranger, mine)).toEqual({ ok: false, reason: 'not_found' });
    expect(await withdrawDonationRequest(w.db, w.partner, decided)).toEqual({ ok: false, reason: 'not_withdrawable' });
    // Withdrawing and approving at the same moment: one of them wins, never both.
    const [withdrawn, approved] = await Promise.all([
      withdrawDonationRequest(w.db, w.partner, mine),
      approveDonationRequest(w.db, w.staffA, { requestId: mine, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings),
    ]);
    expect([withdrawn.ok, approved.ok].filter(Boolean)).toHaveLength(1);
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });

  it('accepts requests only from verified organisations, for upcoming screenings of this festival or days within it', async () => {
    const w = await world();
    const elsewhere = await world();
    expect((await submitDonationRequest(w.db, w.partner, w.festival.id, ask([elsewhere.screeningId], 1))).ok).toBe(false);
    expect((await submitDonationRequest(w.db, w.partner, w.festival.id, ask([], 1, { fromDate: '2001-01-01', toDate: '2001-01-02' }))).ok).toBe(false);
    expect((await submitDonationRequest(w.db, w.staffA, w.festival.id, ask([w.screeningId], 1))).ok).toBe(false);
    await w.db.execute(sql`UPDATE organisations SET status = 'applied' WHERE id = ${w.org.id}`);
    expect(await submitDonationRequest(w.db, w.partner, w.festival.id, ask([w.screeningId], 1))).toMatchObject({ ok: false, reason: 'organisation_not_verified' });
  });

  it('a request becomes fulfilled once its tickets are issued and their screenings have started', async () => {
    const w = await world({ fundTickets: 10 });
    const requestId = await submit(w, 1);
    await approveDonationRequest(w.db, w.staffA, { requestId, grants: [{ screeningId: w.screeningId, quantity: 1, source: 'donated' }] }, settings);
    await settleFulfilledDonationRequests(w.db);
    expect(await status(requestId)).toMatchObject({ status: 'approved' });
    await w.db.execute(sql`UPDATE screenings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = ${w.screeningId}`);
    await settleFulfilledDonationRequests(w.db);
    expect(await status(requestId)).toMatchObject({ status: 'fulfilled' });
  });
});

describe('the fair allocation', () => {
  it('keeps each request whole or declines it, reproducibly from its seed, and records the run', async () => {
    const w = await world({ donated: 6, fundTickets: 30 });
    const sizes = [3, 2, 4, 1, 2];
    const ids = [];
    for (const n of sizes) ids.push(await submit(w, n));
    const result = await runFairAllocation(w.db, w.staffA, { screeningId: w.screeningId, seed: 'harbourfront-2026' }, settings);
    if (!result.ok) throw new Error(result.message);
    expect(result.places).toBe(6);
    const expected = runLottery('harbourfront-2026', 6, ids.map((id, i) => ({ requestId: id, quantity: sizes[i]! })));
    expect(result.outcome).toEqual(expected);
    const granted = result.outcome.filter((o) => o.granted);
    expect(granted.reduce((n, o) => n + o.quantity, 0)).toBeLessThanOrEqual(6);
    for (const o of result.outcome) {
      const s = await status(o.requestId);
      if (o.granted) expect(s).toMatchObject({ status: 'approved', issued: o.quantity });
      else {
        expect(s).toMatchObject({ status: 'declined', issued: 0 });
        expect(s.staff_message).toContain('seed harbourfront-2026');
      }
    }
    const recorded = await firstRow<{ seed: string; places: number; outcome: unknown }>(w.db, sql`SELECT seed, places, outcome FROM fair_allocations WHERE id = ${result.allocationId}`);
    expect(recorded).toEqual({ seed: 'harbourfront-2026', places: 6, outcome: expected });
    expect(await books(w.festival.id)).toMatchObject({ debits: granted.reduce((n, o) => n + o.quantity, 0), negativeEntries: 0 });
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });

  it('counts only the places the fund can pay for, and two runs at once decide each request once', async () => {
    const w = await world({ donated: 10, fundTickets: 3, screenings: 2 });
    const ids = await Promise.all([submit(w, 2), submit(w, 2), submit(w, 1), submit(w, 1)]);
    // A request naming two screenings is decided by hand, not in the draw of one of them.
    const both = await submit(w, 1, w.screeningIds);
    const runs = await Promise.all([
      runFairAllocation(w.db, w.staffA, { screeningId: w.screeningId, seed: 'one' }, settings),
      runFairAllocation(w.db, w.staffB, { screeningId: w.screeningId, seed: 'two' }, settings),
    ]);
    const done = runs.filter((r) => r.ok);
    expect(done).toHaveLength(1);
    expect(runs.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'nothing_to_draw' });
    const run = done[0]!;
    if (!run.ok) throw new Error('unreachable');
    expect(run.places).toBe(3);
    expect(run.outcome.map((o) => o.requestId).sort()).toEqual([...ids].sort());
    expect(await status(both)).toMatchObject({ status: 'submitted' });
    expect(await books(w.festival.id)).toMatchObject({ negativeEntries: 0 });
    const b = await books(w.festival.id);
    expect(b.balance).toBe(b.ledgerSum);
    expect(b.debits).toBe(b.tickets);
    expect(b.tickets).toBeLessThanOrEqual(3);
    expect(await inventoryProblems(w.db, w.screeningId)).toEqual([]);
  });
});
