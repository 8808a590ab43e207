import type { OrderForTickets } from '@/domain/payments/ticket-views';
import { z } from '@/web/api/openapi/zod';

/** The body of `GET /api/v1/orders/{id}`: the OpenAPI component `Order` and the serializer's return type. */
export const OrderBody = z
  .object({
    id: z.guid(),
    number: z.string(),
    // The domain reads the status as a plain string: the enum is documented, not checked.
    status: z.string().openapi({ enum: ['pending', 'paid', 'refund_due', 'refunded', 'expired', 'failed'] }),
    buyerName: z.string(),
    totalCents: z.number().int(),
    currency: z.string(),
    screening: z.object({ id: z.guid(), title: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), venue: z.string(), timeZone: z.string() }),
    tickets: z.array(z.object({ code: z.string(), ticketType: z.string(), seat: z.string().nullable(), priceCents: z.number().int(), url: z.string() })),
    downloads: z.object({ pdf: z.string(), ics: z.string() }).nullable(),
  })
  .openapi('Order');
export type OrderBody = z.infer<typeof OrderBody>;

export function serializeOrder(o: OrderForTickets, baseUrl: string): OrderBody {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    buyerName: o.buyerName,
    totalCents: o.totalCents,
    currency: o.currency,
    screening: { id: o.screeningId, title: o.title, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString(), venue: o.venueName, timeZone: o.timeZone },
    tickets: o.tickets.map((t) => ({ code: t.code, ticketType: t.ticketTypeName, seat: t.seatLabel, priceCents: t.priceCents, url: t.ticketUrl })),
    downloads: o.tickets.length ? { pdf: `${baseUrl}/orders/${o.id}/tickets.pdf`, ics: `${baseUrl}/orders/${o.id}/calendar.ics` } : null,
  };
}
