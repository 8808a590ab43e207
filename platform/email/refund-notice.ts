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

export interface RefundNoticeInput {
  festivalName: string;
  buyerName: string;
  orderNumber: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  amountCents: number;
  currency: string;
  /** Tickets voided by this refund (0 for a gift-only refund). */
  tickets: number;
  /** Tickets of the order still valid after it. */
  ticketsLeft: number;
  donationCents: number;
  /** How the money comes back: to the card (Stripe), or across the desk (cash, card terminal). */
  method: 'stripe' | 'cash' | 'card_terminal' | 'complimentary' | 'exchange_credit';
  reason: string;
}

/** A refund made by the box office (or a cancellation): what was refunded, how the money comes back, what stays valid. */
export function renderRefundNotice(input: RefundNoticeInput): RenderedEmail {
  const amount = formatCents(input.amountCents, input.currency);
  const when = formatScreeningTime(input.startsAt, null, input.timeZone);
  const subject = cleanSubject(`Refund for ${input.festivalName} order ${input.orderNumber}`);
  const ticketLine =
    input.tickets === 0
      ? 'Your tickets are unchanged.'
      : `${input.tickets === 1 ? 'One ticket' : `${input.tickets} tickets`} for ${input.title} (${when}) ${input.tickets === 1 ? 'is' : 'are'} now cancelled and will not scan at the door.` +
        (input.ticketsLeft > 0 ? ` Your other ${input.ticketsLeft === 1 ? 'ticket stays' : `${input.ticketsLeft} tickets stay`} valid.` : '');
  const moneyLine =
    input.amountCents === 0
      ? 'No money was taken for these tickets, so there is nothing to pay back.'
      : input.method === 'stripe'
        ? `We are refunding ${amount} to your original payment method; it usually shows on your statement within 5–10 business days.`
        : `${amount} was refunded to you at the box office.`;
  const giftLine = input.donationCents > 0 ? `This includes your gift to the access fund (${formatCents(input.donationCents, input.currency)}), refunded as you asked.` : null;
  const facts = [`Hi ${input.buyerName},`, ticketLine, moneyLine, ...(giftLine ? [giftLine] : []), `Reason: ${input.reason}`, `Order number: ${input.orderNumber}`];
  const html = emailDocument({
    title: subject,
    preheader: input.amountCents > 0 ? `${amount} refunded for order ${input.orderNumber}.` : `Tickets cancelled for order ${input.orderNumber}.`,
    bodyHtml: [heading('Your refund'), ...facts.map((f) => paragraph(escapeHtml(f)))].join('\n'),
    footer: `You are receiving this email because you placed order ${input.orderNumber} for ${input.festivalName}.`,
  });
  return { subject, html, text: textDocument(['Your refund', ...facts]) };
}
