import { getDb } from '@/db/client';
import { checkHoldToken } from '@/domain/booking/holds';

/** Pages ask only "may this browser see the hold?". */
export async function checkHoldTokenForPage(holdId: string, token: string | null): Promise<boolean> {
  const access = await checkHoldToken(getDb(), holdId, token);
  return access.ok;
}
