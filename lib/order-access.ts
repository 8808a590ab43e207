import { getDb } from '@/db/client';
import { loadOrderForTickets, type OrderForTickets } from '@/db/queries/ticket-views';
import { userMayReadOrder } from '@/db/queries/accounts';
import { getCurrentUser } from './auth/guards';
import { getEnv } from './env';
import { isUuid } from './ids';
import { isOrderAccessToken } from './tokens';


/**
 * An order for the holder of its link token, or for a signed-in person who
 * may read it (its buyer, or staff); null for a missing order and for
 * someone else's alike, so order ids cannot be probed.
 */
export async function getOrderWithToken(orderId: string, token: string | null | undefined): Promise<OrderForTickets | null> {
  if (!isUuid(orderId)) return null;
  const env = getEnv();
  let allowed = Boolean(token && isOrderAccessToken(orderId, token, env.APP_SECRET));
  if (!allowed) {
    const user = await getCurrentUser();
    allowed = user !== null && (await userMayReadOrder(user, orderId));
  }
  return allowed ? loadOrderForTickets(getDb(), orderId, env.PUBLIC_BASE_URL) : null;
}
