import { getDb } from '@/db/client';
import { loadOrderForTickets, type OrderForTickets } from '@/domain/payments/ticket-views';
import { userMayReadOrder } from '@/domain/accounts/accounts';
import type { CurrentUser } from '@/domain/accounts/current-user';
import { can } from '@/domain/accounts/permissions';
import { getEnv } from '@/platform/env';
import { isUuid } from '@/lib/ids';
import { isOrderAccessToken } from '@/platform/tokens';


/**
 * An order for the holder of its link token, or for a signed-in person who
 * may read it (its buyer, or whoever reads any order: staff, except an Indigenous Access claim, which only its
 * person opens); null for a missing order and for
 * someone else's alike, so order ids cannot be probed. The signed-in person
 * is asked for only when the token does not open the order.
 */
export async function getOrderWithToken(
  orderId: string,
  token: string | null | undefined,
  currentUser: () => Promise<CurrentUser | null>,
): Promise<OrderForTickets | null> {
  if (!isUuid(orderId)) return null;
  const env = getEnv();
  let allowed = Boolean(token && isOrderAccessToken(orderId, token, env.APP_SECRET));
  if (!allowed) {
    const user = await currentUser();
    allowed = user !== null && (await userMayReadOrder(user, orderId, can(user, 'orders.read_any')));
  }
  return allowed ? loadOrderForTickets(getDb(), orderId, env.PUBLIC_BASE_URL) : null;
}
