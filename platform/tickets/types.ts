import { formatTime, localDate, zoneAbbreviation } from '@/lib/time';

/** Everything needed to render one ticket (PDF page, email entry), already resolved from the database. */
export interface TicketView {
  code: string; // unguessable ticket code, e.g. "K7QF-2M9X-P4TC"
  festivalName: string;
  title: string; // screening title (film or programme)
  startsAt: Date;
  endsAt: Date;
  timeZone: string; // IANA zone of the festival: every time shown is formatted in it, never the server's zone
  venueName: string;
  venueAddress: string;
  seatLabel: string | null; // "Row G, seat 6, wheelchair space" or null for general admission
  ticketTypeName: string; // "Adult"
  priceCents: number; // all-in price, e.g. 1800
  currency: string; // "CAD"
  holderName: string;
  orderNumber: string; // short human reference, e.g. "MQ-7K2P9Q"
  ticketUrl: string; // absolute URL of the ticket page; the QR code encodes this
}

export const GENERAL_ADMISSION = 'General admission';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Friday, November 27, 2026" in the festival zone. Tickets outlive the festival, so the year is included. */
function formatFullDate(instant: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

/**
 * "Friday, November 27, 2026, 7:30 p.m.–9:15 p.m. PST", always in the festival zone.
 * A screening that ends after local midnight names the end date too, so nobody
 * reads "11:30 p.m.–1:10 a.m." as a typo. Without an end, only the start is shown.
 */
export function formatScreeningTime(startsAt: Date, endsAt: Date | null, timeZone: string): string {
  const start = `${formatFullDate(startsAt, timeZone)}, ${formatTime(startsAt, timeZone)}`;
  const zone = zoneAbbreviation(startsAt, timeZone);
  if (!endsAt) return `${start} ${zone}`;
  const sameDay = localDate(startsAt, timeZone) === localDate(endsAt, timeZone);
  const end = sameDay ? formatTime(endsAt, timeZone) : `${formatFullDate(endsAt, timeZone)}, ${formatTime(endsAt, timeZone)}`;
  return `${start}–${end} ${zone}`;
}

export function seatText(ticket: Pick<TicketView, 'seatLabel'>): string {
  return ticket.seatLabel ?? GENERAL_ADMISSION;
}
