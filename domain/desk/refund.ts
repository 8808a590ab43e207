import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import type { OrderSettings } from '@/domain/payments/orders';
import { firstRow } from '@/db/sql';

export interface DeskRefundInput {
  orderId: string;
  ticketIds?: string[];
  amountCents?: number;
  includeDonation: boolean;
  reason: string;
  /** The form's (or API client's) own key: a replay of the same request lands once. */
  requestKey: string;
}

export type DeskRefundResult =
  | { ok: true; refundId: string; amountCents: number; status: 'pending' | 'succeeded' | 'failed' }
  | { ok: false; reason: string; message: string };

/**
 * A refund asked for at the desk or through the staff API. The desk reads only orders it may (never an Indigenous
 * Access order: such an order is "not found" here as on the order page), then hands over to the one refund command.
 * The request key is scoped to the order, so a key reused on another order can never answer with the first order's refund.
 */
export async function refundFromDesk(db: Database, actor: CurrentUser, input: DeskRefundInput, settings: OrderSettings): Promise<DeskRefundResult> {
  const visible = await firstRow<{ id: string }>(db, sql`
    SELECT id FROM orders WHERE id = ${input.orderId} AND scheme IS DISTINCT FROM 'indigenous_access'`);
  if (!visible) return { ok: false, reason: 'not_found', message: 'No such order.' };
  void actor;
  void settings;
  // Filled in when domain/refunds/refund-order.ts lands on main.
  return { ok: false, reason: 'unavailable', message: 'Refunds are not available yet.' };
}

export const deskRequestKey = (orderId: string, key: string) => `desk:${orderId}:${key}`;
