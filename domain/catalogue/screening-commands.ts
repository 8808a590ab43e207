import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { PAID_TICKETS_POOL } from '@/domain/inventory/pools';
import { defaultAllocation, listSchemeSettings } from '@/domain/access/settings';
import { accessSchemeInfo } from './access-schemes';
import type { AccessScheme } from '@/db/schema/screenings';
import {
  accessAllocations,
  accessScheme,
  accessibilityFeature,
  films,
  inventoryPools,
  screeningFilms,
  screeningSeats,
  screenings,
  screeningStatus,
  seats,
  ticketTypes,
  venues,
} from '@/db/schema';

export const CreateScreeningInput = z
  .object({
    festivalId: z.string().uuid(),
    venueId: z.string().uuid(),
    filmIds: z.array(z.string().uuid()).min(1, 'A screening shows at least one film').max(20),
    programmeTitle: z.string().trim().min(1).max(200).optional(),
    startsAt: z.date(),
    endsAt: z.date(),
    status: z.enum(screeningStatus.enumValues).default('scheduled'),
    onSaleAt: z.date().nullable().default(null),
    offSaleAt: z.date().nullable().default(null),
    hasQa: z.boolean().default(false),
    guestNote: z.string().trim().max(500).optional(),
    features: z.array(z.enum(accessibilityFeature.enumValues)).default([]),
    cancellationNote: z.string().trim().max(500).optional(),
    ticketTypes: z
      .array(
        z.object({
          code: z
            .string()
            .regex(/^[a-z0-9_]+$/)
            .refine((c) => !c.startsWith('access_'), 'Ticket type codes starting with access_ are the access schemes\' own'),
          name: z.string().trim().min(1).max(80),
          description: z.string().max(200).optional(),
          priceCents: z.number().int().min(0).max(1_000_000),
        }),
      )
      .min(1, 'A screening needs at least one ticket type'),
    /** Places per scheme; a scheme left out gets the festival's default share of the house (domain/access/settings.ts). */
    allocations: z.partialRecord(z.enum(accessScheme.enumValues), z.number().int().min(0)).default({}),
  })
  .refine((v) => v.endsAt > v.startsAt, { message: 'A screening must end after it starts', path: ['endsAt'] })
  .refine((v) => v.filmIds.length === 1 || v.programmeTitle, {
    message: 'A programme of several films needs a title',
    path: ['programmeTitle'],
  })
  .refine((v) => new Set(v.ticketTypes.map((t) => t.code)).size === v.ticketTypes.length, {
    message: 'Ticket type codes must be unique',
    path: ['ticketTypes'],
  });

export type CreateScreeningInput = z.input<typeof CreateScreeningInput>;

export type CreateScreeningResult =
  | { ok: true; screeningId: string }
  | { ok: false; reason: 'invalid_input' | 'venue_not_found' | 'film_not_found' | 'allocations_exceed_capacity'; message: string };

/**
 * Creates a screening with its price list, access allocations and inventory
 * (one row per seat for a reserved venue; a counted pool per kind of place),
 * all in one transaction.
 */
export async function createScreening(db: Database | Transaction, raw: CreateScreeningInput): Promise<CreateScreeningResult> {
  const parsed = CreateScreeningInput.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid_input', message: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  const input = parsed.data;

  return db.transaction(async (tx) => {
    const [venue] = await tx.select().from(venues).where(eq(venues.id, input.venueId));
    if (!venue || venue.festivalId !== input.festivalId) {
      return { ok: false, reason: 'venue_not_found', message: 'No such venue in this festival' } as const;
    }
    const found = await tx.select({ id: films.id, festivalId: films.festivalId }).from(films).where(inArray(films.id, input.filmIds));
    if (found.length !== new Set(input.filmIds).size || found.some((f) => f.festivalId !== input.festivalId)) {
      return { ok: false, reason: 'film_not_found', message: 'No such film in this festival' } as const;
    }

    const house = await houseOf(tx, venue);
    const allocations = await resolveAllocations(tx, input.festivalId, house, input.allocations);
    const allocated = Object.values(allocations).reduce((sum, n) => sum + n, 0);
    if (allocated > house) {
      return {
        ok: false,
        reason: 'allocations_exceed_capacity',
        message: `Access allocations (${allocated}) exceed the house (${house})`,
      } as const;
    }

    const [screening] = await tx
      .insert(screenings)
      .values({
        festivalId: input.festivalId,
        venueId: venue.id,
        programmeTitle: input.programmeTitle ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        status: input.status,
        onSaleAt: input.onSaleAt,
        offSaleAt: input.offSaleAt,
        hasQa: input.hasQa,
        guestNote: input.guestNote ?? null,
        features: input.features,
        cancellationNote: input.cancellationNote ?? null,
      })
      .returning({ id: screenings.id });
    if (!screening) throw new Error('insert returned no row');

    await tx.insert(screeningFilms).values(input.filmIds.map((filmId, position) => ({ screeningId: screening.id, filmId, position })));
    await tx.insert(ticketTypes).values(
      input.ticketTypes.map((t, position) => ({
        screeningId: screening.id,
        code: t.code,
        name: t.name,
        description: t.description ?? null,
        priceCents: t.priceCents,
        position,
      })),
    );
    // Each scheme's tickets are issued under its own $0 type, never on the public price list.
    await tx.insert(ticketTypes).values(
      accessScheme.enumValues.map((scheme, i) => ({
        screeningId: screening.id,
        code: `access_${scheme}`,
        name: accessSchemeInfo(scheme).label,
        priceCents: 0,
        position: 1000 + i,
        scheme,
      })),
    );

    await createScreeningInventory(tx, screening.id, venue, allocations);
    return { ok: true, screeningId: screening.id } as const;
  });
}

type VenueRow = Pick<typeof venues.$inferSelect, 'id' | 'seating' | 'capacity'>;

/** The places a screening in this venue can sell: its capacity, or its seats less the blocked ones (never sold). */
export async function houseOf(tx: Database | Transaction, venue: VenueRow): Promise<number> {
  if (venue.seating !== 'reserved') return venue.capacity ?? 0;
  const [row] = await tx
    .select({ n: count() })
    .from(seats)
    .where(and(eq(seats.venueId, venue.id), eq(seats.blocked, false)));
  return row?.n ?? 0;
}

/** Each scheme's places: the ones asked for, else the festival's default share of the house (domain/access/settings.ts). */
export async function resolveAllocations(
  tx: Database | Transaction,
  festivalId: string,
  house: number,
  asked: Partial<Record<AccessScheme, number>>,
): Promise<Record<AccessScheme, number>> {
  const defaults = await listSchemeSettings(tx, festivalId);
  const out = Object.fromEntries(accessScheme.enumValues.map((scheme) => [scheme, asked[scheme] ?? 0])) as Record<AccessScheme, number>;
  for (const d of defaults) out[d.scheme] = asked[d.scheme] ?? defaultAllocation(house, d.defaultShareBasisPoints);
  return out;
}

/**
 * A new screening's inventory, the one way it is made (the seed, the tests' factories and the box office's programme
 * commands all come here): each access scheme's allocation and pool, the paid pool holding what is left of the house,
 * and in a reserved house one row per seat, a blocked seat starting (and staying) blocked. The caller has checked
 * that the allocations fit the house.
 */
export async function createScreeningInventory(
  tx: Database | Transaction,
  screeningId: string,
  venue: VenueRow,
  allocations: Record<AccessScheme, number>,
): Promise<void> {
  const house = await houseOf(tx, venue);
  const allocationRows = accessScheme.enumValues.map((scheme) => ({ screeningId, scheme, quantity: allocations[scheme] }));
  const allocated = allocationRows.reduce((sum, a) => sum + a.quantity, 0);
  await tx.insert(accessAllocations).values(allocationRows);
  // The access schemes' places are carved out of the house: the standard pool is what is left.
  await tx.insert(inventoryPools).values([
    { screeningId, kind: PAID_TICKETS_POOL, capacity: house - allocated },
    ...allocationRows.map((a) => ({ screeningId, kind: a.scheme, capacity: a.quantity })),
  ]);
  if (venue.seating === 'reserved') {
    const venueSeats = await tx.select({ id: seats.id, blocked: seats.blocked }).from(seats).where(eq(seats.venueId, venue.id));
    if (venueSeats.length > 0) {
      await tx
        .insert(screeningSeats)
        .values(venueSeats.map((s) => ({ screeningId, seatId: s.id, state: s.blocked ? ('blocked' as const) : ('available' as const) })));
    }
  }
}
