import { formatCents } from '@/lib/format';
import { formatScreeningTime } from '@/platform/tickets/types';
import { cleanSubject, emailDocument, escapeHtml, heading, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

export interface AutomaticRefundInput {
  festivalName: string;
  buyerName: string;
  orderNumber: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  amountCents: number;
  currency: string;
  /** Optional human-readable detail from the refund job; shown as-is (escaped) when non-empty. */
  reason: string;
}

/**
 * Sent when a payment completes after the seat hold expired and the screening
 * sold out in the meantime: no tickets were issued and the payment was refunded
 * in full. The wording states plainly that no action is needed and nothing was charged in the end.
 */
export function renderAutomaticRefund(input: AutomaticRefundInput): RenderedEmail {
  const amount = formatCents(input.amountCents, input.currency);
  const when = formatScreeningTime(input.startsAt, null, input.timeZone);
  const subject = cleanSubject(`Refund for ${input.festivalName} order ${input.orderNumber}: no seats were left`);
  const reason = input.reason.trim();

  const facts = {
    greeting: `Hi ${input.buyerName},`,
    what: `Your payment for ${input.title} (${when}) arrived after the seats we were holding for you had been released, and by then no seats were left for this screening.`,
    refund: `We have not issued any tickets and have refunded the full amount, ${amount}, to your original payment method. Refunds usually take 5–10 business days to appear on your statement. You do not need to do anything.`,
    order: `Order number: ${input.orderNumber}`,
    sorry: `We are sorry. Other screenings of ${input.festivalName} may still have seats.`,
  };

  const body = [
    heading('Your payment has been refunded'),
    paragraph(escapeHtml(facts.greeting)),
    paragraph(escapeHtml(facts.what)),
    paragraph(escapeHtml(facts.refund)),
    ...(reason ? [paragraph(`<strong>Details:</strong> ${escapeHtml(reason)}`)] : []),
    paragraph(`<strong>Order number:</strong> ${escapeHtml(input.orderNumber)}`),
    paragraph(escapeHtml(facts.sorry)),
  ].join('\n');

  const html = emailDocument({
    title: subject,
    preheader: `${amount} refunded in full: no seats were left for ${input.title}.`,
    bodyHtml: body,
    footer: `You are receiving this email because you placed order ${input.orderNumber} for ${input.festivalName}.`,
  });
  const text = textDocument([
    'Your payment has been refunded',
    facts.greeting,
    facts.what,
    facts.refund,
    ...(reason ? [`Details: ${reason}`] : []),
    facts.order,
    facts.sorry,
  ]);
  return { subject, html, text };
}
