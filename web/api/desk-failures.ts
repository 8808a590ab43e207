import type { DeskRefundResult } from '@/domain/desk/refund';
import { apiError } from './respond';

/**
 * A refused desk refund as the API's error: each of the refund command's reasons with its status (never a 500: a
 * refused command changed nothing).
 */
export function deskRefundFailureResponse(failure: Extract<DeskRefundResult, { ok: false }>) {
  const status: Record<typeof failure.reason, number> = {
    not_found: 404,
    // Indigenous Access orders are filtered out before this; any other access order is given back, not refunded.
    access_order: 409,
    not_refundable: 409,
    checked_in: 409,
    nothing_to_refund: 422,
    amount_too_large: 422,
    invalid: 422,
  };
  return apiError(status[failure.reason], failure.reason, failure.message);
}
