import type { OrderForTickets } from '@/domain/payments/ticket-views';

export function serializeOrder(o: OrderForTickets, baseUrl: string) {
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
