import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { orders, tickets, type emails, type holdItems, type holds, type seats, type ticketTypes } from '@/db/schema';
import { firstRow, rows, type ColumnsOf } from '@/db/sql';
import { getEnv } from '@/platform/env';
import type { TicketView } from '@/platform/tickets/types';
import { seatLabel } from '@/lib/seats';
import { loadOrderForTickets } from '@/domain/payments/ticket-views';

export interface HoldForCheckout {
  id: string;
  status: string;
  expiresAt: Date;
  expired: boolean;
  screeningId: string;
  quantity: number;
  items: { name: string; quantity: number; unitPriceCents: number }[];
  seats: string[];
  totalCents: number;
  order: { id: string; status: string; checkoutUrl: string | null } | null;
}

/** A hold as its checkout page shows it. The caller has checked the hold token. */
export async function getHoldForCheckout(holdId: string): Promise<HoldForCheckout | null> {
  const db = getDb();
  const hold = await firstRow<Pick<ColumnsOf<typeof holds>, 'id' | 'status' | 'expires_at' | 'screening_id' | 'quantity'> & { expired: boolean }>(db, sql`
    SELECT id, status, to_json(expires_at) AS expires_at, expires_at <= now() AS expired, screening_id, quantity FROM holds WHERE id = ${holdId}`);
  if (!hold) return null;
  const [items, seatRows, [order]] = await Promise.all([
    rows<Pick<ColumnsOf<typeof ticketTypes>, 'name'> & Pick<ColumnsOf<typeof holdItems>, 'quantity' | 'unit_price_cents'>>(db, sql`
      SELECT tt.name, hi.quantity, hi.unit_price_cents FROM hold_items hi JOIN ticket_types tt ON tt.id = hi.ticket_type_id
      WHERE hi.hold_id = ${holdId} ORDER BY tt.position`),
    rows<Pick<ColumnsOf<typeof seats>, 'row_label' | 'seat_number' | 'kind'>>(db, sql`
      SELECT st.row_label, st.seat_number, st.kind FROM hold_seats hs JOIN seats st ON st.id = hs.seat_id WHERE hs.hold_id = ${holdId} ORDER BY st.y, st.x`),
    db.select({ id: orders.id, status: orders.status, checkoutUrl: orders.checkoutUrl }).from(orders).where(eq(orders.holdId, holdId)),
  ]);
  const lines = items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceCents: i.unit_price_cents }));
  return {
    id: hold.id,
    status: hold.status,
    expiresAt: new Date(hold.expires_at),
    expired: hold.expired,
    screeningId: hold.screening_id,
    quantity: hold.quantity,
    items: lines,
    seats: seatRows.map((s) => seatLabel({ row: s.row_label, number: s.seat_number, kind: s.kind })),
    totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    order: order ?? null,
  };
}

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: string;
  createdAt: Date;
}

export async function listOutbox(limit = 300): Promise<OutboxEmail[]> {
  const outbox = await rows<Pick<ColumnsOf<typeof emails>, 'id' | 'to' | 'subject' | 'html' | 'text' | 'status' | 'created_at'>>(getDb(), sql`
    SELECT id, "to", subject, html, text, status, to_json(created_at) AS created_at FROM emails ORDER BY emails.created_at DESC LIMIT ${limit}`);
  return outbox.map((r) => ({ id: r.id, to: r.to, subject: r.subject, html: r.html, text: r.text, status: r.status, createdAt: new Date(r.created_at) }));
}

/** A ticket by its code (the code is the secret), with what its page and PDF show; view is null once it is void. */
export async function getTicketByCode(code: string): Promise<{ status: string; view: TicketView | null } | null> {
  if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)) return null;
  const [row] = await getDb().select({ orderId: tickets.orderId, status: tickets.status }).from(tickets).where(eq(tickets.code, code));
  if (!row) return null;
  const order = await loadOrderForTickets(getDb(), row.orderId, getEnv().PUBLIC_BASE_URL);
  return { status: row.status, view: order?.tickets.find((t) => t.code === code) ?? null };
}
