import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CheckoutFormError, type CheckoutFormValues, EMPTY_FORM, renderCheckoutPage, renderMessagePage } from './checkout-page';
import { StripeApiError } from './errors';
import { readBody, redirect, sendHtml } from './http';
import type { CheckoutSessionObject } from './objects';
import type { CardDetails, EmulatorState } from './state';

/** `GET|POST /checkout/:id`: the page a customer is sent to by `session.url`. */
export async function handleHostedCheckout(req: IncomingMessage, res: ServerResponse, id: string, state: EmulatorState): Promise<void> {
  let view: ReturnType<EmulatorState['describeSession']>;
  try {
    view = state.describeSession(id);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendHtml(res, 404, renderMessagePage('Checkout not found', 'There is no checkout session with this address. The link may be mistyped.'));
    return;
  }
  const { session, lineItems } = view;
  if (session.status !== 'open') {
    sendHtml(res, req.method === 'POST' ? 409 : 200, closedPage(session));
    return;
  }
  if (req.method !== 'POST') {
    sendHtml(res, 200, renderCheckoutPage(session, lineItems));
    return;
  }

  const values = readValues(await readBody(req));
  const card = parseCard(values);
  if ('field' in card) {
    sendHtml(res, 400, renderCheckoutPage(session, lineItems, values, card));
    return;
  }
  const result = state.pay(id, card);
  if (result.ok) {
    redirect(res, result.session.success_url);
    return;
  }
  sendHtml(res, result.error.status, renderCheckoutPage(session, lineItems, values, { field: 'card_number', message: result.error.message }));
}

function closedPage(session: CheckoutSessionObject): string {
  if (session.status === 'expired') {
    const back = session.cancel_url ? { href: session.cancel_url, text: 'Go back' } : undefined;
    return renderMessagePage('This checkout has expired', 'The time to pay for this order has run out. No payment was taken.', back);
  }
  return renderMessagePage('This checkout is complete', 'This order has already been paid for.', { href: session.success_url, text: 'Continue' });
}

function readValues(body: string): CheckoutFormValues {
  const form = new URLSearchParams(body);
  return {
    card_number: form.get('card_number') ?? EMPTY_FORM.card_number,
    expiry: form.get('expiry') ?? EMPTY_FORM.expiry,
    cvc: form.get('cvc') ?? EMPTY_FORM.cvc,
    name: form.get('name') ?? EMPTY_FORM.name,
  };
}

/**
 * Expiry and CVC may be left empty (tests often type only the card number),
 * but what is typed must look right, like on a real payment form.
 */
function parseCard(values: CheckoutFormValues): CardDetails | CheckoutFormError {
  const expiry = parseExpiry(values.expiry.trim());
  if (expiry && 'field' in expiry) return expiry;
  const cvc = values.cvc.trim();
  if (cvc !== '' && !/^\d{3,4}$/.test(cvc)) return { field: 'cvc', message: 'Enter the 3 or 4 digit security code (CVC).' };
  const name = values.name.trim();
  return { number: values.card_number, ...(name ? { name } : {}), ...expiry };
}

function parseExpiry(text: string): { expMonth: number; expYear: number } | CheckoutFormError | undefined {
  if (text === '') return undefined;
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text);
  const month = Number(match?.[1]);
  const yearText = match?.[2] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (!match || month < 1 || month > 12) return { field: 'expiry', message: 'Enter the expiry date as MM/YY, for example 12/34.' };
  const now = new Date();
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    return { field: 'expiry', message: 'Your card’s expiry date is in the past.' };
  }
  return { expMonth: month, expYear: year };
}
