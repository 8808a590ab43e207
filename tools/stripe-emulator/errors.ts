/**
 * Errors in Stripe's wire format. The SDK turns `error.type` into its own
 * error classes (StripeInvalidRequestError, StripeAuthenticationError, …),
 * so matching the shape is what makes `await stripe.x.y()` throw the same
 * way it would against api.stripe.com.
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  error: { type: StripeErrorType; message: string; code?: string; param?: string };
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { type?: StripeErrorType; code?: string; param?: string } = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  toBody(): StripeErrorBody {
    const { type = 'invalid_request_error', code, param } = this.details;
    return { error: { type, message: this.message, ...(code ? { code } : {}), ...(param ? { param } : {}) } };
  }
}

export function invalidRequest(message: string, details: { code?: string; param?: string } = {}): StripeApiError {
  return new StripeApiError(400, message, details);
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

/** Stripe's 404 names the object type and the id exactly like this. */
export function noSuch(objectName: string, id: string, param: string): StripeApiError {
  return new StripeApiError(404, `No such ${objectName}: '${id}'`, { code: 'resource_missing', param });
}
