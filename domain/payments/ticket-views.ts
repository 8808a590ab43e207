// No 'server-only' here: the worker and the webhook commands render tickets outside React.
import { sql } from 'drizzle-orm';
import type { TicketView } from '@/platform/tickets/types';
import type { Database, Transaction } from '@/db/client';
import type { festivals, orders, screenings, seats, tickets, ticketTypes, venues } from '@/db/schema';
import { firstRow, rows, type ColumnsOf } from '@/db/sql';
import { seatLabel } from '@/lib/seats';
import { screeningTitleSql } from '@/domain/catalogue/screening-title';

export interface OrderForTickets {
  id: string;
  number: string;
  status: string;
  buyerName: string;
  buyerEmail: string;
  totalCents: number;
  currency: string;
  festivalName: string;
  timeZone: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  screeningId: string;
  tickets: TicketView[];
}

/** An order with its tickets as the PDF, the email and the pages show them. */
export async function loadOrderForTickets(db: Database | Transaction, orderId: string, baseUrl: string): Promise<OrderForTickets | null> {
  const o = await firstRow<
    Pick<ColumnsOf<typeof orders>, 'id' | 'number' | 'status' | 'buyer_name' | 'buyer_email' | 'total_cents' | 'currency' | 'screening_id'> &
      Pick<ColumnsOf<typeof festivals>, 'time_zone'> &
      Pick<ColumnsOf<typeof screenings>, 'starts_at' | 'ends_at'> & {
        festival_name: ColumnsOf<typeof festivals>['name'];
        title: string;
        venue_name: ColumnsOf<typeof venues>['name'];
        venue_address: string;
      }
  >(db, sql`
    SELECT o.id, o.number, o.status, o.buyer_name, o.buyer_email, o.total_cents, o.currency,
           f.name AS festival_name, f.time_zone,
           ${screeningTitleSql(sql`s`)} AS title,
           to_json(s.starts_at) AS starts_at, to_json(s.ends_at) AS ends_at,
           v.name AS venue_name, v.address_line || ', ' || v.city AS venue_address, s.id AS screening_id
    FROM orders o JOIN screenings s ON s.id = o.screening_id JOIN festivals f ON f.id = s.festival_id
    JOIN venues v ON v.id = s.venue_id WHERE o.id = ${orderId}`);
  if (!o) return null;
  // The seat columns are null for a ticket without a seat (the LEFT JOIN).
  type SeatColumns = Pick<ColumnsOf<typeof seats>, 'row_label' | 'seat_number' | 'kind'>;
  const ticketRows = await rows<
    Pick<ColumnsOf<typeof tickets>, 'code' | 'price_cents' | 'holder_name'> & { type_name: ColumnsOf<typeof ticketTypes>['name'] } & {
      [K in keyof SeatColumns]: SeatColumns[K] | null;
    }
  >(db, sql`
    SELECT t.code, t.price_cents, t.holder_name, tt.name AS type_name, st.row_label, st.seat_number, st.kind
    FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN seats st ON st.id = t.seat_id
    WHERE t.order_id = ${orderId} AND t.status = 'valid' ORDER BY st.y NULLS LAST, st.x, t.code`);
  const startsAt = new Date(o.starts_at);
  const endsAt = new Date(o.ends_at);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    buyerName: o.buyer_name,
    buyerEmail: o.buyer_email,
    totalCents: o.total_cents,
    currency: o.currency,
    festivalName: o.festival_name,
    timeZone: o.time_zone,
    title: o.title,
    startsAt,
    endsAt,
    venueName: o.venue_name,
    venueAddress: o.venue_address,
    screeningId: o.screening_id,
    tickets: ticketRows.map((t) => ({
      code: t.code,
      festivalName: o.festival_name,
      title: o.title,
      startsAt,
      endsAt,
      timeZone: o.time_zone,
      venueName: o.venue_name,
      venueAddress: o.venue_address,
      seatLabel: t.row_label && t.seat_number !== null ? seatLabel({ row: t.row_label, number: t.seat_number, kind: t.kind ?? 'standard' }) : null,
      ticketTypeName: t.type_name,
      priceCents: t.price_cents,
      currency: o.currency,
      holderName: t.holder_name,
      orderNumber: o.number,
      ticketUrl: `${baseUrl}/tickets/${t.code}`,
    })),
  };
}
