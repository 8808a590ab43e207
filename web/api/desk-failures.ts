import type { DeskRefundResult } from '@/domain/desk/refund';
import { apiError } from './respond';

/**
 * A refused desk refund as the API's error: the refund command's reasons, each with its status. Unknown reasons are
 * a 409 (the order's state forbade it), never a 500: the command changed nothing.
 */
export function deskRefundFailureResponse(failure: Extract<DeskRefundResult, { ok: false }>) {
  const status: Record<string, number> = {
    not_found: 404,
    order_not_found: 404,
    invalid_request: 422,
    invalid_tickets: 422,
    amount_too_high: 422,
    unavailable: 503,
  };
  return apiError(status[failure.reason] ?? 409, failure.reason, failure.message);
}
