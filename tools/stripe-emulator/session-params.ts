import { invalidRequest, missingParam } from './errors';
import {
  type FormObject,
  type FormValue,
  isFormObject,
  optionalArray,
  optionalInteger,
  optionalMetadata,
  optionalObject,
  optionalString,
  requiredInteger,
  requiredString,
} from './form';
import type { LineItem, Metadata } from './objects';

/**
 * Validation for `POST /v1/checkout/sessions`: turns the parsed form into
 * the values a session needs, or throws the 400 Stripe would send.
 */
export interface SessionInput {
  lineItems: LineItem[];
  currency: string;
  amountTotal: number;
  successUrl: string;
  cancelUrl: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  intentMetadata: Metadata;
  expiresAt: number;
}

/** Stripe accepts expires_at between 30 minutes and 24 hours after creation. */
export const MIN_EXPIRY_SECONDS = 30 * 60;
export const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

export function parseSessionParams(params: FormObject, created: number): SessionInput {
  const mode = requiredString(params, 'mode');
  if (mode !== 'payment') throw invalidRequest(`The Stripe emulator supports only mode=payment, not mode=${mode}.`, { param: 'mode' });

  const lineItems = parseLineItems(params);
  const currency = lineItems[0]?.currency ?? '';
  if (lineItems.some((item) => item.currency !== currency)) {
    throw invalidRequest('All line items must use the same currency.', { param: 'line_items' });
  }

  const paymentIntentData = optionalObject(params, 'payment_intent_data') ?? {};
  const customerEmail = optionalString(params, 'customer_email') ?? null;
  if (customerEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(customerEmail)) {
    throw invalidRequest(`Invalid email address: ${customerEmail}`, { code: 'email_invalid', param: 'customer_email' });
  }

  return {
    lineItems,
    currency,
    amountTotal: lineItems.reduce((sum, item) => sum + item.amount_total, 0),
    successUrl: parseUrl(requiredString(params, 'success_url'), 'success_url'),
    cancelUrl: parseOptionalUrl(optionalString(params, 'cancel_url'), 'cancel_url'),
    customerEmail,
    clientReferenceId: optionalString(params, 'client_reference_id') ?? null,
    metadata: optionalMetadata(params, 'metadata'),
    intentMetadata: optionalMetadata(paymentIntentData, 'metadata', 'payment_intent_data[metadata]'),
    expiresAt: parseExpiresAt(optionalInteger(params, 'expires_at'), created),
  };
}

function parseLineItems(params: FormObject): LineItem[] {
  const items = optionalArray(params, 'line_items');
  if (!items || items.length === 0) throw missingParam('line_items');
  return items.map((item, index) => parseLineItem(item, `line_items[${index}]`));
}

function parseLineItem(item: FormValue, param: string): LineItem {
  if (!isFormObject(item)) throw invalidRequest(`Invalid object: ${param} must be a hash.`, { param });
  if (optionalString(item, 'price', `${param}[price]`) !== undefined) {
    throw invalidRequest('The Stripe emulator supports only price_data line items, not saved prices.', { param: `${param}[price]` });
  }
  const priceData = optionalObject(item, 'price_data', `${param}[price_data]`);
  if (!priceData) throw missingParam(`${param}[price_data]`);
  const currency = requiredString(priceData, 'currency', `${param}[price_data][currency]`).toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, { param: `${param}[price_data][currency]` });
  const unitAmount = requiredInteger(priceData, 'unit_amount', `${param}[price_data][unit_amount]`);
  if (unitAmount < 0) throw invalidRequest('Invalid non-negative integer', { param: `${param}[price_data][unit_amount]` });
  const productData = optionalObject(priceData, 'product_data', `${param}[price_data][product_data]`);
  if (!productData) throw missingParam(`${param}[price_data][product_data]`);
  const name = requiredString(productData, 'name', `${param}[price_data][product_data][name]`);
  const quantity = requiredInteger(item, 'quantity', `${param}[quantity]`);
  if (quantity < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: `${param}[quantity]` });
  return { description: name, currency, unit_amount: unitAmount, quantity, amount_total: unitAmount * quantity };
}

function parseUrl(value: string, param: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidRequest('Not a valid URL', { code: 'url_invalid', param });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidRequest('Not a valid URL', { code: 'url_invalid', param });
  return value;
}

function parseOptionalUrl(value: string | undefined, param: string): string | null {
  return value === undefined ? null : parseUrl(value, param);
}

/**
 * Same bounds and wording as Stripe, measured from the session's creation
 * second. Like Stripe there is no grace period: an app that asks for exactly
 * "now + 30 min" can be rejected once the request takes a second, and it is
 * better to learn that here than in production.
 */
function parseExpiresAt(expiresAt: number | undefined, created: number): number {
  if (expiresAt === undefined) return created + MAX_EXPIRY_SECONDS;
  if (expiresAt - created < MIN_EXPIRY_SECONDS) {
    throw invalidRequest('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', { param: 'expires_at' });
  }
  if (expiresAt - created > MAX_EXPIRY_SECONDS) {
    throw invalidRequest('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  return expiresAt;
}
