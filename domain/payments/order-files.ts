import { getDb } from '@/db/client';
import type { EmailAttachmentRef } from '@/db/schema/emails';
import { loadOrderForTickets, type OrderForTickets } from '@/domain/payments/ticket-views';
import { getEnv } from '@/platform/env';
import { renderIcs } from '@/platform/tickets/ics';
import { renderTicketsPdf } from '@/platform/tickets/pdf';

/** The PDF (one page per ticket) and the calendar file of an order, shared by the download routes and the mailer. */
export function orderPdf(order: OrderForTickets): Promise<Buffer> {
  return renderTicketsPdf(order.tickets);
}

export function orderIcs(order: OrderForTickets, orderLink: string): string {
  return renderIcs(
    [
      {
        uid: `${order.id}@marquee`,
        startsAt: order.startsAt,
        endsAt: order.endsAt,
        summary: `${order.title} (${order.festivalName})`,
        location: `${order.venueName}, ${order.venueAddress}`,
        description: `${order.tickets.length} ticket${order.tickets.length === 1 ? '' : 's'}, order ${order.number}. Tickets: ${orderLink}`,
        url: orderLink,
      },
    ],
    { prodId: '-//Marquee//Festival tickets//EN', calendarName: order.festivalName },
  );
}

export async function orderAttachments(ref: EmailAttachmentRef): Promise<{ filename: string; content: Buffer | string; contentType: string }[]> {
  const order = await loadOrderForTickets(getDb(), ref.orderId, getEnv().PUBLIC_BASE_URL);
  if (!order || order.tickets.length === 0) return [];
  if (ref.kind === 'order_pdf') return [{ filename: `tickets-${order.number}.pdf`, content: await orderPdf(order), contentType: 'application/pdf' }];
  return [{ filename: `${order.number}.ics`, content: orderIcs(order, `${getEnv().PUBLIC_BASE_URL}/orders/${order.id}`), contentType: 'text/calendar' }];
}
