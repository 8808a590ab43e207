import { getDb } from '@/db/client';
import { loadOrderForTickets, type OrderForTickets } from '@/db/queries/ticket-views';
import { getEnv } from './env';
import { isOrderAccessToken } from './tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An order for the holder of its link token; null for a missing order and a wrong token alike. */
export async function getOrderWithToken(orderId: string, token: string | null | undefined): Promise<OrderForTickets | null> {
  if (!UUID.test(orderId) || !token) return null;
  const env = getEnv();
  if (!isOrderAccessToken(orderId, token, env.APP_SECRET)) return null;
  return loadOrderForTickets(getDb(), orderId, env.PUBLIC_BASE_URL);
}
