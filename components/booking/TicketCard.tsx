import Link from 'next/link';
import type { TicketView } from '@/platform/tickets/types';
import { qrSvg } from '@/platform/tickets/qr';
import { formatCents } from '@/lib/format';
import { formatDayLong, formatTime } from '@/lib/time';

/** One ticket with its QR code; the code under it is what the door scans or types. */
export async function TicketCard({ ticket, link = true }: { ticket: TicketView; link?: boolean }) {
  const svg = await qrSvg(ticket.ticketUrl);
  return (
    <article className="flex flex-col gap-4 rounded-lg border-2 border-stone-400 bg-white p-4 sm:flex-row" aria-label={`Ticket ${ticket.code}`}>
      <div
        role="img"
        aria-label={`QR code for ticket ${ticket.code}`}
        className="h-40 w-40 shrink-0 [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <div>
        <p className="text-sm text-muted">{ticket.festivalName}</p>
        <h3 className="font-serif text-xl font-bold">{ticket.title}</h3>
        <p>
          {formatDayLong(ticket.startsAt, ticket.timeZone)}, {formatTime(ticket.startsAt, ticket.timeZone)}
        </p>
        <p>
          {ticket.venueName} · {ticket.seatLabel ?? 'General admission'}
        </p>
        <p className="text-sm">
          {ticket.ticketTypeName} · {formatCents(ticket.priceCents, ticket.currency)} · {ticket.holderName}
        </p>
        <p className="mt-2 font-mono text-lg font-bold tracking-wider">{ticket.code}</p>
        {link ? (
          <Link href={`/tickets/${ticket.code}`} className="text-sm underline">
            Open this ticket
          </Link>
        ) : null}
      </div>
    </article>
  );
}
