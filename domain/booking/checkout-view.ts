import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getEnv } from '@/platform/env';
import type { TicketView } from '@/platform/tickets/types';
import { seatLabel, type SeatKind } from '@/lib/seats';
import { loadOrderForTickets } from '@/domain/payments/ticket-views';

type Row = Record<string, unknown>;

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
  const [hold] = await db.execute<{ id: string; status: string; expires_at: string; expired: boolean; screening_id: string; quantity: number } & Row>(sql`
    SELECT id, status, to_json(expires_at) AS expires_at, expires_at <= now() AS expired, screening_id, quantity FROM holds WHERE id = ${holdId}`);
  if (!hold) return null;
  const [items, seats, orders] = await Promise.all([
    db.execute<{ name: string; quantity: number; unit_price_cents: number } & Row>(sql`
      SELECT tt.name, hi.quantity, hi.unit_price_cents FROM hold_items hi JOIN ticket_types tt ON tt.id = hi.ticket_type_id
      WHERE hi.hold_id = ${holdId} ORDER BY tt.position`),
    db.execute<{ row_label: string; seat_number: number; kind: SeatKind } & Row>(sql`
      SELECT st.row_label, st.seat_number, st.kind FROM hold_seats hs JOIN seats st ON st.id = hs.seat_id WHERE hs.hold_id = ${holdId} ORDER BY st.y, st.x`),
    db.execute<{ id: string; status: string; checkout_url: string | null } & Row>(sql`SELECT id, status, checkout_url FROM orders WHERE hold_id = ${holdId}`),
  ]);
  const lines = items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceCents: i.unit_price_cents }));
  const order = orders[0];
  return {
    id: hold.id,
    status: hold.status,
    expiresAt: new Date(hold.expires_at),
    expired: hold.expired,
    screeningId: hold.screening_id,
    quantity: hold.quantity,
    items: lines,
    seats: seats.map((s) => seatLabel({ row: s.row_label, number: s.seat_number, kind: s.kind })),
    totalCents: lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    order: order ? { id: order.id, status: order.status, checkoutUrl: order.checkout_url } : null,
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

export async function listOutbox(limit = 100): Promise<OutboxEmail[]> {
  const rows = await getDb().execute<{ id: string; to: string; subject: string; html: string; text: string; status: string; created_at: string } & Row>(sql`
    SELECT id, "to", subject, html, text, status, to_json(created_at) AS created_at FROM emails ORDER BY emails.created_at DESC LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, html: r.html, text: r.text, status: r.status, createdAt: new Date(r.created_at) }));
}

/** A ticket by its code (the code is the secret), with what its page and PDF show; view is null once it is void. */
export async function getTicketByCode(code: string): Promise<{ status: string; view: TicketView | null } | null> {
  if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)) return null;
  const [row] = await getDb().execute<{ order_id: string; status: string } & Row>(sql`SELECT order_id, status FROM tickets WHERE code = ${code}`);
  if (!row) return null;
  const order = await loadOrderForTickets(getDb(), row.order_id, getEnv().PUBLIC_BASE_URL);
  return { status: row.status, view: order?.tickets.find((t) => t.code === code) ?? null };
}
