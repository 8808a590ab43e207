import type { DeskOrder, OrderLookupRow } from '@/domain/desk/orders';
import { z } from '@/web/api/openapi/zod';

/*
 * The desk's JSON API bodies (GET /box-office/orders, GET /box-office/orders/{id}, POST /box-office/orders/{id}/refunds):
 * the zod schemas the route handlers validate with and type their responses from, and the serializers that build them.
 */

export const OrderLookupParams = z.object({
  q: z
    .string()
    .trim()
    .min(2, 'type at least 2 characters')
    .max(200)
    .openapi({ description: 'A name (part of it), an email (its start), an order number (MQ-…) or a ticket code', examples: ['ada@example.org', 'MQ-4K7P2Z'] }),
});

const Money = z.number().int();
const Instant = z.iso.datetime();

export const DeskOrderSummaryBody = z
  .object({
    id: z.guid(),
    number: z.string(),
    status: z.string(),
    source: z.enum(['online', 'door', 'exchange']),
    buyerName: z.string(),
    buyerEmail: z.string(),
    totalCents: Money,
    currency: z.string(),
    createdAt: Instant,
    screening: z.object({ id: z.guid(), title: z.string(), startsAt: Instant }),
    validTickets: z.number().int(),
    matchedBy: z.enum(['ticket_code', 'order_number', 'email', 'name']),
  })
  .openapi('DeskOrderSummary');
export type DeskOrderSummaryBody = z.infer<typeof DeskOrderSummaryBody>;

export const DeskOrderList = z.object({ count: z.number().int(), truncated: z.boolean(), orders: z.array(DeskOrderSummaryBody) });
export type DeskOrderList = z.infer<typeof DeskOrderList>;

export const DeskOrderBody = z
  .object({
    id: z.guid(),
    number: z.string(),
    status: z.string(),
    source: z.enum(['online', 'door', 'exchange']),
    buyerName: z.string(),
    buyerEmail: z.string(),
    totalCents: Money,
    giftCents: Money,
    refundableCents: Money,
    currency: z.string(),
    createdAt: Instant,
    paidAt: Instant.nullable(),
    createdBy: z.string().nullable(),
    screening: z.object({ id: z.guid(), title: z.string(), startsAt: Instant, venueName: z.string(), started: z.boolean() }),
    tickets: z.array(
      z.object({
        id: z.guid(),
        code: z.string(),
        status: z.enum(['valid', 'void']),
        typeName: z.string(),
        priceCents: Money,
        holderName: z.string(),
        seat: z.string().nullable(),
        checkedInAt: Instant.nullable(),
        checkIns: z.array(
          z.object({
            result: z.enum(['admitted', 'duplicate', 'refused']),
            method: z.enum(['qr', 'code', 'name']),
            deviceLabel: z.string(),
            staff: z.string().nullable(),
            scannedAt: Instant,
            offline: z.boolean(),
          }),
        ),
      }),
    ),
    payments: z.array(
      z.object({ id: z.guid(), method: z.string(), amountCents: Money, reference: z.string().nullable(), reason: z.string().nullable(), recordedBy: z.string().nullable(), createdAt: Instant }),
    ),
    refunds: z.array(DeskRefundShape()),
  })
  .openapi('DeskOrder');
export type DeskOrderBody = z.infer<typeof DeskOrderBody>;

function DeskRefundShape() {
  return z.object({
    id: z.guid(),
    method: z.string(),
    amountCents: Money,
    donationCents: Money,
    status: z.enum(['pending', 'succeeded', 'failed']),
    source: z.enum(['buyer', 'staff', 'automatic']),
    reason: z.string(),
    tickets: z.number().int(),
    requestedBy: z.string().nullable(),
    failureMessage: z.string().nullable(),
    createdAt: Instant,
    completedAt: Instant.nullable(),
  });
}

/**
 * A refund asked for through the API: which tickets (all valid ones when omitted), an optional lower amount, the reason
 * (required), whether the gift to the access fund goes back too (only on purpose), and the key that makes a replay land once
 * (this field or the Idempotency-Key header).
 */
export const DeskRefundRequest = z
  .object({
    ticketIds: z.array(z.guid('ticket ids are UUIDs')).min(1).max(50).optional(),
    amountCents: z.number().int().min(0).max(10_000_000).optional(),
    includeDonation: z.boolean().default(false),
    reason: z.string().trim().min(3, 'say why (at least 3 characters)').max(500),
    requestKey: z.string().trim().min(8).max(200).optional(),
  })
  .strict()
  .openapi('DeskRefundRequest');
export type DeskRefundRequest = z.infer<typeof DeskRefundRequest>;

export const DeskRefundCreated = z
  .object({ refundId: z.guid(), amountCents: Money, status: z.enum(['pending', 'succeeded', 'failed']) })
  .openapi('DeskRefundCreated');
export type DeskRefundCreated = z.infer<typeof DeskRefundCreated>;

const iso = (d: Date) => d.toISOString();

export function serializeDeskOrderSummary(o: OrderLookupRow): DeskOrderSummaryBody {
  return { ...o, createdAt: iso(o.createdAt), screening: { ...o.screening, startsAt: iso(o.screening.startsAt) } };
}

export function serializeDeskOrder(o: DeskOrder): DeskOrderBody {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    source: o.source,
    buyerName: o.buyerName,
    buyerEmail: o.buyerEmail,
    totalCents: o.totalCents,
    giftCents: o.giftCents,
    refundableCents: o.refundableCents,
    currency: o.currency,
    createdAt: iso(o.createdAt),
    paidAt: o.paidAt ? iso(o.paidAt) : null,
    createdBy: o.createdBy,
    screening: { ...o.screening, startsAt: iso(o.screening.startsAt) },
    tickets: o.tickets.map((t) => ({
      ...t,
      checkedInAt: t.checkedInAt ? iso(t.checkedInAt) : null,
      checkIns: t.checkIns.map((c) => ({ ...c, scannedAt: iso(c.scannedAt) })),
    })),
    payments: o.payments.map((p) => ({ ...p, createdAt: iso(p.createdAt) })),
    refunds: o.refunds.map((r) => ({ ...r, createdAt: iso(r.createdAt), completedAt: r.completedAt ? iso(r.completedAt) : null })),
  };
}
