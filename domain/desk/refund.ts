import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import type { OrderSettings } from '@/domain/payments/orders';
import { refundOrder, type RefundFailure } from '@/domain/refunds/refund-order';
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
  | { ok: false; reason: RefundFailure; message: string };

/**
 * A refund asked for at the desk or through the staff API. The desk reads only orders it may (never an Indigenous
 * Access order: such an order is "not found" here as on the order page), then hands over to the one refund command.
 * The request key is scoped to the order, so a key reused on another order can never answer with the first order's refund.
 */
/** The desk's key, scoped to the order (refunds.request_key is unique across all refunds). */
export const deskRequestKey = (orderId: string, key: string) => `desk:${orderId}:${key}`;

export async function refundFromDesk(db: Database, actor: CurrentUser, input: DeskRefundInput, settings: OrderSettings): Promise<DeskRefundResult> {
  const visible = await firstRow<{ id: string }>(db, sql`
    SELECT id FROM orders WHERE id = ${input.orderId} AND scheme IS DISTINCT FROM 'indigenous_access'`);
  if (!visible) return { ok: false, reason: 'not_found', message: 'No such order.' };
  const result = await refundOrder(
    db,
    actor,
    {
      orderId: input.orderId,
      ticketIds: input.ticketIds,
      amountCents: input.amountCents,
      includeDonation: input.includeDonation,
      reason: input.reason,
      source: 'staff',
      requestKey: deskRequestKey(input.orderId, input.requestKey),
    },
    settings,
  );
  return result.ok ? { ok: true, refundId: result.refundId, amountCents: result.amountCents, status: result.status } : result;
}

