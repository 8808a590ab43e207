import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { inventoryPools } from '@/db/schema';
import { holdSeats, releaseHold } from '@/domain/booking/holds';
import { endLiveHolds } from '@/domain/inventory/inventory';
import type { PoolKind } from '@/domain/inventory/pools';
import { beginCheckout } from '@/domain/payments/orders';
import { applyStripeEvent } from '@/domain/payments/payments';
import { createFestival, createFilm, createGaVenue, createReservedVenue, createTestScreening } from '../support/factories';
import { TEST_ORDER_SETTINGS as settings, sessionObject, stripeEvent } from '../support/factories';

/**
 * A hold records the pool it took its places from; every later move of those places (fulfilment, the late
 * payment's retake, refund, release, expiry) must move that pool and leave the others alone. The access schemes'
 * claims will hold from their own pools: this proves the moves are ready for them.
 */
const SCHEME: PoolKind = 'community_access';

async function screening(kind: 'ga' | 'reserved') {
  const db = getDb();
  const festival = await createFestival(db);
  const venue = kind === 'ga' ? await createGaVenue(db, festival.id, 12) : await createReservedVenue(db, festival.id, 1, 12);
  const film = await createFilm(db, festival.id);
  // The allocation creates the scheme's pool row (4 places carved out of the 12).
  return createTestScreening(db, festival, { venueId: venue.id, filmIds: [film.id], allocations: { [SCHEME]: 4 } });
}

async function pools(screeningId: string) {
  const found = await getDb()
    .select({ kind: inventoryPools.kind, held: inventoryPools.held, sold: inventoryPools.sold })
    .from(inventoryPools)
    .where(eq(inventoryPools.screeningId, screeningId));
  return Object.fromEntries(found.map((r) => [r.kind, { held: r.held, sold: r.sold }]));
}

async function schemeHold(screeningId: string, quantity = 2) {
  const hold = await holdSeats(getDb(), screeningId, { items: [{ ticketType: 'adult', quantity }] }, 'claimant', { holdMinutes: 10, maxPerOrder: 8 }, SCHEME);
  if (!hold.ok) throw new Error(`hold failed: ${hold.message}`);
  return hold;
}

async function pendingOrder(screeningId: string) {
  const hold = await schemeHold(screeningId);
  const order = await beginCheckout(getDb(), hold.holdId, hold.holdToken, { name: 'Ada Claimant', email: 'ada@example.org' }, { holdMinutes: 10 });
  if (!order.ok) throw new Error('checkout failed');
  return { hold, orderId: order.orderId };
}

const paid = (orderId: string, totalCents: number, paymentIntent?: string) =>
  stripeEvent('checkout.session.completed', sessionObject(orderId, { amountTotal: totalCents, ...(paymentIntent ? { paymentIntent } : {}) }));

describe('a hold on an access scheme pool', () => {
  it('takes, fulfils and refunds against that pool, never the standard pool', async () => {
    const id = await screening('reserved');
    const { hold, orderId } = await pendingOrder(id);
    expect(await getDb().execute(sql`SELECT pool_kind::text FROM holds WHERE id = ${hold.holdId}`)).toEqual([{ pool_kind: SCHEME }]);
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 2, sold: 0 } });

    expect(await applyStripeEvent(getDb(), paid(orderId, hold.totalCents, 'pi_scheme_1'), settings)).toEqual({ ok: true, effect: 'issued' });
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 0, sold: 2 } });

    await applyStripeEvent(
      getDb(),
      stripeEvent('charge.refunded', { id: 'ch_scheme_1', object: 'charge', payment_intent: 'pi_scheme_1', amount: hold.totalCents, amount_refunded: hold.totalCents }),
      settings,
    );
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 0, sold: 0 } });
  });

  it('gives its places back to that pool when released or when its session expires', async () => {
    const id = await screening('ga');
    const released = await schemeHold(id);
    expect(await releaseHold(getDb(), released.holdId, released.holdToken)).toEqual({ ok: true, released: true });
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 0, sold: 0 } });

    const { orderId, hold } = await pendingOrder(id);
    await applyStripeEvent(getDb(), stripeEvent('checkout.session.expired', sessionObject(orderId, { amountTotal: hold.totalCents, status: 'expired', paymentStatus: 'unpaid' })), settings);
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 0, sold: 0 } });
  });

  it('takes places from that pool again for a payment that came after its hold ended', async () => {
    const id = await screening('reserved');
    const { hold, orderId } = await pendingOrder(id);
    await getDb().transaction((tx) => endLiveHolds(tx, [hold.holdId], 'expired'));
    expect(await applyStripeEvent(getDb(), paid(orderId, hold.totalCents), settings)).toEqual({ ok: true, effect: 'issued' });
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 0, sold: 2 } });
  });

  it('refuses when that pool is full, whatever the standard pool has left', async () => {
    const id = await screening('ga');
    await schemeHold(id, 4);
    const refused = await holdSeats(getDb(), id, { items: [{ ticketType: 'adult', quantity: 1 }] }, 'other', { holdMinutes: 10, maxPerOrder: 8 }, SCHEME);
    expect(refused).toMatchObject({ ok: false, reason: 'not_enough_seats', available: 0 });
    expect(await pools(id)).toMatchObject({ standard: { held: 0, sold: 0 }, [SCHEME]: { held: 4, sold: 0 } });
  });
});
