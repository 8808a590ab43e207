import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { recordAudit } from '@/domain/audit/audit-log';
import { transact } from '@/domain/shared/refusal';
import { emailOrderTickets, type OrderSettings } from '@/domain/payments/orders';
import { firstRow } from '@/db/sql';

export const EmailTicketsInput = z.object({
  orderId: z.guid(),
  email: z.email('Type an email address.').max(254),
});
export type EmailTicketsInput = z.input<typeof EmailTicketsInput>;

export type EmailTicketsResult = { ok: true; to: string } | { ok: false; reason: 'invalid_request' | 'not_found' | 'no_tickets'; message: string };

/**
 * Sends an order's tickets (PDF and calendar file attached) to the buyer or to an address the buyer gives at the desk
 * (a walk-up who paid anonymously). A staff write like any other: the audit log says who sent which order where.
 * Indigenous Access orders are not the desk's to read, so not to send either.
 */
export async function emailTicketsFromDesk(db: Database, actor: CurrentUser, input: EmailTicketsInput, settings: OrderSettings): Promise<EmailTicketsResult> {
  const parsed = EmailTicketsInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid_request', message: parsed.error.issues[0]?.message ?? 'Check the email address.' };
  const { orderId, email } = parsed.data;
  return transact<EmailTicketsResult, EmailTicketsResult>(db, async (tx, refuse) => {
    const order = await firstRow<{ screening_id: string; valid: number }>(tx, sql`
      SELECT o.screening_id, (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS valid
      FROM orders o WHERE o.id = ${orderId} AND o.scheme IS DISTINCT FROM 'indigenous_access'`);
    if (!order) return refuse({ ok: false, reason: 'not_found', message: 'No such order.' });
    if (order.valid === 0) return refuse({ ok: false, reason: 'no_tickets', message: 'This order has no valid tickets to send.' });
    await emailOrderTickets(tx, orderId, settings, email);
    await recordAudit(tx, actor, { action: 'emailOrderTickets', subjectKind: 'order', subjectId: orderId, orderId, screeningId: order.screening_id, after: { to: email.toLowerCase() } });
    return { ok: true, to: email.toLowerCase() };
  });
}
