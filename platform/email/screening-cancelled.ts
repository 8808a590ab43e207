import { formatCents } from '@/lib/format';
import { formatScreeningTime } from '@/platform/tickets/types';
import { buttonLink, cleanSubject, emailDocument, escapeHtml, heading, paragraph, textDocument } from './layout';
import type { RenderedEmail } from './order-confirmation';

export interface ScreeningCancelledInput {
  festivalName: string;
  buyerName: string;
  orderNumber: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  reason: string;
  tickets: number;
  /** What the holder paid for the tickets; 0 for access, partner and donated tickets. */
  paidCents: number;
  currency: string;
  /** The holder's private link to choose (paid tickets only). */
  choiceUrl: string | null;
  /** Holders who have not chosen by then are refunded (paid tickets only). */
  refundDeadline: Date | null;
}

/**
 * The screening is cancelled. A paid holder is offered a refund, an exchange or turning the tickets into a gift to
 * the access fund, through a private link; after the deadline the refund happens by itself, so doing nothing is safe.
 * A holder of $0 tickets is told that they are void.
 */
export function renderScreeningCancelled(input: ScreeningCancelledInput): RenderedEmail {
  const when = formatScreeningTime(input.startsAt, null, input.timeZone);
  const subject = cleanSubject(`Cancelled: ${input.title}, ${when} (order ${input.orderNumber})`);
  const count = input.tickets === 1 ? 'your ticket' : `your ${input.tickets} tickets`;
  const paid = input.paidCents > 0 && input.choiceUrl && input.refundDeadline;
  const deadline = input.refundDeadline ? formatScreeningTime(input.refundDeadline, null, input.timeZone) : '';
  const facts = {
    greeting: `Hi ${input.buyerName},`,
    what: `We are sorry: ${input.title} on ${when} has been cancelled.`,
    reason: input.reason.trim() ? `Why: ${input.reason.trim()}` : '',
    offer: paid
      ? `You paid ${formatCents(input.paidCents, input.currency)} for ${count}. You can choose: a full refund, an exchange to another screening of ${input.festivalName}, or turning the money into a gift to our access fund, which pays for tickets for people who could not otherwise come.`
      : `${count[0]!.toUpperCase()}${count.slice(1)} no longer admit anyone and nothing was charged, so there is nothing to refund. You do not need to do anything.`,
    deadline: paid ? `If you have not chosen by ${deadline}, we refund you in full to your original payment method. You do not need to do anything for that.` : '',
    order: `Order number: ${input.orderNumber}`,
  };
  const body = [
    heading('Your screening is cancelled'),
    paragraph(escapeHtml(facts.greeting)),
    paragraph(escapeHtml(facts.what)),
    ...(facts.reason ? [paragraph(escapeHtml(facts.reason))] : []),
    paragraph(escapeHtml(facts.offer)),
    ...(paid ? [paragraph(buttonLink(input.choiceUrl!, 'Choose a refund, an exchange or a gift')), paragraph(escapeHtml(facts.deadline))] : []),
    paragraph(`<strong>Order number:</strong> ${escapeHtml(input.orderNumber)}`),
  ].join('\n');
  const html = emailDocument({
    title: subject,
    preheader: facts.what,
    bodyHtml: body,
    footer: `You are receiving this email because you hold order ${input.orderNumber} for ${input.festivalName}.`,
  });
  const text = textDocument([
    'Your screening is cancelled',
    facts.greeting,
    facts.what,
    ...(facts.reason ? [facts.reason] : []),
    facts.offer,
    ...(paid ? [`Choose here: ${input.choiceUrl}`, facts.deadline] : []),
    facts.order,
  ]);
  return { subject, html, text };
}
